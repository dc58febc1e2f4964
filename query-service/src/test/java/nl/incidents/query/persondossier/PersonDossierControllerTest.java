package nl.incidents.query.persondossier;

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
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
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

/** {@code GET /api/people/{personId}/dossier} over HTTP in small. */
@WebMvcTest(controllers = PersonDossierController.class)
@ControllerSlice
class PersonDossierControllerTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    QueryGateway gateway;

    @Test
    void theDossierOfTheAskedKindWithItsEntriesInDutchTime() throws Exception {
        IncidentId id = IncidentId.random();
        when(gateway.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(new PersonDossier(
                new PersonId("pupil-7"), PersonDossier.Kind.PUPIL, List.of(new PersonDossier.Entry(id, "school-1",
                PersonDossier.EntryType.MEASURE, PartyRole.PUPIL, Measure.SUSPENSION, "Threats",
                Instant.parse("2027-03-28T01:30:00Z"), new Actor(new PersonId("board"), ActorRole.BOARD))))));

        http.perform(get("/api/people/pupil-7/dossier?kind=PUPIL").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("PUPIL"))
                .andExpect(jsonPath("$.entries[0].incidentId").value(id.toString()))
                // The night summer time begins: 01:30 UTC is 03:30 in Amsterdam.
                .andExpect(jsonPath("$.entries[0].recordedAt").value("2027-03-28T03:30:00+02:00"));

        ArgumentCaptor<Object> query = ArgumentCaptor.forClass(Object.class);
        verify(gateway).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue()).isEqualTo(new FindPersonDossier(new PersonId("pupil-7"), PersonDossier.Kind.PUPIL,
                new Actor(new PersonId("manager"), ActorRole.MANAGER)));
    }

    @Test
    void aPersonIdOrKindThatIsNotOneIsRefusedByNameBeforeAnythingIsAsked() throws Exception {
        http.perform(get("/api/people/{personId}/dossier", "no such id").with(httpBasic("board", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("personId"));
        http.perform(get("/api/people/pupil-7/dossier?kind=ALUMNUS").with(httpBasic("board", "demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"));
        http.perform(get("/api/people/pupil-7/dossier")).andExpect(status().isUnauthorized());
        verify(gateway, never()).query(any(), any(ResponseType.class));
    }
}
