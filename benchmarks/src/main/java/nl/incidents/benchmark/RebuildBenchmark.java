package nl.incidents.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Replaying the query service's projections against reading the events raw, and the case list and the dossier with a
 * large store, on a store {@link StoreGenerator} fills ({@code cases} cases, about {@code events} events; the issue's
 * 100,000 and 1,000,000 by default). With the command service running from its jar (it owns the embedded store):
 * <ol>
 *   <li><b>raw scan</b>: every column of {@code domain_event_entry}, read with plain JDBC in pages of 1,000 by
 *       {@code global_index} (keyset, not offset), once to warm the caches and once measured: events/s;</li>
 *   <li><b>rebuild</b>: when the query service's jar knows {@code rebuild-projections} and its tables exist, that task
 *       first (it empties the projections and their tokens, and exits); else the store is fresh and the first start
 *       replays everything. Then the query service starts, and its token table is read every 250 ms until every
 *       processor has reached the head of the store: events/s overall (from the process's start) and per processor,
 *       and the ratio to the raw scan;</li>
 *   <li><b>pages</b>, with every case in place: {@code GET /api/incidents} (first page, each sort) as the board and
 *       as school-1's manager, and {@code GET /api/incidents/{id}} (the dossier) of random cases as the board, each
 *       {@code requests} times one after the other after 20 of warm-up: p50, p99 and the most.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests package exec:java@rebuild -Dexec.args="cases=2000 events=20000"},
 * with {@code postgres=<jdbc url>} to measure on a new PostgreSQL database instead of the embedded store. A store
 * {@link StoreGenerator} filled before is measured again without generating: {@code data=<dir>} (an embedded store's
 * data directory that holds {@code incidents.mv.db}), or {@code postgres=<server url> database=<name>
 * master-key=<the key it printed>}.
 */
public final class RebuildBenchmark {

