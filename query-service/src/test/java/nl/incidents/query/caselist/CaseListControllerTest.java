package nl.incidents.query.caselist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
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
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
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

/** {@code GET /api/incidents} over HTTP in small: what it asks for, what it answers, what it refuses. */
@WebMvcTest(controllers = CaseListController.class)
@ControllerSlice
class CaseListControllerTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    QueryGateway gateway;

    private final IncidentId id = IncidentId.random();

    @Test
    void theQueryCarriesTheSignedInViewerTheFiltersAndThePage() throws Exception {
        answer(new IncidentPage(List.of(), null, null));

        http.perform(get("/api/incidents?status=escalated,ACKNOWLEDGED&school=school-1&severity=HIGH&overdue=true"
                        + "&sort=due&size=10&after=abc").with(httpBasic("manager", "demo")))
                .andExpect(status().isOk());

        FindIncidents query = sent();
        assertThat(query.viewer().id().value()).isEqualTo("manager");
        assertThat(query.viewer().role()).isEqualTo(ActorRole.MANAGER);
        assertThat(query.filter().statuses()).containsExactlyInAnyOrder(IncidentStatus.ESCALATED, IncidentStatus.ACKNOWLEDGED);
        assertThat(query.filter().schools()).containsExactly("school-1");
        assertThat(query.filter().severities()).containsExactly(Severity.HIGH);
        assertThat(query.filter().overdue()).isTrue();
        assertThat(query.sort()).isEqualTo(FindIncidents.Sort.DUE);
        assertThat(query.pageSize()).isEqualTo(10);
        assertThat(query.after()).isEqualTo("abc");
    }

    @Test
    void thePageIsARecordWithItsItemsInDutchTimeAndALinkToTheNextPage() throws Exception {
        Instant reported = Instant.parse("2026-11-29T20:13:40Z");
        answer(new IncidentPage(List.of(new IncidentSummary(id, "school-1", IncidentStatus.ESCALATED, Severity.HIGH,
                Stage.DERAILED, Platform.FACEBOOK, null, reported, null,
                new IncidentSummary.Due(Step.ACKNOWLEDGE, Instant.parse("2026-07-01T08:00:00Z")), null, 0)), "NEXT", null));

        http.perform(get("/api/incidents?sort=due&status=ESCALATED&after=FIRST").with(httpBasic("board", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].incidentId").value(id.toString()))
                .andExpect(jsonPath("$.items[0].reportedAt").value("2026-11-29T21:13:40+01:00"))
                .andExpect(jsonPath("$.items[0].nextDue.dueAt").value("2026-07-01T10:00:00+02:00"))
                .andExpect(jsonPath("$.items[0].closedAt").doesNotExist())
                .andExpect(jsonPath("$.nextPageToken").value("NEXT"))
                .andExpect(jsonPath("$.next").value("/api/incidents?sort=due&status=ESCALATED&after=NEXT"));

        answer(new IncidentPage(List.of(), null, null));
        http.perform(get("/api/incidents").with(httpBasic("board", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray())
                .andExpect(jsonPath("$.next").doesNotExist());
    }

    @Test
    void aBadParameterIsRefusedByNameBeforeAnythingIsAsked() throws Exception {
        for (String parameter : List.of("status=OPEN", "severity=HUGE", "school=no%20school", "overdue=maybe", "size=0",
                "size=201", "size=many", "sort=severity")) {
            String name = parameter.substring(0, parameter.indexOf('='));
            http.perform(get("/api/incidents?" + parameter).with(httpBasic("board", "demo")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value(name))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                            "Exception"))));
        }
        verify(gateway, never()).query(any(), any(ResponseType.class));
    }

    @Test
    void aRefusalOfTheQueryIsAProblemAndNobodyUnsignedGetsIn() throws Exception {
        when(gateway.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.failedFuture(
                RequestRefused.forbidden("list.overdue-not-yours", "Only those who handle a case see whether its steps are overdue.")));
        http.perform(get("/api/incidents?overdue=true").with(httpBasic("teacher", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(endsWith("overdue.")));

        http.perform(get("/api/incidents")).andExpect(status().isUnauthorized());
        http.perform(get("/api/incidents").with(httpBasic("board", "wrong"))).andExpect(status().isUnauthorized());
    }

    private void answer(IncidentPage page) {
        when(gateway.query(any(), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(page));
    }

    private FindIncidents sent() {
        ArgumentCaptor<Object> query = ArgumentCaptor.forClass(Object.class);
        verify(gateway).query(query.capture(), any(ResponseType.class));
        return (FindIncidents) query.getValue();
    }
}
