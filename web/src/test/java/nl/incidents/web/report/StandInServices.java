package nl.incidents.web.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * The command and query services as the web module's tests meet them: one local HTTP server answering both, with
 * answers a test sets per {@code METHOD path} (status, body) and every request kept (method, path, authorization,
 * body). {@code GET /api/me} answers per access token ({@code token-of-<id>}) for the demo board's teacher and
 * manager.
 */
public final class StandInServices {

    /** One request the stand-in received. */
    public record Received(String method, String path, String authorization, String body) {
    }

    /** One answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }

        public static Answer problem(int status, String body) {
            return new Answer(status, "application/problem+json", body);
        }
    }

    static final Map<String, String> MEMBERS = Map.of(
            "Bearer token-of-teacher", """
                    {"id":"teacher","name":"Tessa de Vries","email":"teacher@demo.example","role":"STAFF",
                     "schools":[{"id":"school-1","name":"OBS De Esch"}]}""",
            "Bearer token-of-manager", """
                    {"id":"manager","name":"Marieke Jansen","email":"manager@demo.example","role":"MANAGER",
                     "schools":[{"id":"school-1","name":"OBS De Esch"}]}""");

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public StandInServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** Answers {@code method path} (path with its query, if any) so from now on. */
    public void answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), path, authorization, body));
        Answer answer = answers.get(exchange.getRequestMethod() + " " + path);
        if (answer == null && path.equals("/api/me")) {
            String member = MEMBERS.get(authorization);
            answer = member != null ? Answer.json(200, member) : Answer.problem(403, "{\"status\":403}");
        }
        if (answer == null) {
            answer = Answer.problem(404, "{\"status\":404,\"detail\":\"no such thing\"}");
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), answer.status() == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** A session in which {@code id} is signed in with the access token {@code token-of-<id>}. */
    public static MockHttpSession signedIn(String id, ClientRegistrationRepository registrations,
                                           OAuth2AuthorizedClientRepository authorizedClients) {
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest inSession = new MockHttpServletRequest();
        inSession.setSession(session);
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + id,
                Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId("incidents"),
                id, token), null, inSession, new MockHttpServletResponse());
        return session;
    }

    /** The person signed in to the pages with OpenID Connect, as the code flow leaves them. */
    public static OAuth2AuthenticationToken person(String id) {
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(id)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(5, ChronoUnit.MINUTES)).build();
        DefaultOidcUser person = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
        return new OAuth2AuthenticationToken(person, person.getAuthorities(), "incidents");
    }
}
