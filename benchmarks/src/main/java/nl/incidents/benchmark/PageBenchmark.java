package nl.incidents.benchmark;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast the main pages are on the embedded default with many cases stored: starts the command service, the query
 * service and the web module from their jars on a fresh embedded store, reports {@code cases} cases (10,000 by
 * default, all about school-1, so all in its manager's work list and the board's), waits until the projections caught
 * up, signs the teacher, the manager and the board in at the web module's embedded provider (its own form, as a
 * browser does), then asks each main page of their role {@code rounds} times one after the other (after 20 rounds
 * of warm-up) and prints the time to the page's last byte: median, 99th percentile, most. The client is on the same
 * machine, so this is the web module's time plus the services' it waits for. A page not built yet (404) is named so.
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests package exec:java@pages}, optionally with
 * {@code -Dexec.args="cases=10000 rounds=200"}.
 */
public final class PageBenchmark {

    private static final int WARM_UP = 20;
    private static final int REPORTERS = 16;

    /** A page to measure: who opens it and its path ({@code {id}}: a stored case). */
    private record Page(String user, String path) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("teacher", "/"),
            new Page("teacher", "/report"),
            new Page("teacher", "/my-reports"),
            new Page("teacher", "/inbox"),
            new Page("manager", "/cases"),
            new Page("manager", "/cases/{id}"),
            new Page("manager", "/inbox"),
            new Page("board", "/board"),
            new Page("board", "/cases"),
            new Page("board", "/cases/{id}"),
            new Page("board", "/cases/{id}/history"));

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        int cases = Integer.parseInt(options.getOrDefault("cases", "10000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "200"));
        Path commandJar = Path.of(System.getProperty("commandServiceJar", "command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar"));
        Path queryJar = Path.of(System.getProperty("queryServiceJar", "query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar"));
        Path webJar = Path.of(System.getProperty("webJar", "web/target/web-0.1.0-SNAPSHOT-exec.jar"));
        Path logs = Files.createDirectories(Path.of(System.getProperty("benchmarkLogs", "target/benchmark-logs"), "pages"));

        System.out.printf("Page benchmark, %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        System.out.printf("machine: %d cores (%s), Java %s; load average %s%n", Runtime.getRuntime().availableProcessors(),
                Machine.cpuModel(), System.getProperty("java.version"), Machine.loadAverage());
        System.out.printf("%d cases, then %d warm-up and %d measured requests per page, one at a time; logs: %s%n",
                cases, WARM_UP, rounds, logs.toAbsolutePath());

        try (BenchStore store = BenchStore.embedded(Files.createTempDirectory("page-benchmark"));
             ServiceProcess commands = new ServiceProcess("command-service", commandJar, logs);
             ServiceProcess queries = new ServiceProcess("query-service", queryJar, logs);
             ServiceProcess web = new ServiceProcess("web", webJar, logs)) {
            String webUrl = "http://localhost:" + web.port();
            Map<String, String> environment = store.servicesEnvironment(commands, queries);
            environment.putAll(Map.of(
                    "WEB_PORT", String.valueOf(web.port()),
                    "COMMAND_SERVICE_URL", "http://localhost:" + commands.port(),
                    "INCIDENTS_OIDC_ISSUER", webUrl,
                    "INCIDENTS_OIDC_JWK_SET_URI", webUrl + "/oauth2/jwks"));
            commands.start(environment);
            queries.start(environment);
            web.start(environment);

            ReportClients reporters = new ReportClients(commands.uri("/api/incidents"), queries.uri("/"));
            long started = System.nanoTime();
            long accepted = reporters.report(REPORTERS, cases);
            System.out.printf("%d cases stored in %.1f s (%d clients)", accepted,
                    (System.nanoTime() - started) / 1e9, REPORTERS);
            System.out.println();
            Duration backlog = catchUp(store, reporters);
            System.out.printf("the saga and the projections caught up %.1f s later%n", backlog.toMillis() / 1000.0);
            String caseId = reporters.lastAccepted();

            Map<String, WebSignIn> sessions = new LinkedHashMap<>();
            for (Page page : PAGES) {
                sessions.computeIfAbsent(page.user(), user -> WebSignIn.as(webUrl, user));
            }
            System.out.printf("%n| page | as | answer | median | p99 | most |%n|---|---|---|---|---|---|%n");
            for (Page page : PAGES) {
                String path = page.path().replace("{id}", caseId);
                WebSignIn session = sessions.get(page.user());
                int status = session.get(path).statusCode();
                if (status == 404) {
                    System.out.printf("| `%s` | %s | not built yet (404) | | | |%n", page.path(), page.user());
                    continue;
                }
                for (int i = 0; i < WARM_UP; i++) {
                    session.get(path);
                }
                List<Long> micros = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    long sent = System.nanoTime();
                    status = session.get(path).statusCode();
                    micros.add((System.nanoTime() - sent) / 1_000);
                }
                System.out.printf("| `%s` | %s | %d | %.1f ms | %.1f ms | %.1f ms |%n", page.path(), page.user(), status,
                        Report.percentile(micros, 50) / 1000.0, Report.percentile(micros, 99) / 1000.0,
                        micros.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0);
            }
            System.out.printf("%nload average after: %s%n", Machine.loadAverage());
        }
    }

    /**
     * Waits until every report was escalated by the saga and the last one is in the query service's dossier, saying
     * every half minute how far it is; on a loaded machine this can take many minutes.
     */
    private static Duration catchUp(BenchStore store, ReportClients reporters) throws Exception {
        long started = System.nanoTime();
        long giveUp = started + Duration.ofMinutes(30).toNanos();
        long nextWord = started;
        while (System.nanoTime() < giveUp) {
            Map<String, Long> events = ThroughputBenchmark.eventsByType(store);
            long reported = events.getOrDefault("DerailingDiscussionReported", 0L);
            long escalated = events.getOrDefault("IncidentEscalated", 0L);
            if (reported == escalated && reporters.escalatedOnQuerySide(reporters.lastAccepted())) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (System.nanoTime() >= nextWord) {
                System.out.printf("  catching up: %d of %d escalated (load average %s)%n", escalated, reported,
                        Machine.loadAverage());
                nextWord += Duration.ofSeconds(30).toNanos();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The saga and the projections did not catch up within 30 minutes");
    }

    /** A person signed in to the web module: its session cookie opens the pages. */
    private static final class WebSignIn {

        private final String web;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        private WebSignIn(String web) {
            this.web = web;
        }

        /** Signs the demo user in (password "demo") at the embedded provider's form. */
        static WebSignIn as(String web, String user) {
            try {
                WebSignIn session = new WebSignIn(web);
                HttpResponse<String> form = session.get("/oauth2/authorization/incidents");
                Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
                if (!form.uri().getPath().equals("/provider/login") || !csrf.find()) {
                    throw new IllegalStateException("sign-in did not reach the provider's form: " + form.uri());
                }
                HttpResponse<String> start = session.http.send(HttpRequest.newBuilder(URI.create(web + "/provider/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (start.statusCode() != 200 || !start.uri().getPath().equals("/")) {
                    throw new IllegalStateException(user + " was not signed in: " + start.statusCode() + " at " + start.uri());
                }
                return session;
            } catch (Exception e) {
                throw new IllegalStateException("signing " + user + " in failed", e);
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(web + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
