package nl.incidents.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The live stream's address as a browser's EventSource meets it, and the page that shows the updates arriving: without
 * a session {@code /live} is 401 (an EventSource cannot follow a sign-in) and is not remembered as the page to return
 * to after sign-in; the Content-Security-Policy lets the page connect to it (connect-src falls back to default-src
 * 'self'); the check page connects and has no inline script or style.
 */
@SpringBootTest(properties = "server.port=0")
@AutoConfigureMockMvc
class LivePagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void withoutASessionTheStreamIs401AndIsNotThePageToReturnTo() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/live").session(session).accept("text/event-stream"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.startsWith("default-src 'self';")))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("connect-src"))));
        assertThat(session.getAttribute("SPRING_SECURITY_SAVED_REQUEST")).isNull();
    }

    @Test
    void thePagesScriptIsOpenSoItIsNeverThePageToReturnToAfterSignIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/js/site.js").session(session)).andExpect(status().isOk());
        assertThat(session.getAttribute("SPRING_SECURITY_SAVED_REQUEST")).isNull();
    }

    @Test
    void theCheckPageConnectsToTheStreamWithoutInlineScript() throws Exception {
        String page = mvc.perform(get("/live/check").with(oidcLogin()).header("Accept-Language", "nl"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("hx-ext=\"sse\" sse-connect=\"/live\"", "sse-swap=\"case-changed\"",
                "hx-trigger=\"sse:inbox-changed\"", "<main class=\"card\" id=\"main\">", "Live bijwerkingen");
        assertThat(page).doesNotContain("style=", "<style", "onclick");
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)");
    }

    @Test
    void theInboxPartAnswersItselfAlone() throws Exception {
        String part = mvc.perform(get("/live/check/inbox").with(oidcLogin()).header("HX-Request", "true")
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(part.strip()).startsWith("<dd id=\"live-inbox\"").containsPattern("changed at \\d{2}:\\d{2}:\\d{2}\\.\\d{3}").doesNotContain("<main");
    }
}
