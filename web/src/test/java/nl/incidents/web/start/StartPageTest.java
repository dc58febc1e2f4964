package nl.incidents.web.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The start page says who the signed-in person is, as the query service's {@code GET /api/me} answers it when asked
 * with the person's access token from their session (a stand-in query service answers per the sign-in contract);
 * someone the directory does not know reads a plain Dutch message, not an error page.
 */
@SpringBootTest(properties = "server.port=18933")
@AutoConfigureMockMvc
class StartPageTest {

    static final String TEACHER = """
            {"id":"teacher","name":"Tessa de Vries","email":"teacher@demo.example","role":"STAFF",
             "schools":[{"id":"school-1","name":"OBS De Esch"}]}""";
    static final AtomicReference<String> RECEIVED_AUTHORIZATION = new AtomicReference<>();
    static final HttpServer QUERY_SERVICE = queryService();

    @DynamicPropertySource
    static void queryServiceUrl(DynamicPropertyRegistry registry) {
        registry.add("incidents.web.query-service-url", () -> "http://127.0.0.1:" + QUERY_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stopQueryService() {
        QUERY_SERVICE.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @Test
    void namesThePersonTheirRoleInDutchAndTheirSchools() throws Exception {
        String page = startPageAs("teacher", "token-of-teacher", 200);
        assertThat(RECEIVED_AUTHORIZATION).hasValue("Bearer token-of-teacher");
        assertThat(page).contains("Welkom, Tessa de Vries", "leraar/medewerker", "OBS De Esch", ">Uitloggen</button>",
                "name=\"_csrf\"");
    }

    @Test
    void someoneTheDirectoryDoesNotKnowIsToldSoPlainly() throws Exception {
        String page = startPageAs("stranger", "token-of-stranger", 403);
        assertThat(page).contains("u staat niet in de lijst van medewerkers van het schoolbestuur").doesNotContain("Welkom");
    }

    /** The start page for a person signed in with the given access token in their session. */
    private String startPageAs(String subject, String accessToken, int expectedStatus) throws Exception {
        ClientRegistration registration = registrations.findByRegistrationId("incidents");
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest inSession = new MockHttpServletRequest();
        inSession.setSession(session);
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
                Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, subject, token), null, inSession,
                new MockHttpServletResponse());
        return mvc.perform(get("/").session(session)
                        .with(authentication(signedIn(subject))))
                .andExpect(status().is(expectedStatus))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** A person signed in to the pages with OpenID Connect, as the code flow leaves them. */
    private static OAuth2AuthenticationToken signedIn(String subject) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(5, ChronoUnit.MINUTES)).build();
        DefaultOidcUser person = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
        return new OAuth2AuthenticationToken(person, person.getAuthorities(), "incidents");
    }

    /** The query service's {@code GET /api/me} as the contract describes it, for two people. */
    private static HttpServer queryService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/me", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                RECEIVED_AUTHORIZATION.set(authorization);
                byte[] body;
                int status;
                if ("Bearer token-of-teacher".equals(authorization)) {
                    status = 200;
                    body = TEACHER.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                } else {
                    status = 403;
                    body = "{\"title\":\"Forbidden\",\"status\":403}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                }
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
