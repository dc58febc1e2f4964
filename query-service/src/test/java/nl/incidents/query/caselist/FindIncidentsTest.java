package nl.incidents.query.caselist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Severity;
import org.junit.jupiter.api.Test;

/** The case list's request: its filters, order, page size and page tokens, as a client may send them. */
class FindIncidentsTest {

    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    @Test
    void filtersAreReadRepeatedOrCommaSeparatedInAnyCase() {
        FindIncidents.Filter filter = FindIncidents.Filter.parse(List.of("escalated,Acknowledged", "CLOSED"),
                List.of("school-1", " school-2 "), List.of("high"), "TRUE");

        assertThat(filter.statuses()).containsExactlyInAnyOrder(IncidentStatus.ESCALATED, IncidentStatus.ACKNOWLEDGED,
                IncidentStatus.CLOSED);
        assertThat(filter.schools()).containsExactlyInAnyOrder("school-1", "school-2");
        assertThat(filter.severities()).containsExactly(Severity.HIGH);
        assertThat(filter.overdue()).isTrue();
        assertThat(FindIncidents.Filter.parse(null, null, null, null)).isEqualTo(FindIncidents.Filter.NONE);
        assertThat(FindIncidents.Filter.parse(List.of(), List.of(), List.of(), "false").overdue()).isFalse();
    }

    @Test
    void aValueTheListDoesNotKnowIsRefusedNamingItsParameter() {
        assertRefused(() -> FindIncidents.Filter.parse(List.of("OPEN"), null, null, null), "status", "'OPEN' is not a status");
        assertRefused(() -> FindIncidents.Filter.parse(null, List.of("school 1"), null, null), "school", "is not a school id");
        assertRefused(() -> FindIncidents.Filter.parse(null, null, List.of("HUGE"), null), "severity", "LOW, MEDIUM, HIGH, CRITICAL");
        assertRefused(() -> FindIncidents.Filter.parse(null, null, null, "maybe"), "overdue", "overdue=true or overdue=false");
        assertRefused(() -> FindIncidents.Sort.parse("severity"), "sort", "'reported'");
    }

    @Test
    void aPageHoldsOneToTwoHundredCases() {
        assertThat(new FindIncidents(BOARD, FindIncidents.Filter.NONE, FindIncidents.Sort.DUE, 200, null).pageSize()).isEqualTo(200);
        assertThat(FindIncidents.firstPage(BOARD).pageSize()).isEqualTo(50);
        for (int size : new int[] {0, -1, 201}) {
            assertRefused(() -> new FindIncidents(BOARD, FindIncidents.Filter.NONE, FindIncidents.Sort.REPORTED, size, null),
                    "size", "1 to 200");
        }
    }

    @Test
    void aPageTokenNamesTheLastCaseOfItsPageForOneOrderOnly() {
        PageToken due = new PageToken(FindIncidents.Sort.DUE, Instant.parse("2026-11-02T11:00:00.123456Z"),
                Instant.parse("2026-11-02T09:00:00Z"), IncidentId.random());
        PageToken newest = new PageToken(FindIncidents.Sort.REPORTED, null, Instant.parse("2026-11-02T09:00:00Z"),
                IncidentId.random());

        assertThat(PageToken.decode(due.encode(), FindIncidents.Sort.DUE)).isEqualTo(due);
        assertThat(PageToken.decode(newest.encode(), FindIncidents.Sort.REPORTED)).isEqualTo(newest);
        assertThat(due.encode()).matches("[A-Za-z0-9_-]+");
        assertThat(PageToken.decode(null, FindIncidents.Sort.DUE)).isNull();
        assertRefused(() -> PageToken.decode(due.encode(), FindIncidents.Sort.REPORTED), "after", "first page");
        assertRefused(() -> PageToken.decode("not-a-token", FindIncidents.Sort.DUE), "after", "first page");
        assertRefused(() -> PageToken.decode("%%%", FindIncidents.Sort.DUE), "after", "first page");
    }

    @Test
    void aFilterCrossesTheWireAsItWasMade() throws Exception {
        var json = nl.incidents.kernel.json.IncidentsJson.messageMapper();
        FindIncidents query = new FindIncidents(BOARD, new FindIncidents.Filter(Set.of(IncidentStatus.CLOSED), Set.of("school-1"),
                Set.of(Severity.LOW), false), FindIncidents.Sort.DUE, 10, "abc");

        assertThat(json.readValue(json.writeValueAsString(query), FindIncidents.class)).isEqualTo(query);
    }

    private static void assertRefused(Runnable request, String field, String message) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(RequestRefused.class, refused -> {
            assertThat(refused.kind()).isEqualTo(RequestRefused.Kind.INVALID);
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.getMessage()).contains(message);
        });
    }
}
