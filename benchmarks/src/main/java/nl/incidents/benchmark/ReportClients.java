package nl.incidents.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Teachers reporting cases over HTTP: {@code POST /api/incidents} as {@code teacher} (school-1), each
 * client a thread of its own with its own connection, sending its next report as soon as the last
 * was answered (a closed load) or, given a rate, at its turn in an even schedule (an open load). Also
 * measures how long after its 201 a report can be read on the query side.
 */
final class ReportClients {

    /** What the clients of one run achieved: accepted reports (201), failures by kind, response times. */
    record Run(int clients, Duration measured, long accepted, Map<String, Integer> errors, List<Long> responseMicros) {

        double perSecond() {
            return accepted / (measured.toNanos() / 1e9);
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Milliseconds from each report's 201 to its dossier on the query side, and to the saga's escalation in it. */
    record Visibility(List<Long> visibleMillis, List<Long> escalatedMillis, int lost) {
    }

    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString("teacher:demo".getBytes(StandardCharsets.UTF_8));
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI reports;
    private final URI queryService;
    private final AtomicReference<String> lastAccepted = new AtomicReference<>();

    ReportClients(URI reports, URI queryService) {
        this.reports = reports;
        this.queryService = queryService;
    }

    URI reports() {
        return reports;
    }

    URI queryService() {
        return queryService;
    }

    /** The id of the last report that was accepted. */
    String lastAccepted() {
        return lastAccepted.get();
    }

    /** {@code clients} clients, each sending its next report as soon as the last was answered, for {@code duration}. */
    Run run(int clients, Duration duration) throws InterruptedException {
        return run(clients, duration, 0);
    }

    /**
     * As {@link #run(int, Duration)}, but together the clients send {@code perSecond} reports a second, evenly spaced
     * (an open load: a client that fell behind its schedule sends at once, none is left out); 0: as fast as answered.
     */
    Run run(int clients, Duration duration, double perSecond) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Tally tally = new Tally();
            tallies.add(tally);
            int client = c;
            Thread thread = new Thread(() -> {
                HttpClient http = client();
                for (long k = 0; System.nanoTime() < end; k++) {
                    if (perSecond > 0) {
                        long due = started + (long) ((k * clients + client) * 1e9 / perSecond);
                        if (due - end >= 0 || !sleepUntil(due)) {
                            return; // its next report would be due after the run: not waited for, so not measured
                        }
                    }
                    long sent = System.nanoTime();
                    String outcome = report(http, UUID.randomUUID());
                    tally.responseMicros.add((System.nanoTime() - sent) / 1_000);
                    if (outcome == null) {
                        tally.accepted++;
                    } else {
                        tally.errors.merge(outcome, 1, Integer::sum);
                    }
                }
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration measured = Duration.ofNanos(System.nanoTime() - started);
        Tally all = new Tally();
        for (Tally tally : tallies) {
            tally.errors.forEach((kind, n) -> all.errors.merge(kind, n, Integer::sum));
            all.responseMicros.addAll(tally.responseMicros);
            all.accepted += tally.accepted;
        }
        return new Run(clients, measured, all.accepted, all.errors, all.responseMicros);
    }

    /**
     * Reports {@code total} cases with {@code clients} concurrent clients, as fast as they are accepted.
     *
     * @return how many were accepted (a refused report is not tried again)
     */
    long report(int clients, long total) throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong left = new java.util.concurrent.atomic.AtomicLong(total);
        java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                HttpClient http = client();
                while (left.getAndDecrement() > 0) {
                    if (report(http, UUID.randomUUID()) == null) {
                        accepted.incrementAndGet();
                    }
                }
            }, "reporter-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return accepted.get();
    }

