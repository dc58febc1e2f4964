package nl.incidents.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.incidents.support.store.EmbeddedStore;
import nl.incidents.support.store.EmbeddedStoreConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded store's file under a steady workload, with the command service's own store settings (its
 * application.yml's datasource url, its pool and {@link EmbeddedStoreConfiguration}), and the same without
 * the housekeeping and with H2's default retention time, as before they were added.
 * <p>
 * Each of {@code rate} reports per second (200 unless set) is two commits, as the command service makes them:
 * an event of about 600 characters appended to an event table, then a processor's token row moved on. It runs for
 * {@code seconds} (180 unless set) per variant and prints the file's size every 10 s, the live data (the file
 * compacted whole by H2, on a copy) at the end. {@code interval=} sets the housekeeping's (1s unless set). The stores are temporary directories under {@code scratch=}
 * (the system's temporary directory unless set), deleted afterwards.
 */
public final class EmbeddedStoreGrowth {

    private EmbeddedStoreGrowth() {
    }

    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, EmbeddedStoreConfiguration.class})
    static class Store {
    }

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args, "rate", "seconds", "scratch", "interval");
        int rate = options.integer("rate", 200);
        int seconds = options.integer("seconds", 180);
        Path scratch = Path.of(options.get("scratch", System.getProperty("java.io.tmpdir")));
        System.out.printf("%s; %d reports/s (%d commits/s) for %d s per variant%n", Machine.cpuModel() + ", load " + Machine.loadAverage(), rate, 2 * rate, seconds);
        run("before: WRITE_DELAY=0, no housekeeping, retention 45 s", scratch, rate, seconds, "0");
        run("after: the command service's settings" + (options.has("interval") ? ", housekeeping every "
                + options.get("interval") : ""), scratch, rate, seconds, options.get("interval", "1s"));
        System.exit(0);
    }

    private static void run(String variant, Path scratch, int rate, int seconds, String housekeeping) throws Exception {
        Path dir = Files.createTempDirectory(scratch, "embedded-store-growth");
        System.out.println(variant);
        List<String> arguments = new ArrayList<>(List.of("--incidents.data-dir=" + dir, "--incidents.h2.port=0",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        arguments.add("--incidents.h2.housekeeping-interval=" + housekeeping);
        if (housekeeping.equals("0")) {
            arguments.addAll(List.of(
                    "--spring.datasource.url=jdbc:h2:file:" + dir + "/incidents;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"));
        }
        Path file = dir.resolve("incidents.mv.db");
        long reports = 0;
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(Store.class)
                .web(WebApplicationType.NONE).run(arguments.toArray(String[]::new));
             Connection connection = service.getBean(DataSource.class).getConnection()) {
            System.out.println("  url: " + service.getEnvironment().getProperty("spring.datasource.url"));
            createEventStore(connection);
            connection.setAutoCommit(false);
            try (PreparedStatement append = connection.prepareStatement(
                    "INSERT INTO case_event (aggregate_id, sequence_number, payload) VALUES (?, ?, ?)");
                 PreparedStatement token = connection.prepareStatement("UPDATE token_entry SET position = ? WHERE name = ?")) {
                long started = System.nanoTime();
                long nextPrint = 10;
                while (System.nanoTime() - started < seconds * 1_000_000_000L) {
                    long due = started + reports * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) {
                        Thread.sleep(1);
                    }
                    append.setString(1, "case-" + reports / 10);
                    append.setLong(2, reports % 10);
                    append.setString(3, description(reports));
                    append.executeUpdate();
                    connection.commit();
                    token.setLong(1, reports);
                    token.setString(2, reports % 2 == 0 ? "dossier" : "ledger");
                    token.executeUpdate();
                    connection.commit();
                    reports++;
                    long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                    if (elapsed >= nextPrint) {
                        System.out.printf("  %4d s  %,9d commits  file %,8.1f MB%n", elapsed, 2 * reports, Files.size(file) / 1e6);
                        nextPrint += 10;
                    }
                }
            }
        }
        long closed = Files.size(file);
        long compacted = compactedSize(dir);
        System.out.printf("  end: %,d commits, file %,.1f MB after closing; its live data (compacted) %,.1f MB: %.1fx%n",
                2 * reports, closed / 1e6, compacted / 1e6, (double) closed / compacted);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void createEventStore(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE case_event (global_index BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "aggregate_id VARCHAR(36) NOT NULL, sequence_number BIGINT NOT NULL, payload VARCHAR(4000), "
                    + "UNIQUE (aggregate_id, sequence_number))");
            statement.execute("CREATE TABLE token_entry (name VARCHAR(50) PRIMARY KEY, position BIGINT)");
            statement.execute("INSERT INTO token_entry VALUES ('dossier', 0), ('ledger', 0)");
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

    /** The file's size once H2 has compacted it whole (on a copy): what its live data takes. */
    private static long compactedSize(Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("compacted"));
        Files.copy(dir.resolve("incidents.mv.db"), copy.resolve("incidents.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy + "/incidents", "sa",
                EmbeddedStore.at(dir).password());
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
        return Files.size(copy.resolve("incidents.mv.db"));
    }
}
