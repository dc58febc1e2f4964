package nl.incidents.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The throughput benchmark's figures as tables. */
final class Report {

    /** One concurrency level on one store. */
    record Level(ReportClients.Run run, Duration backlog, double jdbcRowsPerSecond) {
    }

    /**
     * The query delay under an open load: {@code offered} reports a second (half what the most clients achieved), what
     * the clients got through, how long after the last the saga and the query side had caught up, and what one more
     * client saw meanwhile.
     */
    record Paced(double offered, ReportClients.Run run, Duration backlog, ReportClients.Visibility visibility) {
    }

    /** Everything measured on one store; {@code paced} is null when the most clients had no report accepted. */
    record Store(String name, String database, List<Level> levels, ReportClients.Visibility visibility,
                 ReportClients.Visibility underLoad, Paced paced, Map<String, Long> eventsByType, String loadBefore,
                 String loadAfter) {

        long cases() {
            return eventsByType.getOrDefault("DerailingDiscussionReported", 0L);
        }
    }

    private Report() {
    }

    static void print(List<Store> stores, Duration pollEvery) {
        System.out.println();
        System.out.println("Cases per second over HTTP (POST /api/incidents as teacher, each client a thread with its own connection),");
        System.out.println("and plain JDBC on the same database: as many threads, each committing one 1 KB row per transaction.");
        System.out.println();
        System.out.printf("%-12s %7s %8s %6s %16s %10s %11s %10s %7s%n",
                "store", "clients", "cases/s", "errors", "response p50/p99", "caught up", "JDBC rows/s", "of JDBC", "ratio");
        for (Store store : stores) {
            for (Level level : store.levels()) {
                ReportClients.Run run = level.run();
                System.out.printf("%-12s %7d %8.1f %6d %s %8.1f s %11.0f %9.1f%% %6.3fx%n", store.name(), run.clients(),
                        run.perSecond(), run.errorCount(), responses(run), level.backlog().toMillis() / 1000.0,
                        level.jdbcRowsPerSecond(),
                        100 * run.perSecond() / level.jdbcRowsPerSecond(), run.perSecond() / level.jdbcRowsPerSecond());
            }
        }
        System.out.println("(caught up: after the clients stopped, until the saga had escalated every case and the query side showed the last)");

        System.out.println();
        System.out.printf("From a report's 201 to the query service (GET /api/incidents/{id}), cases reported one at a time, polled every %d ms:%n",
                pollEvery.toMillis());
        System.out.printf("%-12s %7s %22s %22s %5s%n", "store", "cases", "dossier: median / p99", "escalated: median / p99", "lost");
        for (Store store : stores) {
            System.out.printf("%-12s %s%n", store.name(), delays(store.visibility()));
        }
        System.out.println("(escalated: the escalation to the manager in the dossier)");
        System.out.println();
        System.out.println("The same under load: while the most clients of the run report, one more client reports a case at a time:");
        System.out.printf("%-12s %7s %22s %22s %5s%n", "store", "cases", "dossier: median / p99", "escalated: median / p99", "lost");
        for (Store store : stores) {
            if (store.underLoad() != null) {
                System.out.printf("%-12s %s%n", store.name(), delays(store.underLoad()));
            }
        }
        System.out.println();
        System.out.println("And under an open load: the same clients send, evenly spaced, half the reports a second they achieved:");
        System.out.printf("%-12s %9s %7s %6s %16s %10s %7s %22s %22s %5s%n", "store", "offered/s", "taken/s", "errors",
                "response p50/p99", "caught up", "cases", "dossier: median / p99", "escalated: median / p99", "lost");
        for (Store store : stores) {
            Paced paced = store.paced();
            if (paced != null) {
                ReportClients.Run run = paced.run();
                System.out.printf("%-12s %9.1f %7.1f %6d %s %8.1f s %s%n", store.name(), paced.offered(), run.perSecond(),
                        run.errorCount(), responses(run), paced.backlog().toMillis() / 1000.0, delays(paced.visibility()));
            }
        }
        System.out.println("(p99 of fewer than 100 cases is the slowest of them)");

        System.out.println();
        System.out.println("Each accepted report is one command that also escalates the case; the escalation saga then stores its");
        System.out.println("own state and schedules durable deadlines. Events per case in the event store:");
        for (Store store : stores) {
            long cases = Math.max(1, store.cases());
            long total = store.eventsByType().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("  %-12s %.2f events per case (%d cases): %s%n", store.name(), (double) total / cases, store.cases(),
                    store.eventsByType().entrySet().stream()
                            .map(e -> String.format("%s %.2f", e.getKey(), (double) e.getValue() / cases))
                            .collect(Collectors.joining(", ")));
        }
        System.out.println();
        for (Store store : stores) {
            System.out.printf("  %-12s %s; load average before %s, after %s%n", store.name(), store.database(),
                    store.loadBefore(), store.loadAfter());
        }
    }

