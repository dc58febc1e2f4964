package nl.incidents.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A production profile whose provider's endpoints are given one by one (a container set-up where the browser and
 * the web module reach the provider at different addresses): sign-in starts at the given authorization endpoint with
 * PKCE, and sign-out goes on to the given end-session endpoint. Nothing is discovered.
 */
@SpringBootTest(properties = {
        "incidents.sign-in.issuer=http://localhost:8180/realms/board",
        "incidents.sign-in.client-secret=s3cret",
        "incidents.sign-in.end-session-uri=http://localhost:8180/realms/board/protocol/openid-connect/logout",
        "spring.security.oauth2.client.provider.incidents.authorization-uri=http://localhost:8180/realms/board/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.incidents.token-uri=http://keycloak:8180/realms/board/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.incidents.jwk-set-uri=http://keycloak:8180/realms/board/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.incidents.user-name-attribute=preferred_username"})
@AutoConfigureMockMvc
@ActiveProfiles("axonserver")
class GivenEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void signInAndSignOutUseTheGivenEndpoints() throws Exception {
        String start = mvc.perform(get("/oauth2/authorization/incidents")).andExpect(status().isFound())
                .andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(start).startsWith("http://localhost:8180/realms/board/protocol/openid-connect/auth?")
                .contains("code_challenge_method=S256", "client_id=incidents-web");

        var registration = registrations.findByRegistrationId("incidents");
        assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("preferred_username");
        String out = mvc.perform(post("/logout").with(csrf())
                        .with(oidcLogin().clientRegistration(registration).idToken(token -> token.subject("e1000"))))
                .andExpect(status().isFound()).andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(out).startsWith("http://localhost:8180/realms/board/protocol/openid-connect/logout?id_token_hint=");
    }
}
