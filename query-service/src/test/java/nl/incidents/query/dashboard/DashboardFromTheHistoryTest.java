package nl.incidents.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Timing;
import nl.incidents.kernel.json.IncidentsJson;
import nl.incidents.query.QueryDatabase;
import nl.incidents.support.testing.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A query store projected before the dashboard existed (schema version 8) gets its dashboard rows from the history
 * when it migrates: the legal duty from the case's terms, and the time of each acknowledgement (from the escalation
 * to that level) and of the communications department's notification (from the report).
 */
@Tag(TestStore.TAG)
class DashboardFromTheHistoryTest {

    private static final Instant REPORTED = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void theCasesOfVersionEightGetTheirDashboardRowsFromTheHistory() throws Exception {
        QueryDatabase database = QueryDatabase.fresh("dashboard-history").migrate("8");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        IncidentId id = IncidentId.random();
        Duration hour = Duration.ofHours(1);
        List<Map.Entry<IncidentEvent, Instant>> events = List.of(
                Map.entry(new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK, "https://facebook.com/x",
                        "Images", Stage.DERAILED, Set.of(Harm.SEXUAL_IMAGES_OF_MINORS), Severity.CRITICAL, List.of(
                        new InvolvedParty(new PersonId("staff-1"), PartyRole.STAFF, Part.AUTHOR),
                        new InvolvedParty(new PersonId("pupil-1"), PartyRole.PUPIL, Part.TARGET)),
                        REPORTED, new PersonId("teacher")), REPORTED),
                Map.entry(new EscalationPolicyRecorded(id, new Timing(hour, hour, hour, hour, hour), ClockMode.AROUND_THE_CLOCK,
                        Region.NORTH, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), true), REPORTED),
                Map.entry(new IncidentEscalated(id, Assignee.board(), "legal duty"), REPORTED.plusSeconds(60)),
                Map.entry(new EscalationAcknowledged(id, Assignee.board(), null), REPORTED.plusSeconds(60 + 25 * 60)),
                Map.entry(new CommunicationsDepartmentNotified(id, "told"), REPORTED.plusSeconds(3600)));
        long sequence = 0;
        for (Map.Entry<IncidentEvent, Instant> event : events) {
            jdbc.sql("""
                    INSERT INTO incident_history (incident_id, sequence_number, event_id, event_type, occurred_at, payload)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id.toString(), sequence, "event-" + sequence, event.getKey().getClass().getSimpleName(),
                            OffsetDateTime.ofInstant(event.getValue(), ZoneOffset.UTC),
                            IncidentsJson.messageMapper().writeValueAsString(event.getKey()))
                    .update();
            sequence++;
        }

        database.migrate(null);

        assertThat(jdbc.sql("SELECT legal_duty FROM dashboard_case WHERE incident_id = ?").param(id.toString())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT measure, level, severity, duration_ms FROM dashboard_step_time WHERE incident_id = ?"
                        + " ORDER BY taken_at").param(id.toString())
                .query((rs, n) -> rs.getString("measure") + " " + rs.getString("level") + " " + rs.getString("severity")
                        + " " + rs.getLong("duration_ms")).list())
                .containsExactly("ACKNOWLEDGEMENT BOARD CRITICAL " + 25 * 60_000, "COMMUNICATIONS_NOTIFIED null CRITICAL 3600000");
    }
}
