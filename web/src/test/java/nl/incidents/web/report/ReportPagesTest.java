package nl.incidents.web.report;

import static nl.incidents.web.report.StandInServices.Answer.json;
import static nl.incidents.web.report.StandInServices.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The teacher's pages as the teacher sees them, against stand-in services: the report form with its fields and
 * explanations, faults next to their fields in Dutch and in English, one more row without a script, the report as
 * the command service receives it, a refusal of the service next to its field, the sent page naming the manager, and
 * my reports with their status.
 */
@SpringBootTest(properties = "server.port=18937")
@AutoConfigureMockMvc
class ReportPagesTest {

    static final StandInServices SERVICES = new StandInServices();
    static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("incidents.web.query-service-url", SERVICES::url);
        registry.add("incidents.web.command-service-url", SERVICES::url);
    }

    @AfterAll
    static void stop() {
        SERVICES.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    final ObjectMapper json = new ObjectMapper();
    MockHttpSession teacher;

    @BeforeEach
    void signIn() {
        SERVICES.reset();
        SERVICES.answer("GET", "/api/inbox/unread", json(200, "{\"unread\":0}"));
        teacher = StandInServices.signedIn("teacher", registrations, authorizedClients);
    }

    @Test
    void theFormAsksEverythingAReportNeedsWithAnExplanationOfEachChoiceAndTheAdvice() throws Exception {
        String page = page(get("/report"), 200);
        assertThat(page).contains("<h1>Melding maken</h1>", "Ga niet online in discussie met een leerling of ouder",
                "<label for=\"platform\">Platform</label>", "WhatsApp-groep", "Link naar de discussie", "Wat gebeurt er?",
                "Dreigt te ontsporen", "Ontspoord", "Er wordt gescholden, bedreigd",
                "Pesten", "Iemand wordt herhaaldelijk belachelijk gemaakt", "Kritiek", "Iemand is in gevaar",
                "Betrokkene 1", "Betrokkene 2", "Leerling", "Ouder/verzorger", "Doelwit", "Omstander",
                "Nog een betrokkene", "Wanneer zag u het?", "Melding versturen", "sse-connect=\"/live\"");
        assertThat(page).doesNotContain("Betrokkene 3").doesNotContain("style=").doesNotContain("<style")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)");
        // The teacher's one school is chosen; when seen is now, in Dutch time, as the browser's date-and-time field.
        assertThat(page).containsPattern("<option value=\"school-1\" selected=\"selected\">OBS De Esch</option>");
        String now = LocalDateTime.now(DUTCH).truncatedTo(ChronoUnit.MINUTES).toString().substring(0, 13);
        assertThat(page).containsPattern("type=\"datetime-local\" id=\"observedAt\" name=\"observedAt\" value=\"" + now);
        // Each choice is explained to a screen reader too.
        assertThat(page).containsPattern("id=\"harm-BULLYING\" value=\"BULLYING\"\\s+aria-describedby=\"harm-BULLYING-hint\"");
    }

    @Test
    void anIncompleteReportIsNotSentAndEachFaultIsNextToItsFieldInDutch() throws Exception {
        String page = page(post("/report").with(csrf()).param("incidentId", UUID.randomUUID().toString())
                .param("schoolId", "school-1").param("location", "whatsapp group of 7b")
                .param("parties[0].personId", "Jan de Vries").param("observedAt", "2999-01-01T10:00"), 400);
        assertThat(SERVICES.received()).noneMatch(r -> r.method().equals("POST"));
        assertThat(page).contains("De melding is nog niet verstuurd",
                "id=\"platform-error\"", "Kies het platform.",
                "id=\"location-error\"", "Vul een webadres in dat begint met http:// of https://",
                "aria-describedby=\"location-hint location-error\" aria-invalid=\"true\"",
                "id=\"summary-error\"", "Beschrijf wat er gebeurt.",
                "Kies of de discussie dreigt te ontsporen of ontspoord is.",
                "Kies ten minste een soort schade.", "Kies hoe ernstig het is.",
                "id=\"parties-0-personId-error\"", "Een kenmerk is een woord van letters",
                "id=\"parties-0-role-error\"", "Kies wie deze betrokkene is.",
                "Dit tijdstip ligt in de toekomst", "href=\"#parties-0-personId\"");
        // At the top, the faults in the order of the form, each linking to its field.
        assertThat(page.indexOf("href=\"#platform\"")).isLessThan(page.indexOf("href=\"#location\""));
        assertThat(page.indexOf("href=\"#location\"")).isLessThan(page.indexOf("href=\"#stage\""));
        assertThat(page.indexOf("href=\"#harms\"")).isLessThan(page.indexOf("href=\"#severity\""));
        assertThat(page.indexOf("href=\"#parties-0-role\"")).isLessThan(page.indexOf("href=\"#observedAt\""));
        // What was typed stays.
        assertThat(page).contains("value=\"whatsapp group of 7b\"", "value=\"Jan de Vries\"");
    }

    @Test
    void theSameFaultsInEnglishForAnEnglishBrowser() throws Exception {
        String page = page(post("/report").with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
                .param("schoolId", "school-1"), 400);
        assertThat(page).contains("<html lang=\"en\">", "The report has not been sent yet", "Choose the platform.",
                "Fill in the link to the discussion.", "Describe what is happening.", "Choose at least one kind of harm.")
                .doesNotContain("Kies het platform");
    }

    @Test
    void anotherRowForAPersonInvolvedKeepsWhatWasTyped() throws Exception {
        String page = page(post("/report").with(csrf()).param("addRow", "1").param("summary", "Ouders schelden")
                .param("parties[0].personId", "L-1001").param("parties[1].personId", ""), 200);
        assertThat(page).contains("Betrokkene 3", "value=\"L-1001\"", ">Ouders schelden</textarea>")
                .containsPattern("id=\"parties-2-personId\" name=\"parties\\[2]\\.personId\" value=\"\"[^>]*autofocus")
                .doesNotContain("field-error");
    }

    @Test
    void aCompleteReportGoesToTheCommandServiceWithThePersonsTokenAndThenToTheSentPage() throws Exception {
        UUID id = UUID.randomUUID();
        SERVICES.answer("POST", "/api/incidents", json(201, "{\"incidentId\":\"" + id + "\"}"));
        mvc.perform(complete(id).with(authentication(StandInServices.person("teacher"))).session(teacher))
                .andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.LOCATION, "/report/" + id + "/sent"));

        StandInServices.Received sent = SERVICES.received().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(sent.authorization()).isEqualTo("Bearer token-of-teacher");
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("incidentId").asText()).isEqualTo(id.toString());
        assertThat(body.path("schoolId").asText()).isEqualTo("school-1");
        assertThat(body.path("platform").asText()).isEqualTo("WHATSAPP_GROUP");
        assertThat(body.path("stage").asText()).isEqualTo("DERAILED");
        assertThat(body.path("harms").toString()).isEqualTo("[\"INSULTING\",\"THREATENING\"]");
        assertThat(body.path("severity").asText()).isEqualTo("HIGH");
        // The empty middle row is left out; the two people go as the board's references with role and part.
        assertThat(body.path("involvedParties")).isEqualTo(json.readTree(
                "[{\"personId\":\"P-2002\",\"role\":\"PARENT\",\"part\":\"AUTHOR\"},"
                        + "{\"personId\":\"M-17\",\"role\":\"STAFF\",\"part\":\"TARGET\"}]"));
        // 21:15 Dutch time on 28 November 2026 (winter time, UTC+1).
        assertThat(Instant.parse(body.path("observedAt").asText())).isEqualTo(Instant.parse("2026-11-28T20:15:00Z"));
    }

    @Test
    void aRefusalOfTheServiceIsShownNextToItsField() throws Exception {
        UUID id = UUID.randomUUID();
        SERVICES.answer("POST", "/api/incidents", problem(400, """
                {"status":400,"title":"Bad Request","detail":"involvedParties[1].personId: must be a person id","field":"involvedParties[1].personId"}"""));
        String page = page(complete(id), 400);
        // The service's second party is the form's third row (the second row was left empty).
        assertThat(page).contains("id=\"parties-2-personId-error\"", "involvedParties[1].personId: must be a person id",
                "aria-describedby=\"parties-hint parties-2-personId-error\" aria-invalid=\"true\"");

        SERVICES.answer("POST", "/api/incidents", problem(403, """
                {"status":403,"title":"Forbidden","detail":"You may report only about your own school."}"""));
        assertThat(page(complete(id), 403)).contains("class=\"global-error\">You may report only about your own school.</li>");

        // With its code, the refusal is said in the person's language.
        SERVICES.answer("POST", "/api/incidents", problem(409, """
                {"status":409,"title":"Conflict","detail":"This report was made before with other content.","code":"report.other-content"}"""));
        assertThat(page(complete(id), 409)).contains("Deze melding is al gedaan met een andere inhoud.");
    }

    @Test
    void theSentPageNamesTheManagerTheCaseWentToAndWhatHappensNext() throws Exception {
        UUID id = UUID.randomUUID();
        SERVICES.answer("GET", "/api/incidents/" + id, json(200, """
                {"incidentId":"%s","schoolId":"school-1","status":"ESCALATED",
                 "escalation":{"assignee":{"level":"MANAGER","personId":"manager"},"escalatedAt":"2026-11-28T21:16:00+01:00"}}"""
                .formatted(id)));
        String page = page(get("/report/" + id + "/sent"), 200);
        assertThat(page).contains("Uw melding is meteen doorgestuurd naar Marieke Jansen, leidinggevende van OBS De Esch.",
                "Wat gebeurt er nu?", "reageer niet online en ga niet in discussie met leerlingen of ouders",
                "href=\"/cases/" + id + "\"");
    }

    @Test
    void aCaseNotYetProjectedIsShownAsBeingProcessedAndAskedForAgain() throws Exception {
        UUID id = UUID.randomUUID();
        String page = page(get("/report/" + id + "/sent"), 200);
        assertThat(page).contains("wordt verwerkt", "hx-trigger=\"every 2s\"");
        // Projected, but not yet escalated: still being processed.
        SERVICES.answer("GET", "/api/incidents/" + id, json(200, """
                {"incidentId":"%s","schoolId":"school-1","status":"REPORTED","escalation":null}""".formatted(id)));
        page = page(get("/report/" + id + "/sent"), 200);
        assertThat(page).contains("wordt verwerkt", "hx-get=\"/report/" + id + "/sent?poll=1\"", "hx-trigger=\"every 2s\"")
                .doesNotContain("doorgestuurd naar");
        // The refresh asks for the outcome only, and counts.
        String fragment = page(get("/report/" + id + "/sent?poll=1").header("HX-Request", "true"), 200);
        assertThat(fragment).startsWith("<div id=\"outcome\"").doesNotContain("<html")
                .contains("hx-get=\"/report/" + id + "/sent?poll=2\"");
        // After a minute of asking, the page stops and says where to look later.
        fragment = page(get("/report/" + id + "/sent?poll=" + ReportController.MOST_POLLS).header("HX-Request", "true"), 200);
        assertThat(fragment).contains("Uw melding is wel ontvangen; onder Mijn meldingen ziet u later hoe het ermee staat.")
                .doesNotContain("hx-get", "hx-trigger");
    }

    @Test
    void anotherPersonsCaseIsSaidToBeNotTheirsAndNotAskedForAgain() throws Exception {
        UUID id = UUID.randomUUID();
        SERVICES.answer("GET", "/api/incidents/" + id, json(403, """
                {"status":403,"code":"not-allowed","detail":"You may not read this case."}"""));
        String page = page(get("/report/" + id + "/sent"), 403);
        assertThat(page).contains("Deze melding kunt u niet inzien", "niet door u is gedaan")
                .doesNotContain("hx-trigger=\"every 2s\"", "Uw melding is verstuurd", "Wat gebeurt er nu?");
    }

    @Test
    void myReportsListsTheTeachersCasesWithTheirStatus() throws Exception {
        SERVICES.answer("GET", "/api/incidents?sort=reported&size=100", json(200, """
                {"items":[{"incidentId":"11111111-1111-1111-1111-111111111111","schoolId":"school-1","status":"ESCALATED",
                 "severity":"HIGH","stage":"DERAILED","platform":"WHATSAPP_GROUP","reportedAt":"2026-11-28T21:16:00+01:00"},
                 {"incidentId":"22222222-2222-2222-2222-222222222222","schoolId":"school-1","status":"CLOSED",
                 "severity":"LOW","stage":"THREATENING","platform":"FACEBOOK","reportedAt":"2026-11-02T09:00:00+01:00"}]}"""));
        String page = page(get("/my-reports"), 200);
        assertThat(page).contains("<h1>Mijn meldingen</h1>", "WhatsApp-groep", "OBS De Esch",
                "Bij de leidinggevende, wacht op bevestiging", "Afgesloten", "28 november 2026, 21:16",
                "href=\"/cases/11111111-1111-1111-1111-111111111111\"", "hx-trigger=\"sse:case-changed\"");
        assertThat(page(get("/my-reports").header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 200))
                .contains("With the manager, awaiting acknowledgement", "Closed", "28 November 2026, 21:16");
    }

    private MockHttpServletRequestBuilder complete(UUID id) {
        return post("/report").with(csrf()).param("incidentId", id.toString()).param("schoolId", "school-1")
                .param("platform", "WHATSAPP_GROUP").param("location", "https://chat.whatsapp.com/abc")
                .param("summary", "Ouders schelden een leerkracht uit in de klassenapp.").param("stage", "DERAILED")
                .param("harms", "INSULTING", "THREATENING").param("severity", "HIGH")
                .param("parties[0].personId", "P-2002").param("parties[0].role", "PARENT").param("parties[0].part", "AUTHOR")
                .param("parties[1].personId", "")
                .param("parties[2].personId", "M-17").param("parties[2].role", "STAFF").param("parties[2].part", "TARGET")
                .param("observedAt", "2026-11-28T21:15");
    }

    private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return mvc.perform(request.with(authentication(StandInServices.person("teacher"))).session(teacher))
                .andExpect(status().is(expectedStatus))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
