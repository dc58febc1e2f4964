package nl.incidents.command.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.support.testing.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A store kept by the version before issue 13: the saga's processor in four segments, and the two ledgers each in a
 * processing group of its own ({@code escalation-ledger}, {@code retention-ledger}). The saga keeps its segments (Axon
 * takes the initial count only when it creates a processor's tokens); the ledgers' one group starts where the earlier
 * two had come, the earlier of the two, not at the beginning of the store.
 */
@Tag(TestStore.TAG)
class UpgradedStoreTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final String SAGA = EscalationSaga.PROCESSOR;

    @Test
    void theSagaKeepsItsSegmentsAndTheLedgersGoOnWhereTheirGroupsStopped() {
        ServiceOnStore store = new ServiceOnStore("upgraded-store");
        JdbcClient jdbc = store.jdbc();
        IncidentId id = IncidentId.random();
        Token reported;
        Token acknowledged;
        try (ConfigurableApplicationContext service = store.start()) {
            // A new store: the saga in one segment, the other processors in the services' default four.
            assertThat(segments(jdbc, SAGA)).isEqualTo(1);
            assertThat(segments(jdbc, "ledgers")).isEqualTo(4);

            IncidentCommands commands = service.getBean(IncidentCommands.class);
            commands.send(report(id), TEACHER);
            // The saga (one segment, every event) has scheduled both deadlines: its token is past the report's events.
            await().atMost(Duration.ofSeconds(10)).until(() -> deadlines(jdbc) == 2);
            reported = token(jdbc, SAGA);
            commands.send(new AcknowledgeEscalation(id, "Mine."), MANAGER);
            await().atMost(Duration.ofSeconds(10)).until(() -> deadlines(jdbc) == 1);
            acknowledged = token(jdbc, SAGA);
            await().atMost(Duration.ofSeconds(10)).until(() -> dueSteps(jdbc, id).equals(List.of("NOTIFY_COMMUNICATIONS")));
        }

        // As the earlier version left it: the saga in four segments, the ledgers in two groups, the retention
        // ledger's behind the due steps' (before the acknowledgement).
        jdbc.sql("DELETE FROM command_token_entry WHERE processor_name IN ('ledgers', :saga)").param("saga", SAGA).update();
        for (int segment = 0; segment < 4; segment++) {
            insert(jdbc, SAGA, segment, acknowledged);
        }
        insert(jdbc, "escalation-ledger", 0, acknowledged);
        insert(jdbc, "retention-ledger", 0, reported);
        // Rows that tell what the new group handles: a due step the acknowledgement ends (handled again from the
        // earlier position, it goes), and the missing step set on the report (only a start at the beginning would set
        // it again).
        jdbc.sql("DELETE FROM escalation_due_step WHERE incident_id = :id").param("id", id.toString()).update();
        jdbc.sql("INSERT INTO escalation_due_step (incident_id, step, due_at) VALUES (:id, 'ACKNOWLEDGE', CURRENT_TIMESTAMP)")
                .param("id", id.toString()).update();

        try (ConfigurableApplicationContext service = store.start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> dueSteps(jdbc, id).isEmpty());
            assertThat(segments(jdbc, SAGA)).as("the saga's segments, kept").isEqualTo(4);
            assertThat(segments(jdbc, "ledgers")).isEqualTo(4);
            assertThat(segments(jdbc, "escalation-ledger") + segments(jdbc, "retention-ledger"))
                    .as("the earlier groups' rows, left for the earlier version").isEqualTo(2);

            // Both go on with new cases: the saga schedules the new case's deadlines, the ledger keeps its steps.
            IncidentId next = IncidentId.random();
            service.getBean(IncidentCommands.class).send(report(next), TEACHER);
            await().atMost(Duration.ofSeconds(10)).until(() -> deadlines(jdbc) == 3
                    && dueSteps(jdbc, next).equals(List.of("ACKNOWLEDGE", "NOTIFY_COMMUNICATIONS")));
            assertThat(dueSteps(jdbc, id)).as("nothing of the first case handled again from the beginning").isEmpty();
        }
    }

    private static ReportDerailingDiscussion report(IncidentId id) {
        return new ReportDerailingDiscussion(id, "school-1", Platform.WHATSAPP_GROUP, "https://chat.whatsapp.com/invite/abc",
                "Pupils mock a classmate in the class group.", Stage.THREATENING, Set.of(Harm.BULLYING), Severity.MEDIUM,
                List.of(), Instant.now().minusSeconds(60));
    }

    /** A stored token as the token table keeps it. */
    private record Token(byte[] token, String type) {
    }

    private static Token token(JdbcClient jdbc, String processor) {
        return jdbc.sql("SELECT token, token_type FROM command_token_entry WHERE processor_name = :name AND segment = 0")
                .param("name", processor).query((rs, row) -> new Token(rs.getBytes("token"), rs.getString("token_type")))
                .single();
    }

    private static void insert(JdbcClient jdbc, String processor, int segment, Token token) {
        jdbc.sql("""
                        INSERT INTO command_token_entry (processor_name, segment, token, token_type, time_stamp, owner)
                        VALUES (:name, :segment, :token, :type, :at, NULL)""")
                .param("name", processor).param("segment", segment).param("token", token.token())
                .param("type", token.type()).param("at", Instant.now().toString()).update();
    }

    private static int segments(JdbcClient jdbc, String processor) {
        return jdbc.sql("SELECT COUNT(*) FROM command_token_entry WHERE processor_name = :name").param("name", processor)
                .query(Integer.class).single();
    }

    private static long deadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'").query(Long.class).single();
    }

    private static List<String> dueSteps(JdbcClient jdbc, IncidentId id) {
        return jdbc.sql("SELECT step FROM escalation_due_step WHERE incident_id = :id ORDER BY step")
                .param("id", id.toString()).query(String.class).list();
    }
}
