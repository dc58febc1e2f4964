package nl.incidents.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * How many cases per second the system accepts over HTTP, against what plain JDBC commits on the
 * same database, and how soon a case can be read on the query side. For each store (a fresh
 * embedded H2 file; a fresh PostgreSQL database when a server is named) it starts both services
 * from their executable jars as processes of their own, warms them up, then:
 * <ol>
 *   <li>reports {@code samples} cases one at a time and polls the query service for each, giving the
 *       delay from the 201 to the case's dossier, and to the escalation the saga adds (median, p99);</li>
 *   <li>for 1, 4 and 16 concurrent clients, reports cases for {@code duration} after a short warm-up at
 *       that concurrency: accepted cases per second, errors, response times; then waits until the
 *       saga and the projections have caught up (the backlog);</li>
 *   <li>with the same numbers of threads and the same duration, commits one row per transaction into
 *       the same database with plain JDBC: the ceiling for a store that commits each command alone.</li>
 * </ol>
 * Each accepted report is one command, which also escalates the case to the school's manager; the
 * escalation saga then stores its own state and schedules durable deadlines, so the store writes far
 * more than one row per case; the output counts the events per case.
 *
 * <p>While the most clients of the run (16) report, a further client reports one case at a time and polls the query
 * service for it, as in 1: the delay under load, which is what issue 13's target (p99 at most 250 ms on the JDBC
 * stores, 50 ms with Axon Server) is about; the idle figure is printed beside it. Those clients saturate the machine
 * (a closed load: each sends again as soon as it is answered), so that delay is mostly the queue of work in front of
 * the query service. Then the same clients send together, evenly spaced, half the reports a second they achieved (an
 * open load the services keep up with) while the further client measures again: the query side's own delay, printed
 * and not judged.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests package exec:java@throughput}, optionally with
 * {@code -Dexec.args="duration=PT20S warmup=PT15S clients=1,4,16 samples=200 postgres=jdbc:postgresql://..."}.
 * The PostgreSQL server comes from {@code postgres=} or {@code INCIDENTS_BENCH_POSTGRES_URL} (a JDBC url whose
 * user may create databases); without one, only the embedded store is measured. {@code axonserver=host:port} also
 * measures the {@code axonserver} profile against that Axon Server (its gRPC port), with the services' own tables in a
 * new database on the PostgreSQL server (so it needs {@code postgres=} too); the Axon Server must be fresh or hold only
 * what earlier runs left (the events of other runs are not counted).
 */
public final class ThroughputBenchmark {

