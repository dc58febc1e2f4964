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
 * The board's pages as the board and others see them, with a stand-in query service that answers as the real one
 * does (its dashboard, a case's history, a pupil's dossier; 403 and 404 where the real one refuses): the dashboard
 * puts the legal-duty case on top and the overdue step beside it, counts the open cases and gives the step times;
 * the history names every event with what, when in Dutch time, who, and on whose behalf or which deadline; the pupil
 * dossier shows the warning (waarschuwing). Others are refused in plain Dutch, and the pages live-update by htmx.
 */
@SpringBootTest(properties = "server.port=18935")
@AutoConfigureMockMvc
class BoardPagesTest {

    static final String CASE = "3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21";
    static final String LEGAL = "9a8e7f6d-5c4b-4a21-8f2b-6c1e5d4a4c3b";
    static final Map<String, String> MEMBERS = Map.of(
            "Bearer token-of-board", """
                    {"id":"board","name":"Bea Bestuur","role":"BOARD","schools":[]}""",
            "Bearer token-of-manager", """
                    {"id":"manager","name":"Mark Manager","role":"MANAGER","schools":[{"id":"school-1","name":"OBS De Esch"}]}""");
    static final String DASHBOARD = """
            {"at":"2026-11-30T10:15:00+01:00","openCases":5,
             "byStatus":[{"key":"ESCALATED","cases":2},{"key":"ACKNOWLEDGED","cases":3}],
             "byStage":[{"key":"THREATENING","cases":1},{"key":"DERAILED","cases":4}],
             "bySchool":[{"key":"school-1","cases":4},{"key":"school-2","cases":1}],
             "bySeverity":[{"key":"HIGH","cases":4},{"key":"CRITICAL","cases":1}],
             "bySteps":[{"step":"ACKNOWLEDGE","open":1,"overdue":1},{"step":"INSPECTOR_CONSULTATION","open":1,"overdue":0}],
             "attentionTotal":2,
             "attention":[
               {"incidentId":"%s","schoolId":"school-1","status":"ESCALATED","severity":"CRITICAL","stage":"DERAILED",
                "assignee":{"level":"BOARD"},"reportedAt":"2026-11-30T09:00:00+01:00","legalDuty":true,"overdueSteps":[],
                "nextStep":"INSPECTOR_CONSULTATION","nextDueAt":"2026-12-01T09:00:00+01:00"},
               {"incidentId":"%s","schoolId":"school-2","status":"ESCALATED","severity":"HIGH","stage":"THREATENING",
                "assignee":{"level":"MANAGER","personId":"manager2"},"reportedAt":"2026-11-30T07:00:00+01:00",
                "legalDuty":false,"overdueSteps":[{"step":"ACKNOWLEDGE","deadline":"2026-11-30T09:15:00+01:00"}],
                "nextStep":"ACKNOWLEDGE","nextDueAt":"2026-11-30T09:15:00+01:00"}],
             "stepTimes":[
               {"measure":"ACKNOWLEDGEMENT","level":"MANAGER","period":"THIS_MONTH","cases":3,"median":"PT20M","percentile90":"PT1H"},
               {"measure":"ACKNOWLEDGEMENT","level":"MANAGER","period":"LAST_TWELVE_MONTHS","cases":4,"median":"PT10M","percentile90":"PT1H"},
               {"measure":"COMMUNICATIONS_NOTIFIED","severity":"HIGH","period":"THIS_MONTH","cases":1,"median":"PT1H20M","percentile90":"P2DT3H"}]}
            """.formatted(LEGAL, CASE);
    static final String HISTORY = """
            [{"sequenceNumber":0,"eventId":"e0","type":"DerailingDiscussionReported","occurredAt":"2026-11-20T21:15:00+01:00",
              "actor":{"id":"teacher","role":"STAFF"},"payload":{"incidentId":"%1$s","schoolId":"school-1",
              "platform":"FACEBOOK","location":"https://www.facebook.com/groups/x","summary":"A parent threatens a teacher",
              "stage":"DERAILED","harms":["THREATENING","INSULTING"],"severity":"HIGH",
              "involvedParties":[{"personId":"pupil-7","role":"PUPIL","part":"AUTHOR"}],
              "observedAt":"2026-11-20T21:00:00+01:00","reportedBy":"teacher"}},
             {"sequenceNumber":1,"eventId":"e1","type":"DeadlineSet","occurredAt":"2026-11-20T21:15:00+01:00",
              "actor":{"id":"teacher","role":"STAFF"},"payload":{"incidentId":"%1$s","step":"ACKNOWLEDGE",
              "dueAt":"2026-11-23T09:30:00+01:00","reminder":0}},
             {"sequenceNumber":2,"eventId":"e2","type":"IncidentEscalated","occurredAt":"2026-11-20T21:15:01+01:00",
              "actor":{"id":"system","role":"SYSTEM"},"cause":"report","payload":{"incidentId":"%1$s",
              "assignee":{"level":"MANAGER","personId":"manager"},"reason":"Reported: the manager hears of it at once."}},
             {"sequenceNumber":3,"eventId":"e3","type":"StepOverdue","occurredAt":"2026-11-23T09:30:02+01:00",
              "actor":{"id":"system","role":"SYSTEM"},"cause":"deadline: ACKNOWLEDGE due 2026-11-23T08:30:00Z",
              "payload":{"incidentId":"%1$s","step":"ACKNOWLEDGE","dueAt":"2026-11-23T09:30:00+01:00",
              "assignee":{"level":"MANAGER","personId":"manager"}}},
             {"sequenceNumber":4,"eventId":"e4","type":"MeasureImposed","occurredAt":"2026-11-24T10:00:00+01:00",
              "actor":{"id":"manager","role":"MANAGER"},"payload":{"incidentId":"%1$s","personId":"pupil-7",
              "partyRole":"PUPIL","measure":"WARNING","reason":"Shared the threat"}}]
            """.formatted(CASE);
    static final String DOSSIER = """
            {"personId":"pupil-7","kind":"PUPIL","entries":[{"incidentId":"%s","schoolId":"school-1","type":"MEASURE",
             "partyRole":"PUPIL","measure":"WARNING","text":"Shared the threat","recordedAt":"2026-11-24T10:00:00+01:00",
             "recordedBy":{"id":"manager","role":"MANAGER"}}]}""".formatted(CASE);
    static final String LIST_AS_OF = """
            {"asOf":"2026-11-20T14:30:00+01:00","items":[{"then":{"incidentId":"%1$s","schoolId":"school-1",
              "status":"ESCALATED","severity":"HIGH","stage":"DERAILED","platform":"FACEBOOK",
              "assignee":{"level":"MANAGER","personId":"manager"},"reportedAt":"2026-11-20T09:15:00+01:00",
              "nextDue":{"step":"ACKNOWLEDGE","dueAt":"2026-11-23T09:30:00+01:00"},"lateSteps":0},
              "statusNow":"CLOSED","stageNow":"DERAILED","assigneeNow":{"level":"MANAGER","personId":"manager"},
              "changedSince":true}],
             "reportedSince":{"count":2,"incidentIds":["%2$s","00000000-0000-4000-8000-000000000001"]}}
            """.formatted(CASE, LEGAL);
    static final String DASHBOARD_AS_OF = "{\"asOf\":\"2026-11-20T14:30:00+01:00\",\"then\":"
            + DASHBOARD.replace("\"openCases\":5", "\"openCases\":1").replace("\"attentionTotal\":2", "\"attentionTotal\":0")
            + ",\"now\":" + DASHBOARD + "}";
    static final String DOSSIER_AS_OF = "{\"asOf\":\"2026-11-20T14:30:00+01:00\",\"dossier\":"
            + "{\"personId\":\"pupil-7\",\"kind\":\"PUPIL\",\"entries\":[]},\"since\":"
            + DOSSIER.substring(DOSSIER.indexOf('['), DOSSIER.lastIndexOf(']') + 1) + "}";
    static final String FORBIDDEN = "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Only the board.\"}";

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
    void theBoardSeesTheLegalDutyCaseOnTopTheOverdueStepTheCountsAndTheStepTimes() throws Exception {
        String page = page("board", get("/board"), 200);
        assertThat(ASKED).contains("Bearer token-of-board /api/dashboard");
        assertThat(page).contains("<h1>Overzicht van het bestuur</h1>", "Bijgewerkt:", "30 november 2026 10:15");
        // Legal duty first, marked; then the overdue case with the step and the deadline it missed (Dutch time).
        assertThat(page.indexOf("id=\"case-" + LEGAL + "\"")).isPositive().isLessThan(page.indexOf("id=\"case-" + CASE + "\""));
        assertThat(page).contains("class=\"legal-duty\"", ">Meldplicht</strong>", "overleg met de vertrouwensinspecteur",
                "bevestigen</span>,", "verlopen sinds", "30 november 2026 09:15", "leidinggevende Kees Visser",
                "Zaken die aandacht nodig hebben (2 van 2)", "href=\"/cases/" + CASE + "/history\"");
        // The open cases by status, stage, school, severity and step.
        assertThat(page).contains("Open zaken: 5", "geëscaleerd, wacht op bevestiging", "ontspoord", "dreigt te ontsporen",
                "CBS Het Kompas", ">kritiek</th>", "Open stappen, en hoeveel daarvan over hun termijn zijn");
        // Schools and people by name, not by id.
        assertThat(page).doesNotContain(">school-1<", ">school-2<", "manager2");
        assertThat(page).containsPattern("<th scope=\"row\">hoog</th><td class=\"num\">4</td>");
        // Median and 90th percentile, this month and the last twelve, per level.
        assertThat(page).contains("Tijd tot bevestigen door de leidinggevende", "Tijd tot bevestigen door het bestuur",
                "Tijd tot informeren van de communicatieafdeling", "20 min", "1 u", "10 min", "1 u 20 min", "2 d 3 u",
                "Deze maand", "Laatste twaalf maanden", "90e percentiel");
        assertLivePage(page);
        assertThat(page).contains("hx-get=\"/board\"", "hx-trigger=\"sse:case-changed\"", "hx-swap=\"outerHTML\"");
    }