    /**
     * Issue 13's figures: cases/s against one-row JDBC commits/s per level (at least 0.25x with {@code most} clients),
     * and the query delay (p99 at most 250 ms on the JDBC stores, 50 ms with Axon Server) under load, idle beside it.
     */
    static List<Figure> figures(List<Store> stores, int most) {
        List<Figure> figures = new java.util.ArrayList<>();
        for (Store store : stores) {
            for (Level level : store.levels()) {
                ReportClients.Run run = level.run();
                double ratio = run.perSecond() / level.jdbcRowsPerSecond();
                String what = store.name() + ": reports/s, " + run.clients() + (run.clients() == 1 ? " client" : " clients");
                String measured = String.format("%.1f/s (%d errors)", run.perSecond(), run.errorCount());
                String reference = String.format("one-row JDBC commits %,.0f/s", level.jdbcRowsPerSecond());
                figures.add(run.clients() == most
                        ? Figure.of(what, measured, reference, String.format(">= 0.25x (is %.3fx)", ratio), ratio >= 0.25)
                        : new Figure(what, measured, reference, String.format("(is %.3fx)", ratio), null));
            }
            boolean axonServer = store.name().startsWith("Axon Server");
            long target = axonServer ? 50 : 250;
            ReportClients.Visibility loaded = store.underLoad();
            if (loaded != null) {
                long p99 = percentile(loaded.visibleMillis(), 99);
                figures.add(Figure.of(store.name() + ": report accepted -> visible in the query service, under " + most
                                + " clients' load", String.format("p99 %d ms (median %d; %d cases, %d lost)", p99,
                                percentile(loaded.visibleMillis(), 50), loaded.visibleMillis().size(), loaded.lost()), "-",
                        "p99 <= " + target + " ms", p99 >= 0 && p99 <= target && loaded.lost() == 0));
            }
            Paced paced = store.paced();
            if (paced != null) {
                ReportClients.Visibility v = paced.visibility();
                figures.add(new Figure(String.format("%s: report accepted -> visible in the query service, %.1f reports/s "
                                + "offered by %d clients (half their most)", store.name(), paced.offered(), most),
                        String.format("p99 %d ms (median %d; %d cases, %d lost; %.1f/s taken, %d errors)",
                                percentile(v.visibleMillis(), 99), percentile(v.visibleMillis(), 50), v.visibleMillis().size(),
                                v.lost(), paced.run().perSecond(), paced.run().errorCount()),
                        "-", "(the target is for the loaded figure)", null));
            }
            ReportClients.Visibility idle = store.visibility();
            figures.add(new Figure(store.name() + ": report accepted -> visible in the query service, idle",
                    String.format("p99 %d ms (median %d; %d cases, %d lost)", percentile(idle.visibleMillis(), 99),
                            percentile(idle.visibleMillis(), 50), idle.visibleMillis().size(), idle.lost()), "-",
                    "(the target is for the loaded figure)", null));
        }
        return figures;
    }

    /** A run's response times: "p50 / p99 ms", as the tables' "response p50/p99" column. */
    private static String responses(ReportClients.Run run) {
        List<Long> millis = run.responseMicros().stream().map(us -> us / 1000).sorted().toList();
        return String.format("%9d / %3d ms", percentile(millis, 50), percentile(millis, 99));
    }

    /** The columns cases, dossier: median / p99, escalated: median / p99 and lost of one measured query delay. */
    private static String delays(ReportClients.Visibility v) {
        return String.format("%7d %13d / %4d ms %14d / %4d ms %5d", v.visibleMillis().size(),
                percentile(v.visibleMillis(), 50), percentile(v.visibleMillis(), 99),
                percentile(v.escalatedMillis(), 50), percentile(v.escalatedMillis(), 99), v.lost());
    }

    static long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
