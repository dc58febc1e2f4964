package nl.incidents.query.incidentdossier;

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

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
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

/** {@code GET /api/incidents/{id}} and its history over HTTP in small. */
@WebMvcTest(controllers = IncidentDossierController.class)
@ControllerSlice
class IncidentDossierControllerTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    QueryGateway gateway;

    private final IncidentId id = IncidentId.random();

    @Test
    void theHistoryIsTheListOfItsEventsInDutchTimeForTheSignedInViewer() throws Exception {
        when(gateway.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(new History(id, List.of(
                new HistoryEntry(0, "e-1", "IncidentEscalated", Instant.parse("2026-11-29T20:13:40Z"), Actor.SYSTEM, "c", "r",
                        "report", JsonNodeFactory.instance.objectNode().put("reason", "Reported"))))));

        http.perform(get("/api/incidents/" + id + "/history").with(httpBasic("board", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].type").value("IncidentEscalated"))
                .andExpect(jsonPath("$[0].occurredAt").value("2026-11-29T21:13:40+01:00"))
                .andExpect(jsonPath("$[0].actor.role").value("SYSTEM"))
                .andExpect(jsonPath("$[0].payload.reason").value("Reported"));

        ArgumentCaptor<Object> query = ArgumentCaptor.forClass(Object.class);
        verify(gateway).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new FindIncidentHistory(id, new Actor(
                new nl.incidents.kernel.incident.PersonId("board"), nl.incidents.kernel.incident.ActorRole.BOARD)));
    }

    @Test
    void aRefusalIsAProblemWithoutDetailsOfTheCase() throws Exception {
        when(gateway.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.failedFuture(
                RequestRefused.forbidden("case.not-readable", "You may not read incident " + id + ".")));

        http.perform(get("/api/incidents/" + id).with(httpBasic("manager", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("You may not read incident " + id + "."))
                .andExpect(jsonPath("$.code").value("case.not-readable"));
    }

    @Test
    void anIdThatIsNoCaseIdIsRefusedByNameAndNobodyUnsignedGetsIn() throws Exception {
        http.perform(get("/api/incidents/42").with(httpBasic("board", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("id"));
        http.perform(get("/api/incidents/" + id)).andExpect(status().isUnauthorized());
        verify(gateway, never()).query(any(), any(ResponseType.class));
    }
}