    @Test
    void htmxGetsOnlyTheDashboardsPartsToSwap() throws Exception {
        String part = page("board", get("/board").header("HX-Request", "true"), 200);
        assertThat(part.strip()).startsWith("<div id=\"dashboard\"").endsWith("</div>").doesNotContain("<html", "<header");
        assertThat(part).contains("Open zaken: 5");
    }

    @Test
    void aManagerIsRefusedTheDashboardInPlainDutch() throws Exception {
        String page = page("manager", get("/board"), 403);
        assertThat(page).contains("Dit overzicht is alleen voor het bestuur.").doesNotContain("Open zaken");
        assertThat(ASKED).doesNotContain("Bearer token-of-manager /api/dashboard");
    }

    @Test
    void theHistoryListsEveryEventWithWhatWhenWhoAndOnWhoseBehalfOrWhichDeadline() throws Exception {
        String page = page("board", get("/cases/" + CASE + "/history"), 200);
        assertThat(ASKED).contains("Bearer token-of-board /api/incidents/" + CASE + "/history");
        assertThat(page).contains("Geschiedenis van de zaak", "5 gebeurtenissen");
        assertThat(page.split("<tr data-type=", -1)).hasSize(6);
        assertThat(page).contains("Melding (ontspoord) op Facebook, ernst hoog; bedreigen, beledigen. A parent threatens a teacher",
                "pupil-7 (leerling, schrijver)", "20 november 2026 21:15", "Tessa de Vries (leraar/medewerker)");
        // The deadline the system set on the teacher's report: by the system, on the teacher's behalf.
        assertThat(page).contains("Termijn gezet: bevestigen uiterlijk 23 november 2026 09:30", "namens Tessa de Vries (leraar/medewerker)");
        // The system's own reason in words, the manager by name.
        assertThat(page).contains("Geëscaleerd naar leidinggevende Marieke Jansen: de melding gaat direct naar de "
                + "leidinggevende van de school", "vanwege de melding").doesNotContain("hears of it");
        // The deadline that passed, and the measure.
        assertThat(page).contains("Termijn verlopen: bevestigen", "omdat de termijn voor bevestigen verliep (23 november 2026 09:30)",
                "Maatregel waarschuwing opgelegd aan pupil-7 (leerling): Shared the threat", "Marieke Jansen (leidinggevende)");
        assertThat(page("board", get("/cases/" + CASE + "/history").param("lang", "en"), 200))
                .contains("Escalated to manager Marieke Jansen: the report goes to the school&#39;s manager at once",
                        "Tessa de Vries (teacher/staff)");
        // The people the case names link to their dossiers.
        assertThat(page).contains("<a href=\"/people/pupil-7\">pupil-7</a>");
        assertLivePage(page);
    }

