package nl.incidents.web.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import nl.incidents.web.testing.SignedInPages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The board's check of the history (controle van de geschiedenis) with a stand-in command service that answers as the
 * real one does: an intact case, a case whose chain breaks at its second event because that event was changed, the
 * whole store with that one broken case and a changed day, 403 for anyone but the board and 404 for an unknown case.
 * The page says each outcome in plain Dutch (and English), names the event where the history breaks and how, and is
 * not offered to a manager at all.
 */
@SpringBootTest(properties = "server.port=18944")
@AutoConfigureMockMvc
class IntegrityPagesTest {

    static final String INTACT = "3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21";
    static final String BROKEN = "9a8e7f6d-5c4b-4a21-8f2b-6c1e5d4a4c3b";
    static final Map<String, String> MEMBERS = Map.of(
            "Bearer token-of-board", """
                    {"id":"board","name":"Anne de Wit","role":"BOARD","schools":[]}""",
            "Bearer token-of-manager", """
                    {"id":"manager","name":"Marieke Jansen","role":"MANAGER","schools":[{"id":"school-1","name":"OBS De Esch"}]}""");
    static final String INTACT_ANSWER = """
            {"caseId":"%s","intact":true,"events":7,"head":"ab12","firstBreak":null}"""
            .formatted(INTACT);
    static final String BROKEN_ANSWER = """
            {"caseId":"%s","intact":false,"events":6,"head":"cd34",
             "firstBreak":{"sequenceNumber":1,"eventId":"e-1","type":"EscalationPolicyRecorded","kind":"CHANGED"}}"""
            .formatted(BROKEN);
    static final String STORE_ANSWER = """
            {"intact":false,"cases":2,"events":13,"chainedCases":2,"brokenCases":1,"broken":[%s],
             "heads":{"upTo":"2026-11-30T10:00:00Z","chainedCases":2,"digest":"ef56"},"daysChecked":3,
             "changedDays":[{"day":"2026-11-28","upTo":"2026-11-28T23:00:00Z","kept":"aa","now":"bb","unchanged":false}]}"""
            .formatted(BROKEN_ANSWER);

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
    void theBoardReadsThatACaseIsIntact() throws Exception {
        String page = page("board", get("/board/integrity/cases/" + INTACT), 200, "nl");
        assertThat(page).contains("<h1>Controle van de geschiedenis</h1>",
                "De geschiedenis van deze zaak is ongewijzigd: de keten van 7 gebeurtenissen klopt.",
                "href=\"/cases/" + INTACT + "/history\"");
        assertThat(ASKED).contains("GET Bearer token-of-board /api/integrity/cases/" + INTACT);
    }

    @Test
    void theBoardReadsWhereACasesHistoryBreaksAndHow() throws Exception {
        String page = page("board", get("/board/integrity").param("case", " " + BROKEN + " "), 200, "nl");
        assertThat(page).contains("De geschiedenis van deze zaak klopt niet vanaf gebeurtenis 2 (Afspraken vastgelegd): "
                + "de opgeslagen gebeurtenis is veranderd.", "e-1", "role=\"alert\"");
        String english = page("board", get("/board/integrity/cases/" + BROKEN), 200, "en");
        assertThat(english).contains("This case&#39;s history does not hold from event 2 (Terms recorded): the stored event was changed.");
    }

    @Test
    void theWholeStoreNamesTheBrokenCaseAndTheChangedDay() throws Exception {
        String page = page("board", post("/board/integrity/verify").with(csrf()), 200, "nl");
        assertThat(page).contains("De geschiedenis klopt niet: 1 zaak met een gebroken keten, 1 dag waarvan de "
                + "samenvatting niet meer klopt.", "id=\"broken-" + BROKEN + "\"", "9a8e7f6d",
                "De samenvatting van 2026-11-28 klopt niet meer");
        assertThat(ASKED).contains("POST Bearer token-of-board /api/integrity/verify");
    }

    @Test
    void aWrongCaseNumberIsSaidNextToTheFieldAndAnUnknownCaseInWords() throws Exception {
        String page = page("board", get("/board/integrity").param("case", "not-a-case"), 400, "nl");
        assertThat(page).contains("id=\"case-problem\"", "Dit is geen zaaknummer.", "aria-invalid=\"true\"",
                "value=\"not-a-case\"");
        String unknown = page("board", get("/board/integrity/cases/11111111-2222-3333-4444-555555555555"), 404, "nl");
        assertThat(unknown).contains("Er is geen zaak met dit nummer.");
    }

    @Test
    void aManagerIsNotOfferedTheCheckAndTheServiceRefusesThemToo() throws Exception {
        assertThat(page("manager", get("/board/integrity"), 403, "nl"))
                .contains("Alleen het bestuur controleert de geschiedenis.").doesNotContain("check-store");
        assertThat(page("manager", get("/board/integrity/cases/" + INTACT), 403, "nl"))
                .contains("Alleen het bestuur controleert de geschiedenis.");
    }

    @Test
    void theHistoryPageAndTheDashboardLinkToTheCheck() throws Exception {
        String page = page("board", get("/board/integrity"), 200, "nl");
        assertThat(page).contains("id=\"check-case\"", "id=\"check-store\"", "name=\"_csrf\"");
    }

    private String page(String subject, MockHttpServletRequestBuilder request, int expectedStatus, String language)
            throws Exception {
        return new SignedInPages(mvc, registrations, authorizedClients).page(subject, request, expectedStatus, language);
    }

    /** Both services as these pages use them: who the person is; the command service's integrity check. */
    private static HttpServer services() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                String path = exchange.getRequestURI().getPath();
                ASKED.add(exchange.getRequestMethod() + " " + authorization + " " + path);
                boolean board = "Bearer token-of-board".equals(authorization);
                if (path.equals("/api/me") && MEMBERS.containsKey(authorization)) {
                    SignedInPages.answer(exchange, 200, MEMBERS.get(authorization));
                } else if (!board) {
                    SignedInPages.answer(exchange, 403, "{\"status\":403,\"code\":\"integrity.board-only\",\"detail\":\"Only the board verifies the history.\"}");
                } else if (path.equals("/api/integrity/cases/" + INTACT)) {
                    SignedInPages.answer(exchange, 200, INTACT_ANSWER);
                } else if (path.equals("/api/integrity/cases/" + BROKEN)) {
                    SignedInPages.answer(exchange, 200, BROKEN_ANSWER);
                } else if (path.equals("/api/integrity/verify") && exchange.getRequestMethod().equals("POST")) {
                    SignedInPages.answer(exchange, 200, STORE_ANSWER);
                } else {
                    SignedInPages.answer(exchange, 404, "{\"status\":404,\"code\":\"integrity.unknown-case\"}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
