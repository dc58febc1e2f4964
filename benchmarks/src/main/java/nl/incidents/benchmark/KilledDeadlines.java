package nl.incidents.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable deadlines across a crash: starts the command service from its jar on a fresh store, reports {@code cases}
 * (10,000) CRITICAL cases over HTTP with 8 clients, paced evenly over {@code spread} (10 minutes; {@code PT0S} sends
 * them as fast as the service takes them), with {@code acknowledge} (the spread and a minute, at least 3 minutes) for
 * each case's acknowledgement, so that once the last is reported all 10,000 deadlines are pending at once and then
 * fall due as evenly as they were set. Once {@code killAt} (half) of the acknowledgement deadlines have fired, it kills
 * the service with SIGKILL and starts it again at once. When every deadline has fired (or {@code patience} after the
 * last was due), it reads the event store with plain JDBC:
 * <ul>
 *   <li><b>missed</b>: a case's first acknowledgement deadline ({@code DeadlineSet}) with no {@code StepOverdue} for
 *       it;</li>
 *   <li><b>doubled</b>: two or more {@code StepOverdue} for the same case, step and due time;</li>
 *   <li><b>lateness</b>: the {@code StepOverdue}'s time minus its due time; and, for a deadline due while the service
 *       was down, minus the moment it was ready again, since no deadline can fire while the service is down (the p99
 *       target is judged on this one; both are printed).</li>
 * </ul>
 * With {@code spread=PT0S} the deadlines fall due as fast as the service took the reports, about 200 a second on the
 * development machine, faster than a service that fires each as a saga step, a command and its events on the same two
 * cores can catch up with after a restart: such a run tells how a burst queues.
 */