    @Test
    void theHistoryTheQueryServiceRefusesIsSaidPlainly() throws Exception {
        String page = page("manager", get("/cases/" + CASE + "/history"), 403);
        assertThat(page).contains("U mag de geschiedenis van deze zaak niet inzien.").doesNotContain("Melding (");
        String unknown = page("board", get("/cases/00000000-0000-4000-8000-000000000000/history"), 404);
        assertThat(unknown).contains("Deze zaak bestaat niet.");
    }

    @Test
    void thePupilsDossierShowsTheWarningWithItsCase() throws Exception {
        String page = page("board", get("/people/pupil-7"), 200);
        assertThat(ASKED).contains("Bearer token-of-board /api/people/pupil-7/dossier");
        assertThat(page).contains("Dossier van pupil-7", "Leerlingdossier", "Maatregel: waarschuwing", "Shared the threat",
                "24 november 2026 10:00", "href=\"/cases/" + CASE + "\"", "Marieke Jansen (leidinggevende)");
        assertLivePage(page);
    }

    @Test
    void aDossierTheQueryServiceRefusesOrDoesNotKnowIsSaidPlainlyAndSeveralKindsAreOffered() throws Exception {
        assertThat(page("manager", get("/people/pupil-7"), 403)).contains("U mag dit dossier niet inzien.");
        assertThat(page("board", get("/people/nobody"), 404))
                .contains("Er staat niets over deze persoon vastgelegd dat u mag inzien.");
        String several = page("board", get("/people/both-1"), 400);
        assertThat(several).contains("Onder deze naam staan meerdere soorten dossiers",
                "href=\"/people/both-1?kind=PERSONNEL\"", "href=\"/people/both-1?kind=PUPIL\"");
        assertThat(page("board", get("/people/both-1").param("kind", "PUPIL"), 200)).contains("Leerlingdossier");
    }

