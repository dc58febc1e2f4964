package nl.incidents.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How soon each service is ready and how much memory it holds when idle: starts the command service, the query service
 * and the web module from their jars one after the other, as run.sh does (with the repository's
 * {@code service-jvm.options} when it exists), and times each from its process's start to its first readiness 200
 * ({@code /actuator/health/readiness}; the web module: {@code /actuator/health}), asked every 50 ms. After
 * {@code idle} (30 s) with nothing asked of them: each process's resident set (VmRSS, /proc/pid/status) and its Java
 * heap in use ({@code jcmd GC.heap_info}).
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests package exec:java@startup}; on an empty embedded store, and
 * also on a filled one with {@code cases=2000 events=20000} (its projections built by a first start, not measured).
 * {@code postgres=<jdbc url>}: on a new PostgreSQL database instead.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args, "cases", "events", "idle", "postgres");
        Jars jars = Jars.fromProperties();
        RebuildBenchmark.header("Start-up benchmark", jars);
        Duration idle = Duration.parse(options.get("idle", "PT30S"));
        List<Figure> figures = new ArrayList<>();
        try (BenchStore empty = store(options)) {
            figures.addAll(run(empty, jars, jars.logs().resolve("startup-empty"), idle, "empty store"));
        }
        if (options.has("cases")) {
            int cases = options.integer("cases", 0);
            try (BenchStore filled = store(options)) {
                StoreGenerator.describe(filled, StoreGenerator.generate(filled, cases, options.number("events", 10L * cases), 8));
                buildProjections(filled, jars, jars.logs().resolve("startup-filled"));
                figures.addAll(run(filled, jars, jars.logs().resolve("startup-filled"), idle, String.format("%,d cases", cases)));
            }
        }
        Figure.print("Start-up and idle memory", figures);
        System.exit(0);
    }

    private static BenchStore store(Args options) throws Exception {
        return options.has("postgres") ? BenchStore.postgres(options.get("postgres"))
                : BenchStore.embedded(Files.createTempDirectory("startup-benchmark"));
    }

    /** A first start of both services that replays the store into the query service's projections (not measured). */
    static void buildProjections(BenchStore store, Jars jars, Path logs) throws Exception {
        Files.createDirectories(logs);
        try (ServiceProcess commands = new ServiceProcess("command-service", jars.command(), logs);
             ServiceProcess queries = new ServiceProcess("query-service", jars.query(), logs)) {
            Map<String, String> environment = store.servicesEnvironment(commands, queries);
            commands.start(environment);
            queries.start(environment);
            long head = RebuildBenchmark.head(store);
            while (TokenPositions.read(store, "query_token_entry").values().stream().anyMatch(p -> p < head)
                    || TokenPositions.read(store, "query_token_entry").isEmpty()) {
                Thread.sleep(500);
            }
        }
    }

    /** Starts the three on a store whose services are not running; {@code label} says which store in the figures. */
    static List<Figure> run(BenchStore store, Jars jars, Path logs, Duration idle, String label) throws Exception {
        Files.createDirectories(logs);
        String where = (store.isPostgres() ? "PostgreSQL" : "H2") + ", " + label;
        List<Figure> figures = new ArrayList<>();
        try (ServiceProcess commands = new ServiceProcess("command-service", jars.command(), logs).readinessAt("/actuator/health/readiness");
             ServiceProcess queries = new ServiceProcess("query-service", jars.query(), logs).readinessAt("/actuator/health/readiness");
             ServiceProcess web = new ServiceProcess("web", jars.web(), logs)) {
            Map<String, String> environment = store.servicesEnvironment(commands, queries);
            String webUrl = "http://localhost:" + web.port();
            environment.putAll(Map.of(
                    "WEB_PORT", String.valueOf(web.port()),
                    "COMMAND_SERVICE_URL", "http://localhost:" + commands.port(),
                    "INCIDENTS_OIDC_ISSUER", webUrl,
                    "INCIDENTS_OIDC_JWK_SET_URI", webUrl + "/oauth2/jwks"));
            Map<String, String> webEnvironment = new HashMap<>(environment);
            webEnvironment.keySet().removeIf(name -> name.startsWith("SPRING_")); // the web module has no database
            System.out.printf("%n== %s (%s; load average %s)%n", where, Files.isRegularFile(ServiceProcess.jvmOptionsFile())
                    ? "java @" + ServiceProcess.jvmOptionsFile().getFileName() : "java -Xmx512m", Machine.loadAverage());
            Map<ServiceProcess, Duration> ready = new java.util.LinkedHashMap<>();
            ready.put(commands, commands.startAndTime(environment, Duration.ofMillis(50)));
            ready.put(queries, queries.startAndTime(environment, Duration.ofMillis(50)));
            ready.put(web, web.startAndTime(webEnvironment, Duration.ofMillis(50)));
            ready.forEach((service, time) -> System.out.printf("%-16s ready in %.1f s%n", service.name(), time.toMillis() / 1000.0));
            Thread.sleep(idle.toMillis());
            for (Map.Entry<ServiceProcess, Duration> entry : ready.entrySet()) {
                ServiceProcess service = entry.getKey();
                double seconds = entry.getValue().toMillis() / 1000.0;
                double rss = service.residentBytes() / 1048576.0;
                double heap = service.heapUsedBytes() / 1048576.0;
                System.out.printf("%-16s after %s idle: RSS %.0f MB, heap used %.0f MB%n", service.name(), idle, rss, heap);
                figures.add(Figure.of(where + ": " + service.name() + " ready", String.format("%.1f s", seconds), "-",
                        "<= 10 s", seconds <= 10));
                figures.add(Figure.of(where + ": " + service.name() + " idle RSS (" + idle.toSeconds() + " s after ready)",
                        String.format("%.0f MB (heap used %.0f MB)", rss, heap), "-", "<= 400 MB", rss > 0 && rss <= 400));
            }
        }
        return figures;
    }
}
