package nl.incidents.support.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import javax.sql.DataSource;
import nl.incidents.support.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The embedded store's file under a steady stream of one-row commits, as the command service writes them
 * ({@code WRITE_DELAY=0}): with the owner's housekeeping it stays a small multiple of its data instead of
 * growing by a chunk per commit, while the query service reads over TCP, and nothing committed is lost.
 * <p>
 * The retention time is 0 here: in the service it is seconds, which a test does not wait for; and the rounds
 * come after each batch of commits, not from the clock, so that the figures do not depend on this machine's speed.
 */
class EmbeddedStoreHousekeepingTest {

    private static final int BATCHES = 40;
    private static final int REPORTS_PER_BATCH = 250;

    @TempDir
    Path tmp;

    @Test
    void aSteadyStreamOfCommitsKeepsTheFileASmallMultipleOfItsData() throws Exception {
        Path dir = tmp.resolve("data");
        Path file = dir.resolve("incidents.mv.db");
        long[] sizes = new long[BATCHES];
        owner(dir).run(owner -> {
            EmbeddedStoreHousekeeping housekeeping = owner.getBean(EmbeddedStoreHousekeeping.class);
            String password = EmbeddedStore.at(dir).password();
            int port = owner.getBean(H2TcpServer.class).port();
            try (Connection service = owner.getBean(DataSource.class).getConnection();
                 Connection queryService = DriverManager.getConnection(
                         "jdbc:h2:tcp://127.0.0.1:" + port + "/incidents", "sa", password)) {
                createEventStore(service);
                service.setAutoCommit(false);
                queryService.setAutoCommit(false);
                for (int batch = 0; batch < BATCHES; batch++) {
                    report(service, batch);
                    housekeeping.round();
                    sizes[batch] = Files.size(file);
                    assertThat(events(queryService)).as("the query service reads every event")
                            .isEqualTo((batch + 1L) * REPORTS_PER_BATCH);
                    queryService.commit();
                }
            }
        });
        long compacted = compactedSize(dir);

        assertThat(eventsAfterReopening(dir)).isEqualTo((long) BATCHES * REPORTS_PER_BATCH);
        // Each of the 20,000 commits writes a chunk of about 35 KB. Without the rounds, the file ends at 7 times its
        // compacted data (45 MB against 6 MB) and keeps that ratio; with them, at 1.2 times.
        assertThat(sizes[BATCHES - 1]).as("the file after each batch of %d commits: %s bytes; compacted: %d bytes",
                        2 * REPORTS_PER_BATCH, Arrays.toString(sizes), compacted)
                .isLessThanOrEqualTo(2 * compacted);
    }

    /** A report's commits: its event appended, then a processor's token moved on, each its own transaction. */
    private static void report(Connection service, int batch) throws SQLException {
        try (PreparedStatement append = service.prepareStatement(
                "INSERT INTO case_event (aggregate_id, sequence_number, payload) VALUES (?, ?, ?)");
             PreparedStatement token = service.prepareStatement("UPDATE token_entry SET position = ? WHERE name = ?")) {
            for (int i = 0; i < REPORTS_PER_BATCH; i++) {
                long report = (long) batch * REPORTS_PER_BATCH + i;
                append.setString(1, "case-" + report / 5);
                append.setLong(2, report % 5);
                append.setString(3, description(report));
                append.executeUpdate();
                service.commit();
                token.setLong(1, report);
                token.setString(2, report % 2 == 0 ? "dossier" : "ledger");
                token.executeUpdate();
                service.commit();
            }
        }
    }

    /** About 600 characters of text that does not compress away, different for each report. */
    private static String description(long report) {
        Random words = new Random(report);
        StringBuilder text = new StringBuilder("{\"description\":\"");
        while (text.length() < 600) {
            text.append(Long.toString(words.nextLong(), 36)).append(' ');
        }
        return text.append("\"}").toString();
    }

    private static void createEventStore(Connection service) throws SQLException {
        try (Statement statement = service.createStatement()) {
            statement.execute("CREATE TABLE case_event (global_index BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "aggregate_id VARCHAR(36) NOT NULL, sequence_number BIGINT NOT NULL, payload VARCHAR(4000), "
                    + "UNIQUE (aggregate_id, sequence_number))");
            statement.execute("CREATE TABLE token_entry (name VARCHAR(50) PRIMARY KEY, position BIGINT)");
            statement.execute("INSERT INTO token_entry VALUES ('dossier', 0), ('ledger', 0)");
        }
    }

    private static long events(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM case_event")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long eventsAfterReopening(Path dir) throws SQLException {
        try (Connection reopened = DriverManager.getConnection(TestStore.h2Url(dir), "sa", EmbeddedStore.at(dir).password())) {
            return events(reopened);
        }
    }

    /** The file's size once H2 has compacted it whole: what its live data takes. */
    private static long compactedSize(Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolveSibling("compacted"));
        Files.copy(dir.resolve("incidents.mv.db"), copy.resolve("incidents.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy + "/incidents", "sa",
                EmbeddedStore.at(dir).password());
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        return Files.size(copy.resolve("incidents.mv.db"));
    }

    private static ApplicationContextRunner owner(Path dir) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, EmbeddedStoreConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + TestStore.h2Url(dir).replace("RETENTION_TIME=5000", "RETENTION_TIME=0"),
                        "spring.datasource.username=sa", "incidents.h2.port=0",
                        // The test runs the rounds itself.
                        "incidents.h2.housekeeping-interval=1h");
    }
}
