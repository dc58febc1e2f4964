package nl.incidents.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An embedded store made before the serialized messages were kept in their rows (event store migration V12, command
 * V13) keeps every byte of its events, snapshots, tokens, sagas and deadlines when the command service upgrades it:
 * the columns become H2's {@code BINARY VARYING} and each value, larger than the few hundred bytes H2 keeps in a BLOB's
 * row, reads back the same. H2 only: PostgreSQL kept these as {@code bytea} from the start.
 */
class SerializedInRowUpgradeTest {

    private static final String[] LOCATIONS = {"classpath:db/eventstore/h2", "classpath:db/command/h2",
            "classpath:db/command/common", "classpath:db/privacy/h2"};

    @Test
    void aStoreWithBlobsKeepsEveryByteWhenItsColumnsMoveIntoTheRow() throws Exception {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:file:" + Files.createTempDirectory("serialized-in-row") + "/incidents", "sa", "");
        Flyway.configure().dataSource(dataSource).table("command_schema_history").locations(LOCATIONS)
                .target("11").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(type(jdbc, "domain_event_entry", "payload")).isEqualTo("binary large object");

        Random random = new Random(13);
        byte[] payload = bytes(random, 6_000);
        byte[] metaData = bytes(random, 1_000);
        byte[] snapshot = bytes(random, 9_000);
        byte[] token = bytes(random, 700);
        byte[] saga = bytes(random, 2_000);
        byte[] task = bytes(random, 1_500);
        jdbc.update("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "meta_data, payload, payload_type, time_stamp) VALUES ('case-1', 0, 'Incident', 'event-1', ?, ?, "
                + "'nl.incidents.kernel.incident.DerailingDiscussionReported', '2026-11-30T12:00:00Z')", metaData, payload);
        jdbc.update("INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "meta_data, payload, payload_type, time_stamp) VALUES ('case-1', 0, 'Incident', 'snapshot-1', ?, ?, "
                + "'nl.incidents.command.incident.Incident', '2026-11-30T12:00:00Z')", metaData, snapshot);
        jdbc.update("INSERT INTO command_token_entry (processor_name, segment, token, token_type) "
                + "VALUES ('ledgers', 0, ?, 'org.axonframework.eventhandling.GapAwareTrackingToken')", (Object) token);
        jdbc.update("INSERT INTO SagaEntry (sagaId, sagaType, serializedSaga) VALUES ('saga-1', 'EscalationSaga', ?)",
                (Object) saga);
        jdbc.update("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version) "
                + "VALUES ('AxonDeadline', 'deadline-1', ?, TIMESTAMP WITH TIME ZONE '2026-12-01 12:00:00+00', FALSE, 1)",
                (Object) task);

        Flyway.configure().dataSource(dataSource).table("command_schema_history").locations(LOCATIONS).load().migrate();

        Map<String, byte[]> expected = Map.of(
                "SELECT payload FROM domain_event_entry", payload,
                "SELECT meta_data FROM domain_event_entry", metaData,
                "SELECT payload FROM snapshot_event_entry", snapshot,
                "SELECT meta_data FROM snapshot_event_entry", metaData,
                "SELECT token FROM command_token_entry", token,
                "SELECT serializedSaga FROM SagaEntry", saga,
                "SELECT task_data FROM scheduled_tasks", task);
        expected.forEach((query, bytes) ->
                assertThat(jdbc.queryForObject(query, byte[].class)).as(query).isEqualTo(bytes));
        for (String column : new String[]{"domain_event_entry.payload", "domain_event_entry.meta_data",
                "snapshot_event_entry.payload", "snapshot_event_entry.meta_data", "command_token_entry.token",
                "sagaentry.serializedsaga", "scheduled_tasks.task_data", "command_dead_letter_entry.payload"}) {
            String[] parts = column.split("\\.");
            assertThat(type(jdbc, parts[0], parts[1])).as(column).isEqualTo("binary varying");
        }
        assertThat(jdbc.queryForObject("SELECT is_nullable FROM information_schema.columns "
                + "WHERE lower(table_name) = 'domain_event_entry' AND lower(column_name) = 'payload'", String.class))
                .as("the payload stays NOT NULL").isEqualTo("NO");
    }

    private static String type(JdbcTemplate jdbc, String table, String column) {
        return jdbc.queryForObject("SELECT lower(data_type) FROM information_schema.columns "
                + "WHERE lower(table_name) = ? AND lower(column_name) = ?", String.class, table, column);
    }

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
