package nl.incidents.web.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import nl.incidents.web.testing.SignedInPages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.incidents.web.services.ClientAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The access log pages with a stand-in query service that answers as the real one does: the board reads who read a
 * case and a person (by name and role, when in Dutch time, from which address, through a page or the API, refused or
 * not) and pages to older reads; a manager is refused the board's log in plain Dutch; everyone reads "Wie las mijn
 * gegevens" by role, without names or addresses. Every call to the query service carries the browser's address.
 */
@SpringBootTest(properties = "server.port=18936")
@AutoConfigureMockMvc
class AccessLogPagesTest {

    static final String CASE = "3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21";
    static final Map<String, String> MEMBERS = Map.of(
            "Bearer token-of-board", """
                    {"id":"board","name":"Bea Bestuur","role":"BOARD","schools":[]}""",
            "Bearer token-of-manager", """
                    {"id":"manager","name":"Mark Manager","role":"MANAGER","schools":[{"id":"school-1","name":"OBS De Esch"}]}""");
    static final String CASE_LOG = """
            {"entries":[
              {"id":12,"at":"2026-11-30T10:15:00+01:00","reader":{"id":"manager","role":"MANAGER"},"kind":"INCIDENT_DOSSIER",
               "incidentId":"%1$s","address":"203.0.113.7","channel":"PAGE","refused":false},
              {"id":11,"at":"2026-11-30T10:14:00+01:00","reader":{"id":"manager2","role":"MANAGER"},"kind":"HISTORY",
               "incidentId":"%1$s","address":"198.51.100.2","channel":"API","refused":true}],
             "next":11}""".formatted(CASE);
    static final String PERSON_LOG = """
            {"entries":[
              {"id":14,"at":"2026-11-30T11:00:00+01:00","reader":{"id":"board","role":"BOARD"},"kind":"PERSON_DOSSIER",
               "personId":"pupil-7","address":"203.0.113.9","channel":"PAGE","refused":false}]}""";
    static final String OWN_LOG = """
            {"entries":[
              {"at":"2026-11-30T11:00:00+01:00","readerRole":"BOARD","byYou":false,"kind":"PERSON_DOSSIER","personId":"manager",
               "channel":"PAGE","refused":false},
              {"at":"2026-11-30T10:00:00+01:00","readerRole":"MANAGER","byYou":true,"kind":"INCIDENT_DOSSIER",
               "incidentId":"%s","channel":"API","refused":false}]}""".formatted(CASE);
    static final String DOSSIER = """
            {"personId":"pupil-7","kind":"PUPIL","entries":[]}""";
    static final String FORBIDDEN = """
            {"title":"Forbidden","status":403,"code":"access-log.board-only","detail":"Only the board."}""";

    static final List<String> ASKED = new CopyOnWriteArrayList<>();
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

    @BeforeEach
    void forget() {
        ASKED.clear();
    }

    @Test
    void theBoardReadsWhoReadACaseWhenFromWhereAndHowAndPagesToOlderReads() throws Exception {
        String page = page("board", get("/cases/" + CASE + "/access-log").with(from("192.0.2.44")), 200);
        assertThat(ASKED).contains("Bearer token-of-board /api/incidents/" + CASE + "/access-log from 192.0.2.44");
        assertThat(page).contains("<h1>Inzagelog van de zaak</h1>", "2 inzages, de nieuwste eerst",
                "Marieke Jansen (leidinggevende)", "30 november 2026 10:15", "dossier van zaak 3f2b6c1e",
                "href=\"/cases/" + CASE + "\"", "203.0.113.7", ">pagina<", ">ingezien<",
                "geschiedenis van zaak 3f2b6c1e", "198.51.100.2", ">API<", ">geweigerd<",
                "href=\"/cases/" + CASE + "/access-log?before=11\"", "Oudere inzages");
        assertThat(page.indexOf("id=\"entry-12\"")).isPositive().isLessThan(page.indexOf("id=\"entry-11\""));
        assertLivePage(page);

        String older = page("board", get("/cases/" + CASE + "/access-log").param("before", "11"), 200);
        assertThat(ASKED).anyMatch(asked -> asked.startsWith("Bearer token-of-board /api/incidents/" + CASE + "/access-log?before=11"));
        assertThat(older).contains("Naar de nieuwste");
    }

