package nl.incidents.query.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.NoticeFacts;
import nl.incidents.query.ControllerSlice;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/inbox} over HTTP in small. */
@WebMvcTest(controllers = InboxController.class)
@ControllerSlice
class InboxControllerTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    QueryGateway gateway;

    @MockitoBean
    InboxReadMarks readMarks;

    @Test
    void theSignedInMembersOwnInboxAsAListInDutchTime() throws Exception {
        IncidentId id = IncidentId.random();
        when(gateway.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(new Inbox(List.of(
                new InboxEntry("event-1", id, Notice.Kind.ESCALATION, "subject", "text", Instant.parse("2026-11-29T20:13:40Z"),
                        false, new NoticeFacts(Notice.Kind.ESCALATION, id, "school-1", "OBS De Esch",
                        EscalationLevel.MANAGER, Step.ACKNOWLEDGE, Instant.parse("2026-11-29T21:13:40Z"), null, 0, false,
                        false))))));

        http.perform(get("/api/inbox?limit=5").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].incidentId").value(id.toString()))
                .andExpect(jsonPath("$[0].receivedAt").value("2026-11-29T21:13:40+01:00"))
                .andExpect(jsonPath("$[0].id").value("event-1"))
                .andExpect(jsonPath("$[0].read").value(false))
                .andExpect(jsonPath("$[0].subject").value("subject"))
                .andExpect(jsonPath("$[0].facts.kind").value("ESCALATION"))
                .andExpect(jsonPath("$[0].facts.schoolName").value("OBS De Esch"))
                .andExpect(jsonPath("$[0].facts.level").value("MANAGER"))
                .andExpect(jsonPath("$[0].facts.step").value("ACKNOWLEDGE"))
                .andExpect(jsonPath("$[0].facts.dueAt").value("2026-11-29T22:13:40+01:00"))
                .andExpect(jsonPath("$[0].facts.missedAcknowledgement").doesNotExist());

        ArgumentCaptor<Object> query = ArgumentCaptor.forClass(Object.class);
        verify(gateway).query(query.capture(), any(ResponseType.class));
        FindInbox sent = (FindInbox) query.getValue();
        assertThat(sent.viewer().id().value()).isEqualTo("manager");
        assertThat(sent.limit()).isEqualTo(5);
    }

    @Test
    void aLimitOutsideOneToTwoHundredIsRefusedByName() throws Exception {
        for (String bad : List.of("0", "201", "-1", "many")) {
            http.perform(get("/api/inbox?limit=" + bad).with(httpBasic("manager", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value("limit"));
        }
        http.perform(get("/api/inbox")).andExpect(status().isUnauthorized());
        verify(gateway, never()).query(any(), any(ResponseType.class));
    }
}
