package nl.incidents.benchmark;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every figure issue 13 asks for, in one run, each beside its reference measured in the same run, in one table with the
 * target and PASS or FAIL:
 * <ol>
 *   <li>{@link ThroughputBenchmark}: reports/s with 1, 4 and 16 clients against one-row JDBC commits/s, and the query
 *       delay under load (and idle), on the embedded H2 store, on PostgreSQL ({@code postgres=}) and on Axon Server
 *       ({@code axonserver=host:port}, with {@code postgres=});</li>
 *   <li>{@link StartupBenchmark} on empty stores;</li>
 *   <li>per store, a store of {@code cases} cases and about {@code events} events ({@link StoreGenerator}), then
 *       {@link RebuildBenchmark} on it (raw scan, replay, the case list and the dossier), then {@link StartupBenchmark}
 *       on it;</li>
 *   <li>{@link KilledDeadlines}: {@code deadlines} deadlines, set evenly over {@code spread} (10 minutes) and falling
 *       due as evenly, with a kill -9 of the command service when half have fired.</li>
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests package exec:java@issue13 -Dexec.args="postgres=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"};
 * the sizes default to the issue's ({@code cases=100000 events=1000000 deadlines=10000}), smaller for a try
 * ({@code cases=2000 events=20000 deadlines=1000 spread=PT1M duration=PT10S warmup=PT5S samples=50 requests=100}). {@code only=}
 * a comma-separated subset of throughput, startup, rebuild, deadlines.
 */
public final class Issue13Benchmark {

    private Issue13Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args, "cases", "events", "deadlines", "spread", "duration", "warmup", "samples",
                "requests", "threads", "idle", "postgres", "axonserver", "only");
        int cases = options.integer("cases", 100_000);
        long events = options.number("events", 10L * cases);
        List<String> only = List.of(options.get("only", "throughput,startup,rebuild,deadlines").split(","));
        String postgres = options.get("postgres", System.getenv("INCIDENTS_BENCH_POSTGRES_URL"));
        Jars jars = Jars.fromProperties();
        Duration idle = Duration.parse(options.get("idle", "PT30S"));
        long started = System.nanoTime();
        RebuildBenchmark.header("Issue 13 benchmark", jars);
        List<Figure> figures = new ArrayList<>();

        if (only.contains("throughput")) {
            List<String> throughput = new ArrayList<>();
            for (String key : List.of("duration", "warmup", "samples", "axonserver")) {
                if (options.has(key)) {
                    throughput.add(key + "=" + options.get(key));
                }
            }
            if (postgres != null) {
                throughput.add("postgres=" + postgres);
            }
            figures.addAll(ThroughputBenchmark.run(throughput.toArray(String[]::new)));
        }
        List<Boolean> stores = postgres == null ? List.of(false) : List.of(false, true);
        if (only.contains("startup")) {
            for (boolean onPostgres : stores) {
                try (BenchStore empty = store(onPostgres, postgres)) {
                    figures.addAll(StartupBenchmark.run(empty, jars, jars.logs().resolve("startup-empty"), idle, "empty store"));
                }
            }
        }
        if (only.contains("rebuild")) {
            for (boolean onPostgres : stores) {
                try (BenchStore big = store(onPostgres, postgres)) {
                    System.out.printf("%n== generating %,d cases, about %,d events on %s%n", cases, events, big.label());
                    StoreGenerator.Generated generated = StoreGenerator.generate(big, cases, events, options.integer("threads", 8));
                    StoreGenerator.describe(big, generated);
                    figures.add(Figure.info((onPostgres ? "PostgreSQL" : "H2") + ": the generated store",
                            String.format("%,d cases, %,d events in %.0f s", generated.cases(), generated.events(),
                                    generated.took().toSeconds()), "-"));
                    String name = onPostgres ? "postgres" : "embedded";
                    figures.addAll(RebuildBenchmark.run(big, jars, jars.logs().resolve("rebuild-" + name),
                            options.integer("requests", 500)));
                    if (only.contains("startup")) {
                        figures.addAll(StartupBenchmark.run(big, jars, jars.logs().resolve("startup-" + name), idle,
                                String.format("%,d cases", generated.cases())));
                    }
                }
            }
        }
        if (only.contains("deadlines")) {
            try (BenchStore store = BenchStore.embedded(Files.createTempDirectory("deadline-kill-benchmark"))) {
                Duration spread = Duration.parse(options.get("spread", "PT10M"));
                figures.addAll(KilledDeadlines.run(store, jars, jars.logs().resolve("deadlines-kill"),
                        options.integer("deadlines", 10_000), spread, KilledDeadlines.acknowledgeFor(spread), 0.5,
                        Duration.ofMinutes(3)));
            }
        }
        Figure.print(String.format("Issue 13: every figure beside its reference (the whole run took %.0f min; load average "
                + "now %s)", (System.nanoTime() - started) / 60e9, Machine.loadAverage()), figures);
        System.exit(0);
    }

    private static BenchStore store(boolean onPostgres, String postgres) throws Exception {
        return onPostgres ? BenchStore.postgres(postgres) : BenchStore.embedded(Files.createTempDirectory("issue13-store"));
    }
}
