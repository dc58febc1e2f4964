package nl.incidents.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Timing;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.json.IncidentsJson;
import nl.incidents.support.testing.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A query store projected before the case list had pages and parties (schema version 4) keeps
 * reading right after the migrations: each open step gets its own deadline (a reminded step the one
 * it missed), each case its earliest deadline, and each case its involved parties from the history.
 */
@Tag(TestStore.TAG)
class QuerySchemaMigrationTest {

    private static final Instant REPORTED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOTIFY_DUE = Instant.parse("2026-11-02T13:00:00Z");
    private static final Instant POLICE_DUE = Instant.parse("2026-11-02T17:00:00Z");
    private static final Instant NEXT_REMINDER = Instant.parse("2026-11-02T19:00:00Z");
    private static final Instant ACK_DUE = Instant.parse("2026-11-02T11:00:00Z");

    @Test
    void theProjectionsOfVersionFourReadOnAfterTheMigrations() throws Exception {
        QueryDatabase database = QueryDatabase.fresh("query-schema").migrate("4");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        IncidentId reminded = IncidentId.random();
        IncidentId late = IncidentId.random();
        IncidentId quiet = IncidentId.random();
        for (IncidentId id : List.of(reminded, late, quiet)) {
            jdbc.sql("""
                    INSERT INTO incident_summary (incident_id, school_id, status, severity, stage, platform, reported_by, reported_at)
                    VALUES (?, 'school-1', 'ESCALATED', 'HIGH', 'DERAILED', 'FACEBOOK', 'teacher', ?)""")
                    .params(id.toString(), utc(REPORTED)).update();
        }
        step(jdbc, reminded, "NOTIFY_COMMUNICATIONS", NOTIFY_DUE, 0);
        step(jdbc, reminded, "POLICE_DECISION", NEXT_REMINDER, 1);
        lateStep(jdbc, reminded, "POLICE_DECISION", POLICE_DUE);
        step(jdbc, late, "ACKNOWLEDGE", ACK_DUE, 0);
        lateStep(jdbc, late, "ACKNOWLEDGE", ACK_DUE);
        jdbc.sql("""
                INSERT INTO incident_history (incident_id, sequence_number, event_id, event_type, occurred_at, payload)
                VALUES (?, 0, 'event-1', 'DerailingDiscussionReported', ?, ?)""")
                .params(reminded.toString(), utc(REPORTED), IncidentsJson.messageMapper().writeValueAsString(
                        new DerailingDiscussionReported(reminded, "school-1", Platform.FACEBOOK, "https://facebook.com/x",
                                "Threats", Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH, List.of(
                                new InvolvedParty(new PersonId("pupil-1"), PartyRole.PUPIL, Part.AUTHOR),
                                new InvolvedParty(new PersonId("manager"), PartyRole.STAFF, Part.TARGET)),
                                REPORTED, new PersonId("teacher"))))
                .update();

        database.migrate(null);

        assertThat(deadline(jdbc, reminded, "POLICE_DECISION")).isEqualTo(List.of(POLICE_DUE, POLICE_DUE, NEXT_REMINDER));
        assertThat(deadline(jdbc, reminded, "NOTIFY_COMMUNICATIONS")).containsExactly(NOTIFY_DUE, null, NOTIFY_DUE);
        assertThat(deadline(jdbc, late, "ACKNOWLEDGE")).containsExactly(ACK_DUE, ACK_DUE, ACK_DUE);
        assertThat(firstDeadline(jdbc, reminded)).isEqualTo(NOTIFY_DUE);
        assertThat(firstDeadline(jdbc, late)).isEqualTo(ACK_DUE);
        assertThat(firstDeadline(jdbc, quiet)).isNull();
        assertThat(jdbc.sql("SELECT person_id FROM incident_party WHERE incident_id = ? ORDER BY person_id")
                .param(reminded.toString()).query(String.class).list()).containsExactly("manager", "pupil-1");
    }

    /** Version 17: every case under the legal duty already in the store is need-to-know after the upgrade. */
    @Test
    void aLegalDutyCaseOfBeforeNeedToKnowIsNeedToKnowAfterTheMigration() throws Exception {
        QueryDatabase database = QueryDatabase.fresh("query-schema-ntk").migrate("16");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        IncidentId legalDuty = IncidentId.random();
        IncidentId other = IncidentId.random();
        for (IncidentId id : List.of(legalDuty, other)) {
            jdbc.sql("""
                    INSERT INTO incident_summary (incident_id, school_id, status, severity, stage, platform, reported_by, reported_at)
                    VALUES (?, 'school-1', 'ESCALATED', 'CRITICAL', 'DERAILED', 'FACEBOOK', 'teacher', ?)""")
                    .params(id.toString(), utc(REPORTED)).update();
            jdbc.sql("""
                    INSERT INTO incident_history (incident_id, sequence_number, event_id, event_type, occurred_at, payload)
                    VALUES (?, 1, ?, 'EscalationPolicyRecorded', ?, ?)""")
                    .params(id.toString(), "terms-" + id, utc(REPORTED), IncidentsJson.messageMapper().writeValueAsString(
                            new EscalationPolicyRecorded(id, new Timing(Duration.ofHours(1), Duration.ofHours(1),
                                    Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)),
                                    ClockMode.AROUND_THE_CLOCK, Region.NORTH,
                                    List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), id == legalDuty)))
                    .update();
        }

        database.migrate(null);

        assertThat(jdbc.sql("SELECT need_to_know FROM incident_summary WHERE incident_id = ?").param(legalDuty.toString())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT need_to_know FROM incident_summary WHERE incident_id = ?").param(other.toString())
                .query(Boolean.class).single()).isFalse();
    }

    private static void step(JdbcClient jdbc, IncidentId id, String step, Instant dueAt, int reminder) {
        jdbc.sql("INSERT INTO incident_due_step (incident_id, step, due_at, reminder) VALUES (?, ?, ?, ?)")
                .params(id.toString(), step, utc(dueAt), reminder).update();
    }

    private static void lateStep(JdbcClient jdbc, IncidentId id, String step, Instant dueAt) {
        jdbc.sql("INSERT INTO incident_late_step (incident_id, step, due_at, noticed_at) VALUES (?, ?, ?, ?)")
                .params(id.toString(), step, utc(dueAt), utc(dueAt.plusSeconds(1))).update();
    }

    /** The step's own deadline, since when it is overdue, and when the system acts on it next. */
    private static List<Instant> deadline(JdbcClient jdbc, IncidentId id, String step) {
        return jdbc.sql("SELECT deadline_at, overdue_since, due_at FROM incident_due_step WHERE incident_id = ? AND step = ?")
                .params(id.toString(), step)
                .query((rs, n) -> java.util.Arrays.asList(Projections.instant(rs, "deadline_at"),
                        Projections.instant(rs, "overdue_since"), Projections.instant(rs, "due_at")))
                .single();
    }

    private static Instant firstDeadline(JdbcClient jdbc, IncidentId id) {
        return jdbc.sql("SELECT first_deadline_at FROM incident_summary WHERE incident_id = ?").param(id.toString())
                .query((rs, n) -> java.util.Optional.ofNullable(Projections.instant(rs, "first_deadline_at")))
                .single().orElse(null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