    @Test
    void theCasesHistoryLinksToItsAccessLogAndThePersonsDossierToTheirsForTheBoard() throws Exception {
        assertThat(page("board", get("/people/pupil-7"), 200)).contains("href=\"/people/pupil-7/access-log\"",
                "Inzagelog van deze persoon");
        String person = page("board", get("/people/pupil-7/access-log"), 200);
        assertThat(person).contains("<h1>Inzagelog van pupil-7</h1>", "Anne de Wit (bestuur)", "dossier van pupil-7",
                "203.0.113.9").doesNotContain("Oudere inzages");
        assertThat(page("manager", get("/people/pupil-7"), 200)).doesNotContain("/people/pupil-7/access-log");
    }

    @Test
    void aManagerIsRefusedTheBoardsLogInPlainDutch() throws Exception {
        assertThat(page("manager", get("/cases/" + CASE + "/access-log"), 403))
                .contains("Alleen het bestuur leest het inzagelog").doesNotContain("203.0.113.7");
        assertThat(page("manager", get("/people/pupil-7/access-log"), 403))
                .contains("Alleen het bestuur leest het inzagelog");
    }

    @Test
    void everyoneReadsWhatWasReadAboutThemByRoleWithoutNamesOrAddresses() throws Exception {
        assertThat(page("manager", get("/"), 200)).contains("href=\"/me/access-log\"", "Wie las mijn gegevens");
        String page = page("manager", get("/me/access-log"), 200);
        assertThat(ASKED).anyMatch(asked -> asked.startsWith("Bearer token-of-manager /api/me/access-log"));
        assertThat(page).contains("<h1>Wie las mijn gegevens</h1>", ">bestuur<", "uw dossier", ">uzelf<",
                "dossier van zaak 3f2b6c1e", "vraag het dan aan het bestuur").doesNotContain("Anne de Wit", "203.0.113");
        assertLivePage(page);
        assertThat(page("manager", get("/me/access-log").param("lang", "en"), 200))
                .contains("<h1>Who read my data</h1>", ">board<", "your dossier", ">you<", "30 November 2026 11:00");
    }

    @Test
    void theBoardsLogSpeaksEnglishOnRequest() throws Exception {
        assertThat(page("board", get("/cases/" + CASE + "/access-log").param("lang", "en"), 200))
                .contains("Access log of the case", "Marieke Jansen (manager)", "dossier of case 3f2b6c1e", ">page<",
                        ">refused<", "Older reads");
    }

    /** No inline script or style; the body connects to the live events. */
    private static void assertLivePage(String page) {
        assertThat(page).contains("<body hx-ext=\"sse\" sse-connect=\"/live\">", "<main id=\"main\"");
        assertThat(page).doesNotContain("style=", "<style", "onclick").doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String page(String subject, MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return new SignedInPages(mvc, registrations, authorizedClients).page(subject, request, expectedStatus, "nl");
    }

    /**
     * The query service as the access log pages use it: {@code /api/me}, the logs for the board and 403 with the
     * service's code for anyone else, everyone's own log, and the pupil's dossier; it notes each call with the
     * browser's address the web module passed on.
     */
    private static HttpServer queryService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                String path = exchange.getRequestURI().getPath();
                String query = exchange.getRequestURI().getQuery();
                ASKED.add(authorization + " " + path + (query == null ? "" : "?" + query) + " from "
                        + exchange.getRequestHeaders().getFirst(ClientAddress.HEADER));
                boolean board = "Bearer token-of-board".equals(authorization);
                if (path.equals("/api/me") && MEMBERS.containsKey(authorization)) {
                    SignedInPages.answer(exchange, 200, MEMBERS.get(authorization));
                } else if (path.equals("/api/me/access-log")) {
                    SignedInPages.answer(exchange, 200, OWN_LOG);
                } else if (path.equals("/api/people/pupil-7/dossier")) {
                    SignedInPages.answer(exchange, 200, DOSSIER);
                } else if (!board) {
                    SignedInPages.answer(exchange, 403, FORBIDDEN);
                } else if (path.equals("/api/incidents/" + CASE + "/access-log")) {
                    SignedInPages.answer(exchange, 200, query == null ? CASE_LOG : CASE_LOG.replace(",\n \"next\":11", ""));
                } else if (path.equals("/api/people/pupil-7/access-log")) {
                    SignedInPages.answer(exchange, 200, PERSON_LOG);
                } else {
                    SignedInPages.answer(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