    private static final Duration LEVEL_WARM_UP = Duration.ofSeconds(5);
    private static final Duration JDBC_WARM_UP = Duration.ofSeconds(3);
    private static final Duration POLL_EVERY = Duration.ofMillis(10);
    private static final Duration MOST_BACKLOG = Duration.ofMinutes(5);

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Figure.print("Throughput and query delay", run(args));
    }

    /** Measures on every store the arguments name; prints the detailed tables and returns issue 13's figures. */
    static List<Figure> run(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Duration duration = Duration.parse(options.getOrDefault("duration", "PT20S"));
        Duration warmUp = Duration.parse(options.getOrDefault("warmup", "PT15S"));
        int[] clients = Arrays.stream(options.getOrDefault("clients", "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray();
        int samples = Integer.parseInt(options.getOrDefault("samples", "200"));
        String postgres = options.getOrDefault("postgres", System.getenv("INCIDENTS_BENCH_POSTGRES_URL"));
        String axonServer = options.get("axonserver");
        Jars jars = Jars.fromProperties();
        Path commandJar = jars.command();
        Path queryJar = jars.query();
        Path logs = jars.logs();

        System.out.printf("Throughput benchmark, %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        System.out.printf("machine: %d cores (%s), Java %s; load average %s%n", Runtime.getRuntime().availableProcessors(),
                Machine.cpuModel(), System.getProperty("java.version"), Machine.loadAverage());
        System.out.printf("per level: %s warm-up, then %s measured; clients %s; %d cases one at a time for the query delay%n",
                LEVEL_WARM_UP, duration, Arrays.toString(clients), samples);
        System.out.printf("services' logs: %s%n", logs.toAbsolutePath());

        List<Report.Store> results = new ArrayList<>();
        try (BenchStore embedded = BenchStore.embedded(Files.createTempDirectory("throughput-benchmark"))) {
            results.add(measure(embedded, commandJar, queryJar, logs.resolve("embedded"), warmUp, duration, clients, samples));
        }
        String skippedAxonServer = null;
        if (postgres == null || postgres.isBlank()) {
            System.out.println("\nPostgreSQL: skipped. Name a server with INCIDENTS_BENCH_POSTGRES_URL or postgres=<jdbc url> "
                    + "(e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres; its user must create databases).");
            skippedAxonServer = "needs postgres= as well as axonserver=host:port";
        } else {
            try (BenchStore onPostgres = BenchStore.postgres(postgres.trim())) {
                results.add(measure(onPostgres, commandJar, queryJar, logs.resolve("postgres"), warmUp, duration, clients, samples));
            }
        }
        if (axonServer == null || axonServer.isBlank()) {
            skippedAxonServer = "no Axon Server given (axonserver=host:port)";
            System.out.println("\nAxon Server: skipped, no address given. Name one with axonserver=host:port (its gRPC port, "
                    + "8124 by default) to measure the axonserver profile too.");
        } else if (skippedAxonServer == null) {
            try (BenchStore onAxonServer = BenchStore.axonServer(axonServer.trim(), postgres.trim())) {
                results.add(measure(onAxonServer, commandJar, queryJar, logs.resolve("axonserver"), warmUp, duration, clients, samples));
            }
        } else {
            System.out.println("\nAxon Server: skipped, " + skippedAxonServer + ".");
        }
        Report.print(results, POLL_EVERY);
        List<Figure> figures = Report.figures(results, Arrays.stream(clients).max().orElse(0));
        if (skippedAxonServer != null) {
            figures = new ArrayList<>(figures);
            figures.add(Figure.skipped("Axon Server: report accepted -> visible in the query service, p99 under load",
                    skippedAxonServer, "<= 50 ms"));
        }
        return figures;
    }

    private static Report.Store measure(BenchStore store, Path commandJar, Path queryJar, Path logs, Duration warmUp,
                                       Duration duration, int[] levels, int samples) throws Exception {
        Files.createDirectories(logs);
        String loadBefore = Machine.loadAverage();
        System.out.printf("%n== %s (load average %s)%n", store.label(), loadBefore);
        try (ServiceProcess commands = new ServiceProcess("command-service", commandJar, logs);
             ServiceProcess queries = new ServiceProcess("query-service", queryJar, logs)) {
            Map<String, String> environment = store.servicesEnvironment(commands, queries);
            commands.start(environment); // first: it creates the event store the query service reads
            queries.start(environment);
            String database = database(store);
            System.out.printf("both services up on %s%n", database);

            ReportClients clients = new ReportClients(commands.uri("/api/incidents"), queries.uri("/"));
            ReportClients.Run warm = clients.run(4, warmUp);
            System.out.printf("warm-up: %d cases with 4 clients in %s; caught up after %.1f s%n",
                    warm.accepted(), warmUp, seconds(backlog(store, clients)));

            ReportClients.Visibility visibility = clients.visibility(samples, POLL_EVERY);
            System.out.printf("query delay: %d cases, median %d ms to the dossier, %d ms to the escalation%n",
                    visibility.visibleMillis().size(), Report.percentile(visibility.visibleMillis(), 50),
                    Report.percentile(visibility.escalatedMillis(), 50));

            List<ReportClients.Run> runs = new ArrayList<>();
            List<Duration> backlogs = new ArrayList<>();
            ReportClients.Visibility loaded = null;
            int most = Arrays.stream(levels).max().orElse(0);
            for (int n : levels) {
                clients.run(n, LEVEL_WARM_UP);
                backlog(store, clients);
                Probed probed = n == most ? probed(clients, n, duration, 0) : new Probed(clients.run(n, duration), null);
                ReportClients.Run run = probed.run();
                if (probed.visibility() != null) {
                    loaded = probed.visibility();
                    System.out.printf("query delay under %d clients' load: %d cases, median %d ms, p99 %d ms to the dossier%n",
                            n, loaded.visibleMillis().size(), Report.percentile(loaded.visibleMillis(), 50),
                            Report.percentile(loaded.visibleMillis(), 99));
                }
                Duration backlog = backlog(store, clients);
                System.out.printf("HTTP, %2d clients: %.1f cases/s, %d errors %s; caught up %.1f s after the last%n",
                        n, run.perSecond(), run.errorCount(), run.errors().isEmpty() ? "" : run.errors(), seconds(backlog));
                runs.add(run);
                backlogs.add(backlog);
            }

            // The most clients, sending together half of what they achieved: an open load the services keep up with, so
            // that the delay measured is the query side's own and not the queue of work a saturated machine leaves.
            Report.Paced paced = null;
            ReportClients.Run top = runs.stream().filter(r -> r.clients() == most).findFirst().orElse(null);
            if (top != null && top.accepted() > 0) {
                double half = top.perSecond() / 2;
                Probed atHalf = probed(clients, most, duration, half);
                Duration caughtUp = backlog(store, clients);
                paced = new Report.Paced(half, atHalf.run(), caughtUp, atHalf.visibility());
                System.out.printf("query delay at %.1f reports/s offered (%.1f/s taken, %d errors %s) by %d clients: %d cases, "
                                + "median %d ms, p99 %d ms to the dossier; caught up %.1f s after the last%n", half,
                        atHalf.run().perSecond(), atHalf.run().errorCount(),
                        atHalf.run().errors().isEmpty() ? "" : atHalf.run().errors(), most,
                        atHalf.visibility().visibleMillis().size(), Report.percentile(atHalf.visibility().visibleMillis(), 50),
                        Report.percentile(atHalf.visibility().visibleMillis(), 99), seconds(caughtUp));
            } else {
                System.out.println("query delay under an open load: not measured, the most clients had no report accepted");
            }

            JdbcCeiling jdbc = new JdbcCeiling(store);
            jdbc.createTable();
            List<Report.Level> result = new ArrayList<>();
            try {
                for (int i = 0; i < levels.length; i++) {
                    jdbc.rowsPerSecond(levels[i], JDBC_WARM_UP);
                    double rows = jdbc.rowsPerSecond(levels[i], duration);
                    System.out.printf("JDBC, %2d threads: %.0f rows/s, one row per transaction%n", levels[i], rows);
                    result.add(new Report.Level(runs.get(i), backlogs.get(i), rows));
                }
            } finally {
                jdbc.dropTable();
            }
            return new Report.Store(store.label(), database, result, visibility, loaded, paced, eventsByType(store),
                    loadBefore, Machine.loadAverage());
        }
    }

    /** A run of the clients and what one more client, reporting a case at a time, saw of the query delay meanwhile. */
    private record Probed(ReportClients.Run run, ReportClients.Visibility visibility) {
    }

    /**
     * Runs {@code n} clients for {@code duration} ({@code perSecond} together, 0: as fast as answered) while one more
     * client reports a case at a time and reads it back from the query service.
     */
    private static Probed probed(ReportClients clients, int n, Duration duration, double perSecond) throws Exception {
        ReportClients probe = new ReportClients(clients.reports(), clients.queryService());
        long until = System.nanoTime() + duration.toNanos();
        FutureTask<ReportClients.Visibility> seen = new FutureTask<>(
                () -> probe.visibility(Integer.MAX_VALUE, POLL_EVERY, until));
        new Thread(seen, "visibility-under-load").start();
        ReportClients.Run run = clients.run(n, duration, perSecond);
        try {
            return new Probed(run, seen.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the client measuring the query delay failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /**
     * Waits until the saga has escalated every reported case and the query service shows the last accepted one
     * escalated: how long the asynchronous side runs behind once the clients stop.
     */
    static Duration backlog(BenchStore store, ReportClients clients) throws Exception {
        long started = System.nanoTime();
        long giveUp = started + MOST_BACKLOG.toNanos();
        while (System.nanoTime() < giveUp) {
            if (store.eventsInAxonServer()) { // no event table to count: the last case escalated on the query side will do
                if (clients.escalatedOnQuerySide(clients.lastAccepted())) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
                Thread.sleep(100);
                continue;
            }
            Map<String, Long> events = eventsByType(store);
            if (events.getOrDefault("DerailingDiscussionReported", 0L).equals(events.getOrDefault("IncidentEscalated", -1L))
                    && clients.escalatedOnQuerySide(clients.lastAccepted())) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The saga and the projections did not catch up within " + MOST_BACKLOG);
    }

    /** The event store's events by type (the simple name of the payload class). */
    static Map<String, Long> eventsByType(BenchStore store) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (store.eventsInAxonServer()) {
            return counts; // the events are in Axon Server
        }
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT payload_type, COUNT(*) FROM domain_event_entry GROUP BY payload_type ORDER BY 2 DESC")) {
            while (rows.next()) {
                String type = rows.getString(1);
                counts.put(type.substring(type.lastIndexOf('.') + 1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static String database(BenchStore store) throws SQLException {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement()) {
            if (store.eventsInAxonServer()) {
                return "Axon Server " + store.serviceEnvironment().get("AXON_AXONSERVER_SERVERS") + ", tables on "
                        + connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
            }
            if (!store.isPostgres()) {
                try (ResultSet version = statement.executeQuery("SELECT H2VERSION()")) {
                    version.next();
                    return "H2 " + version.getString(1) + " (embedded file, served by the command service)";
                }
            }
            List<String> settings = new ArrayList<>();
            for (String setting : List.of("server_version", "synchronous_commit", "fsync", "shared_buffers")) {
                try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
                    value.next();
                    settings.add(setting.equals("server_version") ? "PostgreSQL " + value.getString(1)
                            : setting + "=" + value.getString(1));
                }
            }
            return String.join(", ", settings);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Arguments are key=value (duration, warmup, clients, samples, postgres, axonserver): " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
