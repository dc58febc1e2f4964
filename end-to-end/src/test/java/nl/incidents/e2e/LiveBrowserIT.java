package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Live updates end to end, on the three jars: the teacher reports a case (through the command service, as the report
 * page does) and, without a reload, the manager's open work list ({@code /cases}) and the live
 * check page show it; at HTTP level the web
 * module's {@code GET /live} relays {@code case-changed} with the case's id and {@code inbox-changed} to the manager,
 * and nothing of it to the other school's manager. How fast is the benchmark's to show, not this test's: it
 * waits up to {@link #WITHOUT_A_RELOAD} so that a loaded machine does not make it fail.
 */
class LiveBrowserIT {

    /** How long a page waits for a change to arrive by itself, generously. */
    private static final Duration WITHOUT_A_RELOAD = Duration.ofSeconds(15);

    @TempDir
    static Path profiles;

    private static SignInSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = SignInSystem.shared();
    }

    @Test
    void theManagersOpenPageShowsTheTeachersNewReportWithoutAReload() throws Exception {
        Chromium.requireBrowser();
        String web = system.webUrl();
        try (Chromium chromium = new Chromium(LiveBrowserIT.class.getSimpleName(), profiles)) {
            ChromeDriver manager = chromium.signedIn(web, "manager");
            manager.get(web + "/live/check");
            WebDriverWait untilItArrives = new WebDriverWait(manager, WITHOUT_A_RELOAD);
            new WebDriverWait(manager, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("live-case")));
            // The page's stream is open once a first report arrives by itself (on a loaded machine that may take a
            // while); the second one is timed.
            String initial = text(manager, "live-inbox");
            String first = report();
            new WebDriverWait(manager, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(browser -> browser.findElement(By.id("live-case")).getText().equals(first)
                            && !browser.findElement(By.id("live-inbox")).getText().equals(initial));
            String before = text(manager, "live-inbox");

            String id = report();

            untilItArrives.ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBe(By.id("live-case"), id));
            new WebDriverWait(manager, WITHOUT_A_RELOAD).ignoring(StaleElementReferenceException.class)
                    .until(browser -> !browser.findElement(By.id("live-inbox")).getText().equals(before));
            Chromium.screenshot(manager, "live-check");
        }
    }

    @Test
    void theManagersOpenWorkListShowsTheTeachersNewReportWithoutAReload() throws Exception {
        Chromium.requireBrowser();
        String web = system.webUrl();
        try (Chromium chromium = new Chromium(LiveBrowserIT.class.getSimpleName() + "-cases", profiles.resolve("cases"))) {
            ChromeDriver manager = chromium.signedIn(web, "manager");
            manager.get(web + "/cases");
            new WebDriverWait(manager, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            String url = manager.getCurrentUrl();
            // The page's stream is open once a first report arrives by itself (on a loaded machine that may take a
            // while); the second one is timed.
            String first = report();
            new WebDriverWait(manager, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("case-" + first)));

            String id = report();

            new WebDriverWait(manager, WITHOUT_A_RELOAD)
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("case-" + id)));
            assertThat(manager.getCurrentUrl()).as("no navigation").isEqualTo(url);
            Chromium.screenshot(manager, "live-cases-manager");
        }
    }

    /**
     * The element's text, read again when the page swapped the element while it was read: the live stream replaces
     * its lines as events arrive, which is what this page is for.
     */
    private static String text(ChromeDriver browser, String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElement(By.id(id)).getText();
            } catch (StaleElementReferenceException swapped) {
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
    }

    @Test
    void theRelayTellsTheManagerAndNotTheOtherSchoolsManager() throws Exception {
        String web = system.webUrl();
        BlockingQueue<String> manager = follow(WebSession.signIn(web, "manager"));
        BlockingQueue<String> otherManager = follow(WebSession.signIn(web, "manager2"));
        // Both streams stand once a first report reaches the manager (on a loaded machine that may take a while).
        String first = report();
        long warmUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String line = ""; line != null && !line.equals("data:" + first) && !line.equals("data: " + first); ) {
            line = manager.poll(Math.max(warmUp - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            assertThat(line).as("the first report's case-changed within 30 s").isNotNull();
        }
        Thread.sleep(500); // its inbox-changed too
        manager.clear();

        String id = report();

        long until = System.nanoTime() + WITHOUT_A_RELOAD.toNanos();
        boolean caseHeard = false;
        boolean inboxHeard = false;
        String event = null;
        while (!(caseHeard && inboxHeard) && System.nanoTime() < until) {
            String line = manager.poll(Math.max(until - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                caseHeard |= "case-changed".equals(event) && line.substring(5).strip().equals(id);
                inboxHeard |= "inbox-changed".equals(event);
            }
        }
        assertThat(caseHeard).as("case-changed " + id + " without a reload").isTrue();
        assertThat(inboxHeard).as("inbox-changed without a reload").isTrue();
        assertThat(otherManager.poll(1, TimeUnit.SECONDS)).as("manager2 hears of another school's case").isNull();
    }

    @Test
    void withoutASessionTheStreamIs401NotASignInPage() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(system.webUrl() + "/live")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    /** The session's {@code /live} stream: its event and data lines, as they come. */
    private static BlockingQueue<String> follow(WebSession session) throws Exception {
        HttpResponse<InputStream> response = session.stream("/live");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("event:") || line.startsWith("data:")) {
                        lines.add(line);
                    }
                }
            } catch (Exception ended) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String report() throws Exception {
        return report(system.commandServiceUrl());
    }

    /** The teacher reports a discussion about school-1, as the report page sends it; answers the case's id. */
    static String report(String commandServiceUrl) throws Exception {
        String id = UUID.randomUUID().toString();
        String body = """
                {"incidentId": "%s", "schoolId": "school-1", "platform": "FACEBOOK",
                 "location": "https://www.facebook.com/groups/ouders/posts/9", "summary": "A parent threatens a teacher",
                 "stage": "DERAILED", "harms": ["THREATENING"], "severity": "HIGH",
                 "involvedParties": [{"personId": "parent-9", "role": "PARENT", "part": "AUTHOR"}],
                 "observedAt": "%s"}""".formatted(id, Instant.now().minusSeconds(120));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(commandServiceUrl + "/api/incidents"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("teacher:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return id;
    }
}
