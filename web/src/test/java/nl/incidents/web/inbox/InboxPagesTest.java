package nl.incidents.web.inbox;

import static nl.incidents.web.report.StandInServices.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import nl.incidents.web.report.StandInServices;
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
 * The inbox as the manager sees it, against a stand-in query service: the notices newest first, each linking to its
 * case's page, unread ones marked, marking one read only with the CSRF token, and the header's unread count on every
 * page and as a fragment for the live refresh.
 */
@SpringBootTest(properties = "server.port=18938")
@AutoConfigureMockMvc
class InboxPagesTest {

    static final StandInServices SERVICES = new StandInServices();
    static final String CASE = "33333333-3333-3333-3333-333333333333";

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

    MockHttpSession manager;

    @BeforeEach
    void signIn() {
        SERVICES.reset();
        SERVICES.answer("GET", "/api/inbox/unread", json(200, "{\"unread\":1}"));
        SERVICES.answer("GET", "/api/inbox?limit=100", json(200, """
                [{"id":"event-2","incidentId":"%s","kind":"ESCALATION","subject":"Incident %s: escalated to you, acknowledge by 2026-11-30 12:00 CET",
                  "text":"A case of OBS De Esch (school-1) was escalated to you.\\n\\nDossier: http://localhost:8080/cases/%s","receivedAt":"2026-11-28T21:16:00+01:00","read":false,
                  "facts":{"kind":"ESCALATION","incidentId":"%s","schoolId":"school-1","schoolName":"OBS De Esch","level":"MANAGER",
                    "step":"ACKNOWLEDGE","dueAt":"2026-11-30T12:00:00+01:00","reminder":0,"legalDuty":false,"bySystem":false}},
                 {"id":"event-1","incidentId":"%s","kind":"REMINDER","subject":"An older notice","text":"text","receivedAt":"2026-11-02T09:00:00+01:00","read":true}]"""
                .formatted(CASE, CASE, CASE, CASE, CASE)));
        SERVICES.answer("POST", "/api/inbox/event-2/read", new StandInServices.Answer(204, null, null));
        manager = StandInServices.signedIn("manager", registrations, authorizedClients);
    }

    @Test
    void theInboxListsTheNoticesNewestFirstEachLinkingToItsCasesPage() throws Exception {
        String page = page(get("/inbox"), 200);
        assertThat(page).contains("<h1>Postvak</h1>", "Ongelezen", "Gelezen", "Aan u doorgestuurd", "Herinnering",
                "28 november 2026, 21:16", "href=\"/cases/" + CASE + "\"",
                // Written from its facts in the reader's language, with Dutch dates and the link to the case's page.
                "Melding " + CASE + ": aan u doorgezet, bevestig uiterlijk 30 november 2026 12:00",
                "Melding " + CASE + " van OBS De Esch (school-1) is aan u doorgezet.",
                "Stap: de ontvangst bevestigen, uiterlijk 30 november 2026 12:00.", "Zaak: http://localhost/cases/" + CASE,
                "action=\"/inbox/event-2/read\"", "Markeer als gelezen", "hx-trigger=\"sse:inbox-changed\"",
                "sse-connect=\"/live\"");
        assertThat(page).doesNotContain("escalated to you", "Incident " + CASE);
        // A notice from before the facts were kept shows its stored text.
        assertThat(page.indexOf("aan u doorgezet")).isLessThan(page.indexOf("An older notice"));
        // Only the unread one has a button.
        assertThat(page).doesNotContain("action=\"/inbox/event-1/read\"");
        // The header counts the unread notice.
        assertThat(page).containsPattern("id=\"unread\"[^>]*hx-trigger=\"sse:inbox-changed, inbox-read from:body\"")
                .containsPattern("<span class=\"badge\"><span>1</span><span class=\"visually-hidden\"> ongelezen</span>");
        assertThat(page(get("/inbox").header(HttpHeaders.ACCEPT_LANGUAGE, "en"), 200))
                .contains("<h1>Inbox</h1>", "Unread", "Mark as read", "Sent to you", " unread</span>",
                        "Incident " + CASE + ": escalated to you, acknowledge by 2026-11-30 12:00 CET",
                        "Step: acknowledge the case, due 2026-11-30 12:00 CET.", "An older notice")
                .doesNotContain("aan u doorgezet");
    }

    @Test
    void markingReadNeedsTheCsrfTokenAndGoesBackToTheInbox() throws Exception {
        mvc.perform(post("/inbox/event-2/read").with(authentication(StandInServices.person("manager"))).session(manager))
                .andExpect(status().isForbidden());
        assertThat(SERVICES.received()).noneMatch(r -> r.method().equals("POST"));

        mvc.perform(post("/inbox/event-2/read").with(csrf()).with(authentication(StandInServices.person("manager")))
                        .session(manager))
                .andExpect(status().isFound())
                .andExpect(header().string(HttpHeaders.LOCATION, "/inbox"));
        assertThat(SERVICES.received()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/inbox/event-2/read");
            assertThat(r.authorization()).isEqualTo("Bearer token-of-manager");
        });
        // Someone else's entry (the query service does not know it in this person's inbox): not found.
        page(post("/inbox/event-9/read").with(csrf()), 404);
    }

    @Test
    void theUnreadCountIsAFragmentForTheLiveRefreshAndNothingWhenAllIsRead() throws Exception {
        String fragment = page(get("/inbox/unread").header("HX-Request", "true"), 200);
        assertThat(fragment).startsWith("<span id=\"unread\"").contains("<span>1</span>").doesNotContain("<html");
        SERVICES.answer("GET", "/api/inbox/unread", json(200, "{\"unread\":0}"));
        assertThat(page(get("/inbox/unread").header("HX-Request", "true"), 200))
                .startsWith("<span id=\"unread\"").doesNotContain("badge");
    }

    @Test
    void everySignedInPageShowsTheUnreadCountInTheHeader() throws Exception {
        SERVICES.answer("GET", "/api/inbox/unread", json(200, "{\"unread\":4}"));
        assertThat(page(get("/"), 200)).contains("<span>4</span><span class=\"visually-hidden\"> ongelezen</span>");
    }

    private String page(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return mvc.perform(request.with(authentication(StandInServices.person("manager"))).session(manager))
                .andExpect(status().is(expectedStatus))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
