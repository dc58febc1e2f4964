package nl.incidents.web.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The case pages as each role meets them, with a stand-in for both services: the list of the role's cases (the
 * manager's work list with what is due and the overdue case marked, the communications department's without
 * timing), the case page with exactly the steps the query service allows the reader, each step sent to the command
 * API with the person's token and back to the case page, and a refusal shown next to its field or its step in the
 * person's language.
 */
@SpringBootTest(properties = "server.port=18937")
@AutoConfigureMockMvc
class CasePagesTest {

    static final StandInServices SERVICES = new StandInServices();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("incidents.web.query-service-url", SERVICES::url);
        registry.add("incidents.web.command-service-url", SERVICES::url);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @Test
    void theManagersWorkListPutsWhatIsDueFirstAndMarksTheOverdueCase() throws Exception {
        String page = page("manager", get("/cases"), 200);
        assertThat(page).contains("<h1>Werklijst</h1>", "Te laat sinds 30-11-2026 10:00", "ontvangst bevestigen, uiterlijk",
                "communicatieafdeling inlichten, uiterlijk 01-12-2026 16:00", "href=\"/cases/" + StandInServices.CASE + "\"",
                "Volgende pagina", "hx-trigger=\"sse:case-changed\"", "sse-connect=\"/live\"");
        assertThat(page.indexOf(StandInServices.CASE)).isLessThan(page.indexOf(StandInServices.OTHER_CASE));
        assertThat(SERVICES.calls).anyMatch(c -> c.person().equals("manager") && c.target().startsWith("/api/incidents?")
                && c.target().contains("sort=due"));
    }

    @Test
    void theCommunicationsDepartmentListsTheCasesItWasInformedOfWithoutTiming() throws Exception {
        String page = page("comms", get("/cases"), 200);
        assertThat(page).contains("Zaken waarover de communicatieafdeling is ingelicht", StandInServices.CASE)
                .doesNotContain("Volgende stap", "Te laat sinds");
        assertThat(SERVICES.calls).filteredOn(c -> c.person().equals("comms") && c.target().startsWith("/api/incidents?"))
                .allMatch(c -> !c.target().contains("sort=due"));
    }

    @Test
    void aChangedCaseAsksForTheListOnly() throws Exception {
        String fragment = page("manager", get("/cases").header("HX-Request", "true"), 200);
        assertThat(fragment).startsWith("<section id=\"case-list\"").doesNotContain("<html", "<header");
        String facts = page("manager", get("/cases/" + StandInServices.CASE).header("HX-Request", "true"), 200);
        assertThat(facts).startsWith("<div id=\"case-facts\"").contains("A parent threatens a teacher")
                .doesNotContain("<html", "step-measures");
    }

    @Test
    void theManagerIsOfferedTheStepsOfTheirMandateOnly() throws Exception {
        String page = page("manager", get("/cases/" + StandInServices.CASE), 200);
        assertThat(page).contains("id=\"step-strategy\"", "id=\"step-notify-communications\"", "id=\"step-measures\"",
                "id=\"step-correspondence\"", "id=\"step-escalate\"", "id=\"step-close\"",
                "waarschuwing - medewerker, leerling of ouder", "berisping - medewerker", "Niet online reageren",
                "Het platform vragen het te verwijderen", "Ouders betrekken", "Een gesprek in het echt",
                "Alleen onwaarheden rechtzetten", "parent-3 (ouder)", "hx-trigger=\"sse:case-changed\"")
                .doesNotContain("id=\"step-acknowledge\"", "id=\"step-police-report\"", "id=\"step-police-declined\"",
                        "id=\"step-inspector\"", ">schorsing -", ">verwijdering -", ">ontslag -");
    }