final class KilledDeadlines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("teacher:demo".getBytes(StandardCharsets.UTF_8));

    private KilledDeadlines() {
    }

    /** A fired or set deadline read back from the store. */
    private record Deadline(String caseId, String step, Instant dueAt, Instant storedAt, String cause) {
    }

    static List<Figure> main(String[] args) throws Exception {
        Args options = Args.parse(args, "cases", "spread", "acknowledge", "killAt", "patience", "postgres");
        Jars jars = Jars.fromProperties();
        RebuildBenchmark.header("Deadline benchmark with a kill -9", jars);
        try (BenchStore store = options.has("postgres") ? BenchStore.postgres(options.get("postgres"))
                : BenchStore.embedded(Files.createTempDirectory("deadline-kill-benchmark"))) {
            Duration spread = Duration.parse(options.get("spread", "PT10M"));
            Duration acknowledge = options.has("acknowledge") ? Duration.parse(options.get("acknowledge").trim())
                    : acknowledgeFor(spread);
            if (acknowledge.compareTo(spread) < 0) {
                throw new IllegalArgumentException("acknowledge (" + acknowledge + ") must be at least the spread ("
                        + spread + "): otherwise deadlines fall due while cases are still being reported");
            }
            return run(store, jars, jars.logs().resolve("deadlines-kill"), options.integer("cases", 10_000), spread,
                    acknowledge,
                    Double.parseDouble(options.get("killAt", "0.5")), Duration.parse(options.get("patience", "PT3M")));
        }
    }

    /**
     * The time to acknowledge that keeps every deadline of a spread pending until the last case is reported: the
     * spread and a minute more, at least 3 minutes.
     */
    static Duration acknowledgeFor(Duration spread) {
        Duration enough = spread.plusMinutes(1);
        Duration least = Duration.ofMinutes(3);
        return enough.compareTo(least) > 0 ? enough : least;
    }

    static List<Figure> run(BenchStore store, Jars jars, Path logs, int cases, Duration spread, Duration acknowledge,
                            double killAt, Duration patience) throws Exception {
        Files.createDirectories(logs);
        try (ServiceProcess commands = new ServiceProcess("command-service", jars.command(), logs)
                .withArguments("--incidents.escalation.timings.critical.acknowledge=" + acknowledge,
                        "--incidents.escalation.timings.critical.notify-communications=P1D",
                        "--incidents.escalation.timings.critical.police-decision=P1D")) {
            Map<String, String> environment = new HashMap<>(store.serviceEnvironment());
            environment.putAll(Map.of("INCIDENTS_DEMO", "true", "COMMAND_SERVICE_PORT", String.valueOf(commands.port())));
            commands.start(environment);
            System.out.printf("%n== %s: %,d CRITICAL cases reported over %s, %s to acknowledge (load average %s)%n",
                    store.label(), cases, spread, acknowledge, Machine.loadAverage());
            long started = System.nanoTime();
            long accepted = report(commands, cases, 8, spread);
            System.out.printf("%,d cases reported over HTTP in %.1f s%n", accepted, (System.nanoTime() - started) / 1e9);

            Map<String, Deadline> due = new HashMap<>();
            Instant waitUntil = Instant.now().plus(acknowledge);
            Watch deadlinesSet = new Watch("DeadlineSet");
            while (due.size() < accepted && Instant.now().isBefore(waitUntil)) {
                keepFirstAcknowledgements(deadlinesSet.poll(store), due);
                Thread.sleep(1_000);
            }
            due.clear(); // the figures count what one full read finds, not what the watch saw
            keepFirstAcknowledgements(read(store, "DeadlineSet"), due);
            Instant lastDue = due.values().stream().map(Deadline::dueAt).max(Instant::compareTo).orElseThrow();
            System.out.printf("%,d acknowledgement deadlines set, due from %s to %s%n", due.size(),
                    due.values().stream().map(Deadline::dueAt).min(Instant::compareTo).orElseThrow(), lastDue);

            long killWhen = Math.max(1, Math.round(due.size() * killAt));
            Watch overdue = new Watch("StepOverdue", deadlinesSet.lowest()); // a case's StepOverdue comes after its DeadlineSet
            while (overdue.poll(store).size() < killWhen) {
                Thread.sleep(250);
            }
            long firedBefore = overdue.poll(store).size();
            Instant killed = Instant.now();
            commands.kill();
            System.out.printf("kill -9 of the command service at %s, %,d deadlines fired by then%n", killed, firedBefore);
            commands.start(environment);
            Instant back = Instant.now();
            System.out.printf("the command service was ready again %.1f s later%n", Duration.between(killed, back).toMillis() / 1000.0);

            Instant giveUp = lastDue.plus(patience);
            List<Deadline> fired = List.of();
            while (Instant.now().isBefore(giveUp)) {
                Thread.sleep(2_000);
                fired = overdue.poll(store);
                if (fired.stream().filter(f -> f.step().equals("ACKNOWLEDGE")).map(Deadline::caseId).distinct().count() >= due.size()) {
                    Thread.sleep(5_000); // a late double would come now
                    break;
                }
            }
            fired = read(store, "StepOverdue");
            return figures(store, due, fired, killed, back, lastDue);
        }
    }

    /** Keeps, per case, the first acknowledgement deadline set (by the time it was stored). */
    private static void keepFirstAcknowledgements(List<Deadline> set, Map<String, Deadline> due) {
        for (Deadline deadline : set) {
            if (deadline.step().equals("ACKNOWLEDGE")) {
                due.merge(deadline.caseId(), deadline, (a, b) -> a.storedAt().isBefore(b.storedAt()) ? a : b);
            }
        }
    }

    private static List<Figure> figures(BenchStore store, Map<String, Deadline> due, List<Deadline> fired, Instant killed,
                                        Instant back, Instant lastDue) {
        Map<String, Integer> times = new HashMap<>();
        for (Deadline f : fired) {
            times.merge(f.caseId() + " " + f.step() + " " + f.dueAt(), 1, Integer::sum);
        }
        long doubled = times.values().stream().filter(n -> n > 1).count();
        List<Long> lateness = new ArrayList<>();
        List<Long> afterReturn = new ArrayList<>();
        long missed = 0;
        long bySweep = 0;
        for (Deadline set : due.values()) {
            Deadline overdue = fired.stream().filter(f -> f.caseId().equals(set.caseId()) && f.step().equals("ACKNOWLEDGE")
                    && f.dueAt().equals(set.dueAt())).min((a, b) -> a.storedAt().compareTo(b.storedAt())).orElse(null);
            if (overdue == null) {
                missed++;
                continue;
            }
            if (overdue.cause() != null && overdue.cause().startsWith("sweep")) {
                bySweep++;
            }
            lateness.add(Duration.between(set.dueAt(), overdue.storedAt()).toMillis());
            // Due while the service was down: it could fire only once the service was back.
            Instant from = set.dueAt().isAfter(killed) && set.dueAt().isBefore(back) ? back : set.dueAt();
            afterReturn.add(Math.max(0, Duration.between(from, overdue.storedAt()).toMillis()));
        }
        System.out.printf("fired %,d of %,d (%,d by the sweep); missed %,d; doubled %,d%n", lateness.size(), due.size(),
                bySweep, missed, doubled);
        System.out.printf("lateness past due: median %,d ms, p99 %,d ms, most %,d ms%n", Report.percentile(lateness, 50),
                Report.percentile(lateness, 99), lateness.stream().mapToLong(Long::longValue).max().orElse(-1));
        System.out.printf("lateness past due or the restart, whichever is later: median %,d ms, p99 %,d ms, most %,d ms%n",
                Report.percentile(afterReturn, 50), Report.percentile(afterReturn, 99),
                afterReturn.stream().mapToLong(Long::longValue).max().orElse(-1));
        Instant firstDue = due.values().stream().map(Deadline::dueAt).min(Instant::compareTo).orElse(lastDue);
        double seconds = Math.max(1, Duration.between(firstDue, lastDue).toMillis()) / 1000.0;
        String where = (store.isPostgres() ? "PostgreSQL" : "H2") + String.format(
                ", %,d deadlines due over %.0f s (%.0f/s), kill -9 while firing", due.size(), seconds, due.size() / seconds);
        long p99 = Report.percentile(afterReturn, 99);
        return List.of(
                Figure.of(where + ": missed", String.valueOf(missed), "-", "0", missed == 0),
                Figure.of(where + ": doubled", String.valueOf(doubled), "-", "0", doubled == 0),
                Figure.of(where + ": p99 lateness (past due, or past the restart for those due while it was down)",
                        String.format("%,d ms", p99), "-", "<= 2 s", p99 >= 0 && p99 <= 2_000),
                Figure.info(where + ": p99 lateness past due (the down time included)",
                        String.format("%,d ms (median %,d, most %,d; %,d by the sweep)", Report.percentile(lateness, 99),
                                Report.percentile(lateness, 50), lateness.stream().mapToLong(Long::longValue).max().orElse(-1),
                                bySweep), "-"));
    }

    /**
     * Reports CRITICAL cases over HTTP as the demo teacher, the i-th no sooner than i/cases of the spread after the
     * first (as fast as the service answers with no spread); a report answered 503 (the service's pool was exhausted on a
     * loaded machine) or not answered is sent again, the same, until it is accepted. Returns how many were accepted.
     */
    private static long report(ServiceProcess commands, int cases, int clients, Duration spread)
            throws InterruptedException {
        long first = System.nanoTime();
        AtomicLong left = new AtomicLong(cases);
        AtomicLong accepted = new AtomicLong();
        AtomicLong again = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long remaining;
                while ((remaining = left.getAndDecrement()) > 0) {
                    if (!ReportClients.sleepUntil(first + spread.toNanos() / cases * (cases - remaining))) {
                        return;
                    }
                    String body = """
                            {"incidentId": "%s", "schoolId": "school-1", "platform": "WHATSAPP_GROUP",
                             "location": "https://chat.whatsapp.com/invite/benchmark", "summary": "Benchmark case.",
                             "stage": "THREATENING", "harms": ["BULLYING"], "severity": "CRITICAL", "involvedParties": [],
                             "observedAt": "%s"}""".formatted(UUID.randomUUID(), Instant.now().minusSeconds(60));
                    for (int attempt = 0; attempt < 10; attempt++) {
                        int status;
                        try {
                            status = http.send(HttpRequest.newBuilder(commands.uri("/api/incidents"))
                                    .header("Authorization", AUTHORIZATION).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            status = -1;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        if (status == 201 || status == 200) {
                            accepted.incrementAndGet();
                            break;
                        }
                        if (status != 503 && status != -1) {
                            break; // refused: not tried again
                        }
                        again.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (again.get() > 0) {
            System.out.printf("(%,d reports were answered 503 or not at all, and sent again)%n", again.get());
        }
        return accepted.get();
    }

    /**
     * Watches the store for events of one type (simple name) while the service runs, reading by the table's primary
     * key only the newest rows: from a window of {@link #WINDOW} global indexes behind the newest one seen (an event
     * that took its index earlier may commit later), the window's events of the type read again at each look. A scan
     * of the whole event table several times a second, as this benchmark once did, took a large part of the service's
     * CPU on the embedded store (its H2 serves these reads), and made the deadlines it measured late. The figures are
     * taken from one full read at the end ({@link #read}).
     */
    private static final class Watch {

        private static final long WINDOW = 5_000;

        private final String type;
        private final Map<Long, Deadline> seen = new HashMap<>();
        private long newest;
        private long lowest = Long.MAX_VALUE;

        Watch(String type) {
            this(type, -1);
        }

        /** Watches for events of the type from about the given global index on (the window before it included). */
        Watch(String type, long after) {
            this.type = type;
            this.newest = after == Long.MAX_VALUE ? -1 : after;
        }

        /** The lowest global index of an event seen, or {@code Long.MAX_VALUE} before the first. */
        long lowest() {
            return lowest;
        }

        /** Every event of the type seen so far, in no order. */
        List<Deadline> poll(BenchStore store) throws Exception {
            long from = Math.max(-1, newest - WINDOW);
            read(store, type, from, (index, deadline) -> {
                seen.putIfAbsent(index, deadline);
                newest = Math.max(newest, index);
                lowest = Math.min(lowest, index);
            });
            return List.copyOf(seen.values());
        }
    }

    /** The events of one type (simple name) as deadlines: case, step, due time, stored time, the metadata's cause. */
    private static List<Deadline> read(BenchStore store, String type) throws Exception {
        List<Deadline> deadlines = new ArrayList<>();
        read(store, type, -1, (index, deadline) -> deadlines.add(deadline));
        return deadlines;
    }

    private static void read(BenchStore store, String type, long after,
                             java.util.function.BiConsumer<Long, Deadline> each) throws Exception {
        try (Connection connection = store.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT global_index, aggregate_identifier, time_stamp, payload, meta_data FROM domain_event_entry "
                        + "WHERE global_index > ? AND payload_type LIKE ?")) {
            statement.setLong(1, after);
            statement.setString(2, "%." + type);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    JsonNode payload = JSON.readTree(rows.getBytes(4));
                    JsonNode metaData = JSON.readTree(rows.getBytes(5));
                    each.accept(rows.getLong(1), new Deadline(rows.getString(2), payload.path("step").asText(),
                            instant(payload.get("dueAt")), Instant.parse(rows.getString(3)),
                            metaData.hasNonNull("cause") ? metaData.get("cause").asText() : null));
                }
            }
        }
    }

    private static Instant instant(JsonNode value) {
        if (value.isTextual()) {
            return Instant.parse(value.asText());
        }
        BigDecimal seconds = value.decimalValue(); // Jackson's numeric form: seconds, with nanoseconds as the fraction
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
}
