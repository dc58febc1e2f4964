package nl.incidents.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import nl.incidents.web.WebApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A production profile (postgres) without the demo: the embedded provider is absent (its paths answer 404), the
 * board's provider is not contacted at start-up (a fake issuer counts its visitors), pages still need sign-in, and
 * a missing issuer stops the start with a message naming {@code INCIDENTS_OIDC_ISSUER}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
class ProductionProfileTest {

    static final AtomicInteger ISSUER_VISITS = new AtomicInteger();
    static final HttpServer FAKE_ISSUER = fakeIssuer();

    @DynamicPropertySource
    static void boardsProvider(DynamicPropertyRegistry registry) {
        registry.add("incidents.sign-in.issuer", ProductionProfileTest::issuer);
        registry.add("incidents.sign-in.client-secret", () -> "a-secret-from-the-provider");
    }

    @AfterAll
    static void stopFakeIssuer() {
        FAKE_ISSUER.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theEmbeddedProviderIsAbsentAndTheBoardsIsNotContactedAtStartUp() throws Exception {
        assertThat(ISSUER_VISITS).as("requests to the board's provider during start-up").hasValue(0);
        for (String path : new String[] {"/.well-known/openid-configuration", "/oauth2/authorize", "/oauth2/jwks",
                "/provider/login", "/connect/logout"}) {
            mvc.perform(get(path).accept("text/html")).andExpect(status().isNotFound());
        }
        mvc.perform(get("/").accept("text/html"))
                .andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.LOCATION, endsWith("/signin")));
        mvc.perform(get("/signin"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", endsWith("form-action 'self' " + issuer())));
    }

    @Test
    void withoutAnIssuerTheModuleDoesNotStartAndSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WebApplication.class)
                .profiles("postgres")
                .properties("server.port=0", "incidents.sign-in.client-secret=x")
                .run().close())
                .rootCause()
                .hasMessageContaining("INCIDENTS_OIDC_ISSUER");
    }

    private static String issuer() {
        return "http://127.0.0.1:" + FAKE_ISSUER.getAddress().getPort();
    }

    private static HttpServer fakeIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                ISSUER_VISITS.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
