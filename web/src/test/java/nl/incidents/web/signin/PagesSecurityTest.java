package nl.incidents.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages of the embedded default as a browser meets them: the safety headers on every answer, sign-in first,
 * Dutch first, sign-out only with the CSRF token and then at the provider too, and the embedded provider present.
 */
@SpringBootTest(properties = "server.port=18931")
@AutoConfigureMockMvc
class PagesSecurityTest {

    static final String ISSUER = "http://localhost:18931";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + ISSUER;

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void everyAnswerCarriesTheBrowserSafetyHeaders() throws Exception {
        for (String path : new String[] {"/signin", "/", "/provider/login", "/no-such-page", "/css/site.css"}) {
            mvc.perform(get(path).accept("text/html"))
                    .andExpect(header().string("Content-Security-Policy", POLICY))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")));
        }
    }

    @Test
    void thePagesScriptAndStylesAreOpenBeforeSignInSoThatSignInReturnsToAPage() throws Exception {
        for (String path : new String[] {"/js/site.js", "/css/site.css"}) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
    }

    @Test
    void thePagesHaveNoInlineScriptOrStyle() throws Exception {
        for (String path : new String[] {"/signin", "/provider/login"}) {
            String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).doesNotContain("style=", "<style", "onclick");
            // Scripts only from files of this module (the Content-Security-Policy refuses any other).
            assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)");
        }
    }

    @Test
    void thePagesOwnScriptAndStylesheetLoadBeforeSignIn() throws Exception {
        // Were they behind sign-in, the sign-in page's own script would be remembered as the page to return to.
        for (String path : new String[] {"/js/site.js", "/css/site.css", "/webjars/htmx.org/dist/htmx.min.js"}) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
    }

    @Test
    void aPageOpenedWithoutASessionRedirectsToSignIn() throws Exception {
        mvc.perform(get("/").accept("text/html"))
                .andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.LOCATION, endsWith("/signin")));
    }

    @Test
    void aPageOpenedAtAnotherNameOfTheMachineMovesToTheIssuersAddress() throws Exception {
        mvc.perform(get("/signin?lang=en").with(request -> {
                    request.setServerName("127.0.0.1");
                    return request;
                }))
                .andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.LOCATION, ISSUER + "/signin?lang=en"));
    }

    @Test
    void theSignInPageIsDutchFirstAndEnglishOnRequest() throws Exception {
        mvc.perform(get("/signin").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR,de;q=0.8"))
                .andExpect(content().string(containsString("<html lang=\"nl\">")))
                .andExpect(content().string(containsString(">Inloggen</a>")))
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/incidents\"")));
        mvc.perform(get("/signin").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9"))
                .andExpect(content().string(containsString(">Sign in</a>")));
        mvc.perform(get("/signin?lang=en").header(HttpHeaders.ACCEPT_LANGUAGE, "nl"))
                .andExpect(content().string(containsString(">Sign in</a>")))
                .andExpect(cookie().value("INCIDENTS_LANG", "en"));
        mvc.perform(get("/signin").param("error", ""))
                .andExpect(content().string(containsString("Inloggen is niet gelukt")));
    }

    @Test
    void signInStartsTheCodeFlowWithPkceAtTheProvider() throws Exception {
        String location = mvc.perform(get("/oauth2/authorization/incidents"))
                .andExpect(status().isFound()).andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        var query = UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        assertThat(location).startsWith(ISSUER + "/oauth2/authorize?");
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("client_id")).isEqualTo("incidents-web");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("redirect_uri")).isEqualTo("http://localhost/login/oauth2/code/incidents");
    }

    /** A form with a file is read only at the evidence form and only from someone signed in (FormGuard). */
    @Test
    void aFormWithAFileIsTakenOnlyAtTheEvidenceFormAndOnlyFromSomeoneSignedIn() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "schermafbeelding.png", "image/png", new byte[] {1, 2, 3});
        mvc.perform(multipart("/cases/" + java.util.UUID.randomUUID() + "/evidence").file(file).with(csrf()))
                .andExpect(status().isUnauthorized());
        var registration = registrations.findByRegistrationId("incidents");
        var signedIn = oidcLogin().clientRegistration(registration).idToken(token -> token.subject("teacher"));
        mvc.perform(multipart("/report").file(file).with(signedIn).with(csrf()))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(multipart("/signin").file(file).with(csrf()))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void signOutNeedsTheCsrfTokenAndEndsTheProvidersSessionToo() throws Exception {
        var registration = registrations.findByRegistrationId("incidents");
        var signedIn = oidcLogin().clientRegistration(registration).idToken(token -> token.subject("teacher"));
        mvc.perform(post("/logout").with(signedIn)).andExpect(status().isForbidden());

        MvcResult out = mvc.perform(post("/logout").with(signedIn).with(csrf()))
                .andExpect(status().isFound()).andReturn();
        URI location = URI.create(out.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(location.toString()).startsWith(ISSUER + "/connect/logout?");
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("id_token_hint")).isNotBlank();
        assertThat(query.getFirst("post_logout_redirect_uri")).isEqualTo("http://localhost/");
    }

    @Test
    void theEmbeddedProviderDescribesItselfInTheDemo() throws Exception {
        mvc.perform(get("/.well-known/openid-configuration"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value(ISSUER))
                .andExpect(jsonPath("$.authorization_endpoint").value(ISSUER + "/oauth2/authorize"))
                .andExpect(jsonPath("$.end_session_endpoint").value(ISSUER + "/connect/logout"))
                .andExpect(jsonPath("$.code_challenge_methods_supported[0]").value("S256"));
        mvc.perform(get("/oauth2/jwks")).andExpect(status().isOk()).andExpect(jsonPath("$.keys[0].kty").value("RSA"));
    }
}