    private static final int WARM_UP = 20;
    private static final int PAGE = 1_000;

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args, "cases", "events", "threads", "requests", "postgres", "data", "database", "master-key");
        int cases = options.integer("cases", 100_000);
        long events = options.number("events", 10L * cases);
        Jars jars = Jars.fromProperties();
        header("Rebuild and page benchmark", jars);
        List<Figure> figures;
        boolean reuse = options.has("database") || options.has("data")
                && Files.exists(Path.of(options.get("data")).resolve("incidents.mv.db"));
        try (BenchStore store = options.has("postgres")
                ? (options.has("database") ? BenchStore.existingPostgres(options.get("postgres"), options.get("database"),
                        options.get("master-key", "")) : BenchStore.postgres(options.get("postgres")))
                : BenchStore.embedded(options.has("data") ? Path.of(options.get("data"))
                        : Files.createTempDirectory("rebuild-benchmark"))) {
            if (reuse) {
                System.out.println("the store is the one generated before (data= or database=): nothing generated");
            } else {
                StoreGenerator.describe(store, StoreGenerator.generate(store, cases, events, options.integer("threads", 8)));
            }
            figures = run(store, jars, jars.logs().resolve("rebuild-" + (store.isPostgres() ? "postgres" : "embedded")),
                    options.integer("requests", 500));
        }
        Figure.print("Rebuild and pages", figures);
        System.exit(0);
    }

    static void header(String title, Jars jars) {
        System.out.printf("%s, %s%n", title, Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        System.out.printf("machine: %d cores (%s), Java %s; load average %s; services' logs: %s%n",
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), System.getProperty("java.version"),
                Machine.loadAverage(), jars.logs().toAbsolutePath());
    }

    /** Measures on a filled store whose services are not running. */
    static List<Figure> run(BenchStore store, Jars jars, Path logs, int requests) throws Exception {
        Files.createDirectories(logs);
        List<Figure> figures = new ArrayList<>();
        String where = store.isPostgres() ? "PostgreSQL" : "H2";
        try (ServiceProcess commands = new ServiceProcess("command-service", jars.command(), logs);
             ServiceProcess queries = new ServiceProcess("query-service", jars.query(), logs)) {
            Map<String, String> environment = store.servicesEnvironment(commands, queries);
            commands.start(environment);
            long head = head(store);
            long stored = count(store);
            System.out.printf("%n== %s: %,d events, head %d (load average %s)%n", store.label(), stored, head, Machine.loadAverage());

            rawScan(store); // warms the database's and the file system's caches, as a replay right after the last would have them
            Duration scan = rawScan(store);
            double scanRate = stored / seconds(scan);
            System.out.printf("raw keyset scan: %,d events in %.1f s, %,.0f events/s%n", stored, seconds(scan), scanRate);

            String how = prepareRebuild(store, jars, queries, environment, logs);
            System.out.printf("rebuild: %s%n", how);
            Map<String, Duration> reached = new LinkedHashMap<>();
            long started = System.nanoTime();
            long[] readyAt = new long[1];
            Thread starter = new Thread(() -> {
                try {
                    queries.start(environment);
                    readyAt[0] = System.nanoTime();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "query-service-start");
            starter.start();
            long nextWord = started + Duration.ofSeconds(30).toNanos();
            while (true) {
                Map<String, Long> positions = TokenPositions.read(store, "query_token_entry");
                long now = System.nanoTime();
                positions.forEach((processor, position) -> {
                    if (position >= head) {
                        reached.putIfAbsent(processor, Duration.ofNanos(now - started));
                    }
                });
                if (!positions.isEmpty() && reached.keySet().containsAll(positions.keySet())) {
                    break;
                }
                if (now > nextWord) {
                    System.out.printf("  replaying: %s (load average %s)%n", positions, Machine.loadAverage());
                    nextWord += Duration.ofSeconds(30).toNanos();
                }
                if (!starter.isAlive() && !queries.isAlive()) {
                    throw new IllegalStateException("The query service stopped while replaying; see its log in " + logs);
                }
                Thread.sleep(250);
            }
            starter.join();
            Duration all = reached.values().stream().max(Duration::compareTo).orElseThrow();
            double rebuildRate = stored / seconds(all);
            System.out.printf("rebuild: every processor at the head %.1f s after the query service was started (it was ready "
                    + "after %.1f s): %,.0f events/s%n", seconds(all), (readyAt[0] - started) / 1e9, rebuildRate);
            reached.forEach((processor, time) -> System.out.printf("  %-40s %6.1f s  %,10.0f events/s%n", processor,
                    seconds(time), stored / seconds(time)));
            figures.add(Figure.of(where + ": rebuild of every projection from " + String.format("%,d", stored) + " events",
                    String.format("%,.0f events/s (%.1f s)", rebuildRate, seconds(all)),
                    String.format("raw keyset scan %,.0f events/s", scanRate),
                    String.format(">= 0.5x (is %.2fx)", rebuildRate / scanRate), rebuildRate >= 0.5 * scanRate));
            reached.forEach((processor, time) -> figures.add(Figure.info(where + ": rebuild, processor " + processor,
                    String.format("%,.0f events/s", stored / seconds(time)), "-")));

            figures.addAll(pages(store, queries, requests, where));
        }
        return figures;
    }

    /** Empties the projections with the query service's own task where it has one and they exist; says what it did. */
    private static String prepareRebuild(BenchStore store, Jars jars, ServiceProcess queries, Map<String, String> environment,
                                         Path logs) throws Exception {
        boolean tables = !TokenPositions.read(store, "query_token_entry").isEmpty();
        if (!tables) {
            return "a fresh query schema: the query service's first start replays every event";
        }
        if (!knows(jars.query(), "rebuild-projections")) {
            throw new IllegalStateException("The query service's projections exist and its jar has no rebuild-projections "
                    + "task: measure on a fresh store");
        }
        long started = System.nanoTime();
        int exit = queries.runTask(environment, Duration.ofMinutes(30), "rebuild-projections");
        if (exit != 0) {
            throw new IllegalStateException("rebuild-projections ended with " + exit + "; see " + logs);
        }
        return String.format("java -jar query-service.jar rebuild-projections emptied the projections in %.1f s; then the "
                + "query service started", (System.nanoTime() - started) / 1e9);
    }

    /** Whether a class of the jar (or of its libraries' names) holds the text: a task the service knows by that name. */
    static boolean knows(Path jar, String text) throws IOException {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("BOOT-INF/classes/") && entry.getName().endsWith(".class")) {
                    byte[] bytes = zip.getInputStream(entry).readAllBytes();
                    if (indexOf(bytes, needle) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads every column of every event, 1,000 at a time by global index. */
    static Duration rawScan(BenchStore store) throws SQLException {
        long started = System.nanoTime();
        long read = 0;
        try (Connection connection = store.connect(); PreparedStatement page = connection.prepareStatement(
                "SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry "
                        + "WHERE global_index > ? ORDER BY global_index LIMIT " + PAGE)) {
            long after = -1;
            long bytes = 0;
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet events = page.executeQuery()) {
                    while (events.next()) {
                        after = events.getLong(1);
                        bytes += events.getString(2).length() + events.getString(3).length() + events.getLong(4)
                                + String.valueOf(events.getString(5)).length() + events.getString(6).length()
                                + events.getString(7).length() + String.valueOf(events.getString(8)).length()
                                + events.getBytes(9).length + events.getBytes(10).length;
                        rows++;
                    }
                }
                read += rows;
                if (rows < PAGE) {
                    break;
                }
            }
            if (bytes < 0) {
                throw new IllegalStateException("unreachable: keeps the reads from being optimised away");
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The case list's first page (each sort, as the board and as a manager) and random dossiers. */
    static List<Figure> pages(BenchStore store, ServiceProcess queries, int requests, String where) throws Exception {
        List<String> ids = caseIds(store, 1_000);
        Random random = new Random(42);
        List<Latencies.Result> results = new ArrayList<>();
        for (String sort : List.of("reported", "due")) {
            for (String user : List.of("board", "manager")) {
                URI first = queries.uri("/api/incidents?sort=" + sort);
                results.add(Latencies.measure("`GET /api/incidents?sort=" + sort + "` first page as " + user, user,
                        i -> first, WARM_UP, requests));
            }
        }
        results.add(Latencies.measure("`GET /api/incidents/{id}` (dossier) of a random case as board", "board",
                i -> queries.uri("/api/incidents/" + ids.get(random.nextInt(ids.size()))), WARM_UP, requests));
        List<Figure> figures = new ArrayList<>();
        long cases = ids.isEmpty() ? 0 : countCases(store);
        for (Latencies.Result r : results) {
            System.out.printf("%-75s p50 %6.1f ms  p99 %6.1f ms  most %6.1f ms  (%d not 200, %,d bytes at most)%n", r.name(),
                    r.p50(), r.p99(), r.max(), r.failures(), r.bytes());
            figures.add(Figure.of(where + String.format(", %,d cases: ", cases) + r.name(),
                    String.format("p99 %.1f ms (p50 %.1f, most %.1f%s)", r.p99(), r.p50(), r.max(),
                            r.failures() == 0 ? "" : "; " + r.failures() + " answers not 200"), "-", "p99 <= 20 ms",
                    r.p99() <= 20 && r.failures() == 0));
        }
        return figures;
    }

    private static List<String> caseIds(BenchStore store, int most) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT aggregate_identifier FROM domain_event_entry "
                     + "WHERE sequence_number = 0 ORDER BY global_index")) {
            List<String> all = new ArrayList<>();
            while (rows.next()) {
                all.add(rows.getString(1));
            }
            java.util.Collections.shuffle(all, new Random(7));
            ids.addAll(all.subList(0, Math.min(most, all.size())));
        }
        return ids;
    }

    private static long countCases(BenchStore store) throws SQLException {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry WHERE sequence_number = 0")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long head(BenchStore store) throws SQLException {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long count(BenchStore store) throws SQLException {
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
