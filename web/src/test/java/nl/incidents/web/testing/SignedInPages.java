package nl.incidents.web.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Pages as a signed-in person gets them in the web module's page tests: a session holding the access token
 * {@code token-of-<subject>} (which the stand-in services recognise) and the person's sign-in, as after the real
 * sign-in; and the stand-in services' way of answering.
 */
public final class SignedInPages {

    private final MockMvc mvc;
    private final ClientRegistrationRepository registrations;
    private final OAuth2AuthorizedClientRepository authorizedClients;

    public SignedInPages(MockMvc mvc, ClientRegistrationRepository registrations,
                         OAuth2AuthorizedClientRepository authorizedClients) {
        this.mvc = mvc;
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
    }

    /**
     * @param language the browser's {@code Accept-Language}
     * @return the page's HTML, once it answered {@code expectedStatus}
     */
    public String page(String subject, MockHttpServletRequestBuilder request, int expectedStatus, String language)
            throws Exception {
        return response(subject, request, expectedStatus, language).getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The whole answer, for a download: its headers and bytes.
     *
     * @param language the browser's {@code Accept-Language}
     */
    public MockHttpServletResponse response(String subject, MockHttpServletRequestBuilder request, int expectedStatus,
                                            String language) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest inSession = new MockHttpServletRequest();
        inSession.setSession(session);
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + subject,
                Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId("incidents"),
                subject, token), null, inSession, new MockHttpServletResponse());
        return mvc.perform(request.session(session).header(HttpHeaders.ACCEPT_LANGUAGE, language)
                        .with(authentication(signedIn(subject))))
                .andExpect(status().is(expectedStatus))
                .andReturn().getResponse();
    }

    /** The sign-in of {@code subject} at the web module's OpenID Provider registration. */
    public static OAuth2AuthenticationToken signedIn(String subject) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(5, ChronoUnit.MINUTES)).build();
        DefaultOidcUser person = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
        return new OAuth2AuthenticationToken(person, person.getAuthorities(), "incidents");
    }

    /** A stand-in service's answer: JSON for 200, problem+json otherwise. */
    public static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