    @Test
    void theBoardIsOfferedThePoliceTheInspectorAndTheHeavyMeasures() throws Exception {
        String page = page("board", get("/cases/" + StandInServices.CASE), 200);
        assertThat(page).contains("href=\"/cases/" + StandInServices.CASE + "/history\"", "id=\"step-police-report\"", "Aangifte doen", "id=\"step-police-declined\"",
                "id=\"step-inspector\"", "Melden bij de vertrouwensinspecteur", "schorsing - medewerker, leerling of ouder",
                "ontslag op staande voet - medewerker", "verwijdering - leerling of ouder");
        // Only a staff member involved can be reported to the inspector.
        String inspector = page.substring(page.indexOf("id=\"step-inspector\""));
        inspector = inspector.substring(0, inspector.indexOf("</details>"));
        assertThat(inspector).contains("staff-9 (medewerker)").doesNotContain("pupil-7");
    }

    @Test
    void theBoardKeepsTheCaseWithALegalHoldAndSeesWhatHoldsIt() throws Exception {
        String page = page("board", get("/cases/" + StandInServices.CASE), 200);
        assertThat(page).contains("id=\"step-legal-hold\"", "Bewaarblokkade plaatsen", "id=\"step-police-outcome\"",
                        "Afloop van de aangifte vastleggen", "id=\"h-holds\"", "De aangifte loopt nog",
                        "Geplaatst op 30-11-2026 09:10 door Anne de Wit: Claim announced by the parent.",
                        "Opgeheven op 30-11-2026 09:20 door Anne de Wit: Claim withdrawn.")
                .doesNotContain("id=\"step-lift-legal-hold\"");

        MvcResult sent = perform("board", post("/cases/" + StandInServices.CASE + "/legal-hold").with(csrf())
                .param("reason", "The parents announced a claim"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cases/" + StandInServices.CASE + "?step=legal-hold#step-legal-hold")).andReturn();
        assertThat(SERVICES.calls).anyMatch(c -> c.person().equals("board") && c.method().equals("POST")
                && c.target().equals("/api/incidents/" + StandInServices.CASE + "/legal-hold")
                && c.body().equals("{\"reason\":\"The parents announced a claim\"}"));
        assertThat(page("board", get("/cases/" + StandInServices.CASE).flashAttrs(sent.getFlashMap()), 200))
                .contains("Gelukt: Bewaarblokkade plaatsen.");

        String english = page("board", get("/cases/" + StandInServices.CASE).header("Accept-Language", "en"), 200);
        assertThat(english).contains("Place a legal hold (bewaarblokkade)", "The police report is still open",
                "Lifted on 30-11-2026 09:20 by Anne de Wit: Claim withdrawn.");
    }

    @Test
    void onlyTheBoardIsOfferedToKeepACase() throws Exception {
        String managers = page("manager", get("/cases/" + StandInServices.CASE), 200);
        assertThat(managers).contains("De aangifte loopt nog")
                .doesNotContain("id=\"step-legal-hold\"", "id=\"step-police-outcome\"");
        String comms = page("comms", get("/cases/" + StandInServices.CASE), 200);
        assertThat(comms).doesNotContain("id=\"h-holds\"", "Bewaarblokkade");
    }

    @Test
    void theCommunicationsDepartmentReadsTheCaseAndIsOfferedNothing() throws Exception {
        String page = page("comms", get("/cases/" + StandInServices.CASE), 200);
        assertThat(page).contains("A parent threatens a teacher", "Niet online reageren", "U kunt in deze zaak nu niets doen.",
                        ">Facebook<", ">bedreigen, <", ">beledigen<", "parent-3 (ouder, schrijver)")
                .doesNotContain("<form method=\"post\" action=\"/cases/", "Maatregelen", "id=\"history-link\"");
    }

    @Test
    void aStepIsSentToTheCommandApiAndTheCasePageSaysItWasDone() throws Exception {
        MvcResult sent = perform("manager", post("/cases/" + StandInServices.CASE + "/measures").with(csrf())
                .param("personId", "pupil-7").param("measure", "WARNING").param("reason", " Shared the threat "))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cases/" + StandInServices.CASE + "?step=measures#step-measures")).andReturn();
        assertThat(SERVICES.calls).anyMatch(c -> c.person().equals("manager") && c.method().equals("POST")
                && c.target().equals("/api/incidents/" + StandInServices.CASE + "/measures")
                && c.body().equals("{\"personId\":\"pupil-7\",\"measure\":\"WARNING\",\"reason\":\"Shared the threat\"}"));

        String page = page("manager", get("/cases/" + StandInServices.CASE).flashAttrs(sent.getFlashMap()), 200);
        assertThat(page).contains("Gelukt: Maatregel opleggen.");

        // The "done" waits for the redirect's own address: the old page's live refresh of /cases/{id}, which the
        // step's event may set off first, does not take it (Spring's flash map matching, as the browser meets it).
        FlashMap done = sent.getFlashMap();
        MockHttpServletRequest refresh = new MockHttpServletRequest("GET", "/cases/" + StandInServices.CASE);
        MockHttpServletRequest followed = new MockHttpServletRequest("GET", "/cases/" + StandInServices.CASE);
        followed.setQueryString("step=measures");
        SessionFlashMapManager flashes = new SessionFlashMapManager();
        MockHttpServletRequest saving = new MockHttpServletRequest("POST", "/cases/" + StandInServices.CASE + "/measures");
        flashes.saveOutputFlashMap(done, saving, new MockHttpServletResponse());
        refresh.setSession(saving.getSession());
        followed.setSession(saving.getSession());
        Map<String, Object> takenByTheRefresh = flashes.retrieveAndUpdate(refresh, new MockHttpServletResponse());
        assertThat(takenByTheRefresh).as("the live refresh").isNull();
        Map<String, Object> takenByTheRedirect = flashes.retrieveAndUpdate(followed, new MockHttpServletResponse());
        assertThat(takenByTheRedirect).as("the redirect followed").containsEntry("done", "measures");

        perform("manager", post("/cases/" + StandInServices.CASE + "/strategy").with(csrf())
                .param("elements", "NO_ONLINE_REACTION", "INVOLVE_PARENTS").param("description", "Invite the parent"))
                .andExpect(status().isFound());
        assertThat(SERVICES.calls).anyMatch(c -> c.body().equals(
                "{\"elements\":[\"NO_ONLINE_REACTION\",\"INVOLVE_PARENTS\"],\"description\":\"Invite the parent\"}"));
    }

    @Test
    void aRefusalIsShownNextToItsFieldOrItsStepInThePersonsLanguage() throws Exception {
        MvcResult refused = perform("board", post("/cases/" + StandInServices.CASE + "/measures").with(csrf())
                .param("personId", "pupil-7").param("measure", "DISMISSAL").param("reason", "Threats"))
                .andExpect(status().isFound()).andReturn();
        String page = page("board", get("/cases/" + StandInServices.CASE).flashAttrs(refused.getFlashMap()), 200);
        assertThat(page).contains("id=\"measures-measure-problem\"", "Een ontslag is geen maatregel voor een leerling.",
                "aria-describedby=\"measures-measure-problem\"", "<details id=\"step-measures\" class=\"step\" open=\"open\">");
        assertThat(page).as("what was typed is kept").contains(">Threats</textarea>");

        MvcResult refusedInEnglish = perform("board", post("/cases/" + StandInServices.CASE + "/measures").with(csrf())
                .header("Accept-Language", "en").param("personId", "pupil-7").param("measure", "DISMISSAL")
                .param("reason", "Threats")).andExpect(status().isFound()).andReturn();
        String english = page("board", get("/cases/" + StandInServices.CASE).header("Accept-Language", "en")
                .flashAttrs(refusedInEnglish.getFlashMap()), 200);
        assertThat(english).contains("A dismissal is not a measure for a pupil.");

        MvcResult closed = perform("board", post("/cases/" + StandInServices.CASE + "/close").with(csrf())
                .param("outcome", "Posts removed")).andExpect(status().isFound()).andReturn();
        page = page("board", get("/cases/" + StandInServices.CASE).flashAttrs(closed.getFlashMap()), 200);
        assertThat(page).contains("id=\"step-close-problem\"", "Deze zaak is gesloten; er kan niets meer in gebeuren.");
    }

    @Test
    void aRefusalOfAStepThePageNoLongerOffersIsSaidAtTheTop() throws Exception {
        // Someone else acknowledged the case a moment before: the page offers the step no more.
        String page = page("board", get("/cases/" + StandInServices.CASE).flashAttr("refusal",
                new CasesController.Refusal("acknowledge", null, "Deze zaak is al bevestigd.")), 200);
        assertThat(page).contains("id=\"refused\"", "Deze zaak is al bevestigd.");
    }

    @Test
    void aStepNeedsTheCsrfToken() throws Exception {
        int before = SERVICES.calls.size();
        perform("manager", post("/cases/" + StandInServices.CASE + "/close").param("outcome", "x"))
                .andExpect(status().isForbidden());
        assertThat(SERVICES.calls.subList(before, SERVICES.calls.size())).noneMatch(c -> c.method().equals("POST"));
    }

    @Test
    void theListNamesTheSchoolAndTheManagerNotTheirIds() throws Exception {
        String page = page("manager", get("/cases"), 200);
        assertThat(page).contains("<dd class=\"school\">OBS De Esch</dd>",
                "<dd class=\"holder\">leidinggevende Marieke Jansen</dd>").doesNotContain(">school-1<", "manager manager");
        assertThat(page("manager", get("/cases").param("lang", "en"), 200))
                .contains("<dd class=\"holder\">manager Marieke Jansen</dd>");
    }

    @Test
    void theCasePageNamesPeopleAndTheSchoolAndWritesTheTimelineInDutch() throws Exception {
        String page = page("manager", get("/cases/" + StandInServices.CASE), 200);
        assertThat(page).contains("<dd id=\"school\">OBS De Esch</dd>", "<dd id=\"holder\">leidinggevende Marieke Jansen</dd>",
                "<dd id=\"reported-by\">Tessa de Vries (medewerker)</dd>");
        // The people involved are the board's references, not in the directory: they keep them.
        assertThat(page).contains("pupil-7 (leerling, schrijver)");
        assertThat(page).contains(
                "Gemeld: discussie op Facebook (ontspoord), ernst hoog; beledigen, bedreigen",
                "Door het systeem doorgezet naar leidinggevende Marieke Jansen: de melding gaat direct naar de leidinggevende van de school",
                "Termijn gezet door het systeem: ontvangst bevestigen, uiterlijk 30 november 2026 10:30 (leidinggevende Marieke Jansen)",
                "Ontvangst bevestigd door leidinggevende Marieke Jansen: Calling the teacher",
                "Aanpak afgesproken met Tessa de Vries: Een gesprek in het echt, Niet online reageren",
                "Maatregel waarschuwing opgelegd aan pupil-7 (leerling)");
        // A line without a code keeps the service's English sentence, marked as English.
        assertThat(page).contains("<span lang=\"en\">An older line without a code</span>");
        assertThat(page).doesNotContain("Reported a derailed", "manager manager", "hears of it", "set by the system",
                ">school-1<", "ACKNOWLEDGE");
    }

    @Test
    void theTimelineSpeaksEnglishOnRequest() throws Exception {
        String page = page("manager", get("/cases/" + StandInServices.CASE).param("lang", "en"), 200);
        assertThat(page).contains("Reported: discussion on Facebook (derailed), severity high",
                "Escalated by the system to manager Marieke Jansen: the report goes to the school&#39;s manager at once",
                "Deadline set by the system: acknowledge, by 30 November 2026 10:30 (manager Marieke Jansen)",
                "Acknowledged by manager Marieke Jansen: Calling the teacher");
    }

    private String page(String person, MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return perform(person, request).andExpect(status().is(expectedStatus)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The request of a person signed in with the access token {@code token-of-<person>} in their session. */
    private org.springframework.test.web.servlet.ResultActions perform(String person, MockHttpServletRequestBuilder request)
            throws Exception {
        ClientRegistration registration = registrations.findByRegistrationId("incidents");
        MockHttpSession session = new MockHttpSession();
        MockHttpServletRequest inSession = new MockHttpServletRequest();
        inSession.setSession(session);
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + person,
                Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, person, token), null, inSession,
                new MockHttpServletResponse());
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject(person)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(5, ChronoUnit.MINUTES)).build();
        DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
        return mvc.perform(request.session(session)
                .with(authentication(new OAuth2AuthenticationToken(user, user.getAuthorities(), "incidents"))));
    }
}