    /**
     * The board picks a moment in Dutch time; the pages ask the query service for it in UTC and head each view with
     * the moment, then beside now, with what changed since and a way back to now; a manager reads a plain refusal,
     * a moment that is none is said at the field. The dashboard and the dossier offer the form.
     */
    @Test
    void theBoardSeesTheListTheDashboardAndADossierAsTheyStoodOnAMomentItPicked() throws Exception {
        String list = page("board", get("/cases/as-of").param("at", "2026-11-20T14:30"), 200);
        assertThat(ASKED).contains("Bearer token-of-board /api/incidents/as-of?at=2026-11-20T13:30:59.999Z");
        assertThat(list).contains("De zaken zoals ze er toen voor stonden", "Zoals het was op 20 november 2026 14:30",
                "Sindsdien: 1 zaak op deze pagina veranderd, 2 zaken nieuw gemeld.", "geëscaleerd, wacht op bevestiging",
                "veranderd:", "gesloten", "Sindsdien gemeld", "href=\"/cases/" + LEGAL + "\"",
                "href=\"/cases/" + CASE + "/as-of?at=2026-11-20T14:30\"", "Terug naar nu");
        assertLivePage(list);
        String dashboard = page("board", get("/board/as-of").param("at", "2026-11-20T14:30"), 200);
        assertThat(ASKED).contains("Bearer token-of-board /api/dashboard/as-of?at=2026-11-20T13:30:59.999Z");
        assertThat(dashboard).contains("Het overzicht zoals het er toen voor stond", "Zoals het was op 20 november 2026 14:30",
                "Sindsdien: open zaken 1 → 5, zaken die aandacht nodig hebben 0 → 2.", "CBS Het Kompas",
                "Tijd tot bevestigen door de leidinggevende, Deze maand", "20 min");
        assertThat(dashboard).containsPattern("id=\"figure-open\">\\s*<th scope=\"row\">Open zaken</th>\\s*"
                + "<td class=\"then\">1</td>\\s*<td class=\"now\">5</td>");
        String dossier = page("board", get("/people/pupil-7/as-of").param("at", "2026-11-20T14:30"), 200);
        assertThat(ASKED).contains("Bearer token-of-board /api/people/pupil-7/dossier/as-of?at=2026-11-20T13:30:59.999Z");
        assertThat(dossier).contains("Dossier van pupil-7 zoals het er toen voor stond", "Er staat niets in dit dossier.",
                "Sindsdien toegevoegd: 1", "Maatregel: waarschuwing", "href=\"/people/pupil-7\"");
        assertThat(page("manager", get("/cases/as-of").param("at", "2026-11-20T14:30"), 403))
                .contains("Alleen het bestuur bekijkt de zaken zoals ze er toen voor stonden.");
        assertThat(page("board", get("/board/as-of").param("at", "gisteren"), 400))
                .contains("Dit is geen moment. Kies een datum en een tijd.", "aria-invalid=\"true\"");
        assertThat(page("board", get("/board"), 200)).contains("id=\"as-of-form\"", "action=\"/board/as-of\"",
                "Bekijk zoals het was op…");
        assertThat(page("board", get("/people/pupil-7"), 200)).contains("action=\"/people/pupil-7/as-of\"",
                "name=\"kind\" value=\"PUPIL\"");
        assertThat(page("board", get("/board/as-of").param("at", "2026-11-20T14:30").param("lang", "en"), 200))
                .contains("The dashboard as it stood then", "As it was on 20 November 2026 14:30", "Back to now");
    }