    /**
     * Sleeps until {@code due} ({@link System#nanoTime()}), at once if it has passed.
     *
     * @return false when interrupted (the interrupt is kept)
     */
    static boolean sleepUntil(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** One client's count, written by its own thread only (read after join). */
    private static final class Tally {
        final List<Long> responseMicros = new ArrayList<>();
        final Map<String, Integer> errors = new TreeMap<>();
        long accepted;
    }

    /**
     * Reports {@code samples} cases one at a time and, after each 201, asks the query service for the case
     * every {@code pollEvery} until its dossier is there, and until it shows the escalation the saga made.
     */
    Visibility visibility(int samples, Duration pollEvery) throws IOException, InterruptedException {
        return visibility(samples, pollEvery, Long.MAX_VALUE);
    }

    /**
     * As {@link #visibility(int, Duration)}, but stops early at {@code untilNanos} ({@link System#nanoTime()}): for
     * sampling while other clients load the service.
     */
    Visibility visibility(int samples, Duration pollEvery, long untilNanos) throws IOException, InterruptedException {
        HttpClient http = client();
        HttpClient poller = client();
        List<Long> visible = new ArrayList<>();
        List<Long> escalated = new ArrayList<>();
        int lost = 0;
        for (int i = 0; i < samples && System.nanoTime() < untilNanos; i++) {
            UUID id = UUID.randomUUID();
            if (report(http, id) != null) {
                lost++;
                continue;
            }
            long accepted = System.nanoTime();
            long visibleAt = 0;
            long escalatedAt = 0;
            HttpRequest read = HttpRequest.newBuilder(queryService.resolve("/api/incidents/" + id))
                    .header("Authorization", AUTHORIZATION).timeout(PATIENCE).build();
            long giveUp = accepted + PATIENCE.toNanos();
            while (escalatedAt == 0 && System.nanoTime() < giveUp) {
                HttpResponse<String> dossier = poller.send(read, HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                if (dossier.statusCode() == 200) {
                    visibleAt = visibleAt == 0 ? now : visibleAt;
                    if (JSON.readTree(dossier.body()).hasNonNull("escalation")) {
                        escalatedAt = now;
                        break;
                    }
                }
                Thread.sleep(pollEvery.toMillis());
            }
            if (escalatedAt == 0) {
                lost++;
                continue;
            }
            visible.add((visibleAt - accepted) / 1_000_000);
            escalated.add((escalatedAt - accepted) / 1_000_000);
        }
        return new Visibility(visible, escalated, lost);
    }

    /** Whether the query service shows the case with the escalation the saga made. */
    boolean escalatedOnQuerySide(String id) throws IOException, InterruptedException {
        HttpResponse<String> dossier = client().send(HttpRequest.newBuilder(queryService.resolve("/api/incidents/" + id))
                .header("Authorization", AUTHORIZATION).timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
        return dossier.statusCode() == 200 && JSON.readTree(dossier.body()).hasNonNull("escalation");
    }

    /** Sends one report; null when it was accepted (201), else what went wrong. */
    private String report(HttpClient http, UUID id) {
        HttpRequest request = HttpRequest.newBuilder(reports)
                .header("Authorization", AUTHORIZATION)
                .header("Content-Type", "application/json")
                .timeout(PATIENCE)
                .POST(HttpRequest.BodyPublishers.ofString(body(id)))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 201) {
                lastAccepted.set(id.toString());
                return null;
            }
            return "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static HttpClient client() {
        // HTTP/1.1 and a connection of its own: as separate clients, and no h2c upgrade attempt on each request.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The README's example report, under a new id. */
    private static String body(UUID id) {
        return """
                {"incidentId": "%s", "schoolId": "school-1", "platform": "FACEBOOK",
                 "location": "https://www.facebook.com/groups/ouders-de-esch/posts/1",
                 "summary": "A parent threatens a teacher in the parents group; others join in",
                 "stage": "DERAILED", "harms": ["THREATENING", "INSULTING"], "severity": "HIGH",
                 "involvedParties": [
                   {"personId": "parent-3", "role": "PARENT", "part": "AUTHOR"},
                   {"personId": "pupil-7",  "role": "PUPIL",  "part": "AUTHOR"},
                   {"personId": "staff-9",  "role": "STAFF",  "part": "BYSTANDER"}],
                 "observedAt": "%s"}""".formatted(id, Instant.now().minusSeconds(600));
    }
}
