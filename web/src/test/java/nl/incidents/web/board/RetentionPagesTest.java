package nl.incidents.web.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.incidents.web.testing.SignedInPages;
import org.junit.jupiter.api.AfterAll;
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
 * The board's page of the retention schedule (bewaartermijnen) with a stand-in command service that answers its dry
 * run as the real one does: a whole case and a pupil's dossier entries to be erased, with their dates and the night
 * that erases them, a case kept by a legal hold and an open police report; nothing due today. The page says it in
 * Dutch (and English) without naming anyone, passes the chosen day on, says a wrong day next to the field, and is not
 * for a manager.
 */
@SpringBootTest(properties = "server.port=18947")
@AutoConfigureMockMvc
class RetentionPagesTest {

    static final String WHOLE = "3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21";
    static final String PUPILS = "9a8e7f6d-5c4b-4a21-8f2b-6c1e5d4a4c3b";
    static final String HELD = "5b0c8f5e-3d1a-4c8e-9a57-0d8f6a2b1c11";
    static final Map<String, String> MEMBERS = Map.of(
            "Bearer token-of-board", """
                    {"id":"board","name":"Anne de Wit","role":"BOARD","schools":[]}""",
            "Bearer token-of-manager", """
                    {"id":"manager","name":"Marieke Jansen","role":"MANAGER","schools":[{"id":"school-1","name":"OBS De Esch"}]}""");
    static final String PERIODS = "\"periods\":{\"case\":5,\"personnel-dossier\":5,\"pupil-dossier\":2}";
    static final String DUE_BY_2031 = """
            {"until":"2031-01-02T00:00:00+01:00",%s,
             "erasable":[
               {"incidentId":"%s","closedAt":"2025-11-03T14:20:00+01:00",
                "erase":[{"kind":"case","from":"2030-11-03T14:20:00+01:00","erasedAt":"2030-11-04T03:00:00+01:00"}]},
               {"incidentId":"%s","closedAt":"2028-06-12T10:00:00+02:00",
                "erase":[{"kind":"pupil-dossier","people":2,"from":"2030-06-12T10:00:00+02:00","erasedAt":"2030-06-13T03:00:00+02:00"}]}],
             "held":[
               {"incidentId":"%s","closedAt":"2025-01-10T09:00:00+01:00",
                "erase":[{"kind":"case","from":"2030-01-10T09:00:00+01:00"}],"holds":["legal-hold","police-report"]}]}"""
            .formatted(PERIODS, WHOLE, PUPILS, HELD);
    static final String NOTHING_DUE = """
            {"until":"2026-11-30T10:00:00+01:00",%s,"erasable":[],"held":[]}""".formatted(PERIODS);

    static final List<String> ASKED = new CopyOnWriteArrayList<>();
    static final HttpServer SERVICES = services();

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
        registry.add("incidents.web.query-service-url", () -> url);
        registry.add("incidents.web.command-service-url", () -> url);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @Test
    void theBoardReadsWhatIsErasedWhenAndWhatIsKept() throws Exception {
        String page = page("board", get("/board/retention").param("until", "2031-01-01"), 200, "nl");
        assertThat(ASKED).contains("GET Bearer token-of-board /api/retention/due?until=2031-01-01");
        assertThat(page).contains("<h1>Bewaartermijnen</h1>",
                "de zaak 5 jaar, het personeelsdossier 5 jaar, het leerlingdossier 2 jaar",
                "Wordt gewist tot en met 1 januari 2031", "Wat wordt gewist (2 zaken)",
                "id=\"erasable-" + WHOLE + "-case\"", "de hele zaak", "3 november 2030 14:20", "4 november 2030 03:00",
                "id=\"erasable-" + PUPILS + "-pupil-dossier\"", "leerlingdossier van 2 personen",
                "13 juni 2030 03:00", "href=\"/cases/" + PUPILS + "\"",
                "Zaken die langer bewaard worden (1 zaak)", "id=\"held-" + HELD + "\"",
                "de hele zaak, sinds 10 januari 2030 09:00", "bewaarblokkade van het bestuur", "de aangifte loopt nog",
                "value=\"2031-01-01\"");

        String english = page("board", get("/board/retention").param("until", "2031-01-01"), 200, "en");
        assertThat(english).contains("<h1>Retention periods</h1>", "the case 5 years", "the pupil dossier 2 years",
                "pupil dossier of 2 people", "the board&#39;s legal hold", "the police report is open",
                "Erased up to and including 1 January 2031");
    }

    @Test
    void todayNothingIsDueAndTheDashboardLinksHere() throws Exception {
        String page = page("board", get("/board/retention"), 200, "nl");
        assertThat(ASKED).contains("GET Bearer token-of-board /api/retention/due");
        assertThat(page).contains("Over zijn termijn: wordt in de eerstvolgende nacht gewist",
                "In deze periode wordt niets gewist.", "Geen zaak wordt langer bewaard dan zijn termijn.")
                .doesNotContain("id=\"erasable\"");
    }

    @Test
    void aWrongDayIsSaidNextToTheField() throws Exception {
        String page = page("board", get("/board/retention").param("until", "morgen"), 400, "nl");
        assertThat(page).contains("id=\"until-problem\"", "Dit is geen dag.", "aria-invalid=\"true\"",
                "value=\"morgen\"");
        assertThat(ASKED).noneMatch(asked -> asked.contains("morgen"));
        String outOfRange = page("board", get("/board/retention").param("until", "1999-12-31"), 400, "en");
        assertThat(outOfRange).contains("This is not a day.");
    }

    @Test
    void aManagerIsNotShownThePage() throws Exception {
        assertThat(page("manager", get("/board/retention"), 403, "nl"))
                .contains("Alleen het bestuur ziet de bewaartermijnen.").doesNotContain("show-due");
        assertThat(ASKED).noneMatch(asked -> asked.startsWith("GET Bearer token-of-manager /api/retention"));
    }

    private String page(String subject, MockHttpServletRequestBuilder request, int expectedStatus, String language)
            throws Exception {
        return new SignedInPages(mvc, registrations, authorizedClients).page(subject, request, expectedStatus, language);
    }

    /** Both services as this page uses them: who the person is; the command service's dry run. */
    private static HttpServer services() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                String path = exchange.getRequestURI().getPath();
                String query = exchange.getRequestURI().getRawQuery();
                ASKED.add(exchange.getRequestMethod() + " " + authorization + " " + path + (query == null ? "" : "?" + query));
                boolean board = "Bearer token-of-board".equals(authorization);
                if (path.equals("/api/me") && MEMBERS.containsKey(authorization)) {
                    SignedInPages.answer(exchange, 200, MEMBERS.get(authorization));
                } else if (!board) {
                    SignedInPages.answer(exchange, 403, "{\"status\":403,\"code\":\"retention.board-only\"}");
                } else if (path.equals("/api/retention/due") && "until=2031-01-01".equals(query)) {
                    SignedInPages.answer(exchange, 200, DUE_BY_2031);
                } else if (path.equals("/api/retention/due") && query == null) {
                    SignedInPages.answer(exchange, 200, NOTHING_DUE);
                } else if (path.equals("/api/retention/due")) {
                    SignedInPages.answer(exchange, 400, "{\"status\":400,\"code\":\"retention.until\",\"field\":\"until\"}");
                } else {
                    SignedInPages.answer(exchange, 404, "{\"status\":404}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