    @Test
    void theBoardPagesSpeakEnglishOnRequest() throws Exception {
        String page = page("board", get("/board").param("lang", "en"), 200);
        assertThat(page).contains("The board&#39;s dashboard", "Needs attention", "Time to acknowledge by the manager",
                "30 November 2026 10:15", "1 h 20 min");
    }

    /** No inline script or style; the body connects to the live events. */
    private static void assertLivePage(String page) {
        assertThat(page).contains("<body hx-ext=\"sse\" sse-connect=\"/live\">", "<main id=\"main\"");
        assertThat(page).doesNotContain("style=", "<style", "onclick").doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)");
    }

    private String page(String subject, MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return new SignedInPages(mvc, registrations, authorizedClients).page(subject, request, expectedStatus, "nl");
    }

    /**
     * The query service as the board pages use it: {@code /api/me}; the dashboard, the history and the dossiers for
     * the board; 403 for the manager where the real service refuses them; 404 for what does not exist; 400 for an
     * id with entries of several kinds asked without {@code kind}.
     */
    private static HttpServer queryService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
                String path = exchange.getRequestURI().getPath();
                String query = exchange.getRequestURI().getQuery();
                ASKED.add(authorization + " " + path + (path.endsWith("/as-of") ? "?" + query : ""));
                boolean board = "Bearer token-of-board".equals(authorization);
                if (path.equals("/api/me") && MEMBERS.containsKey(authorization)) {
                    SignedInPages.answer(exchange, 200, MEMBERS.get(authorization));
                } else if (!board) {
                    SignedInPages.answer(exchange, 403, FORBIDDEN);
                } else if (path.equals("/api/dashboard")) {
                    SignedInPages.answer(exchange, 200, DASHBOARD);
                } else if (path.equals("/api/incidents/" + CASE + "/history")) {
                    SignedInPages.answer(exchange, 200, HISTORY);
                } else if (path.equals("/api/incidents/as-of")) {
                    SignedInPages.answer(exchange, 200, LIST_AS_OF);
                } else if (path.equals("/api/dashboard/as-of")) {
                    SignedInPages.answer(exchange, 200, DASHBOARD_AS_OF);
                } else if (path.equals("/api/people/pupil-7/dossier/as-of")) {
                    SignedInPages.answer(exchange, 200, DOSSIER_AS_OF);
                } else if (path.equals("/api/people/pupil-7/dossier")) {
                    SignedInPages.answer(exchange, 200, DOSSIER);
                } else if (path.equals("/api/people/both-1/dossier")) {
                    SignedInPages.answer(exchange, query != null && query.equals("kind=PUPIL") ? 200 : 400, query != null
                            ? DOSSIER.replace("pupil-7", "both-1") : "{\"status\":400,\"field\":\"kind\"}");
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
