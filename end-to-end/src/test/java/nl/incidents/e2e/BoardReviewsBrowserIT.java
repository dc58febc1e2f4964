package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board reviews its cases in a real Chromium, as in {@link SignInBrowserIT}. Four cases are reported and handled
 * through the command API (HTTP Basic, which works beside the demo), with critical cases given six seconds to be
 * acknowledged so that steps run late while the test waits:
 * <ul>
 *   <li>{@code handled}: school-1, high; the manager acknowledges, agrees a strategy, informs communications and warns
 *       pupil-7 (waarschuwing), escalates to the board, which acknowledges and files with the police;</li>
 *   <li>{@code legal}: school-1, critical, a staff member's sexual images of a pupil: the legal duty, at the board at
 *       once, which lets its acknowledgement run late;</li>
 *   <li>{@code late}: school-2, critical; nobody acknowledges, so it climbs to the board and runs late there;</li>
 *   <li>{@code calm}: school-2, low, waiting for its manager in school time.</li>
 * </ul>
 * The board's dashboard counts them by status, stage, school and severity, with the legal-duty case on top and the
 * late one after it; the history lists every event with who and when; the pupil's dossier shows the warning. The
 * manager is refused the dashboard. Every page is screenshot into target/screenshots and checked with axe-core
 * (WCAG 2.1 A and AA: no serious or critical violation).
 */
class BoardReviewsBrowserIT {

    /** Critical cases: six seconds to acknowledge; everything else an hour, so only acknowledgements run late. */
    static final String TIMINGS = """
            {"incidents": {"escalation": {"timings": {"critical": {
                "acknowledge": "6s", "notify-communications": "1h", "police-decision": "1h",
                "inspector-consultation": "1h", "reminder-interval": "1h"}}}}}""";

    @TempDir
    Path profile;

    private SignInSystem system;
    private Chromium chromium;
    private Person person;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private Api commands;
    private Api queries;

    @BeforeEach
    void start() throws Exception {
        Chromium.requireBrowser(); // skipped without a browser, a failure under INCIDENTS_REQUIRE_ALL=1
        // Its own system: it counts every case on the dashboard, and gives critical cases seconds, not hours.
        system = new SignInSystem(null, getClass().getSimpleName(), Map.of("SPRING_APPLICATION_JSON", TIMINGS)).start();
        commands = new Api(system.commandServiceUrl());
        queries = new Api(system.queryServiceUrl());
        chromium = new Chromium(getClass().getSimpleName(), profile);
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theBoardReadsItsDashboardAHistoryAndAPupilsDossier() throws Exception {
        String handled = report("teacher", "school-1", "HIGH", "DERAILED", List.of("THREATENING", "INSULTING"), List.of(
                party("pupil-7", "PUPIL", "AUTHOR"), party("parent-3", "PARENT", "AUTHOR")));
        String legal = report("teacher", "school-1", "CRITICAL", "DERAILED", List.of("SEXUAL_IMAGES_OF_MINORS"), List.of(
                party("staff-9", "STAFF", "AUTHOR"), party("pupil-8", "PUPIL", "TARGET")));
        String late = report("teacher2", "school-2", "CRITICAL", "DERAILED", List.of("BULLYING"), List.of(
                party("pupil-21", "PUPIL", "TARGET")));
        String calm = report("teacher2", "school-2", "LOW", "THREATENING", List.of("INSULTING"), List.of(
                party("pupil-22", "PUPIL", "TARGET")));

        await().atMost(Duration.ofSeconds(20)).until(() -> "ESCALATED".equals(status(handled)));
        step("manager", handled, "acknowledgements", Map.of("note", "Ik bel de leraar"));
        step("manager", handled, "strategy", Map.of("elements", List.of("NO_ONLINE_REACTION", "CONVERSATION_IN_PERSON"),
                "description", "Niet online reageren; de ouder uitnodigen"));
        step("manager", handled, "communications-notifications", Map.of("message", "Dreiging tegen een leraar"));
        step("manager", handled, "measures", Map.of("personId", "pupil-7", "measure", "WARNING",
                "reason", "Deelde de bedreiging"));
        step("manager", handled, "escalations", Map.of("reason", "Bedreiging: het bestuur beslist"));
        step("board", handled, "acknowledgements", Map.of());
        step("board", handled, "police-reports", Map.of("offence", "Bedreiging (art. 285 Sr)",
                "policeReference", "PL0900-2026-1234"));

        // The critical cases run late: the legal one at the board, the other at its manager and then at the board.
        await().atMost(Duration.ofSeconds(60)).until(() -> history(late).stream()
                .filter(e -> e.path("type").asText().equals("StepOverdue")).count() >= 2
                && history(legal).stream().anyMatch(e -> e.path("type").asText().equals("StepOverdue")));
        int handledEvents = history(handled).size();

        // The board's dashboard.
        String web = system.webUrl();
        signIn("board");
        browser.get(web + "/board");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overzicht van het bestuur");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("sse-connect")).isEqualTo("/live");
        List<WebElement> attention = browser.findElements(By.cssSelector("#attention tbody tr"));
        assertThat(attention).extracting(row -> row.getAttribute("id")).startsWith("case-" + legal, "case-" + late)
                .doesNotContain("case-" + handled, "case-" + calm);
        assertThat(attention.get(0).getText()).contains("Meldplicht", "OBS De Esch", "kritiek", "bevestigen");
        assertThat(attention.get(1).getText()).contains("CBS Het Kompas", "kritiek", "bevestigen, verlopen sinds");
        assertThat(browser.findElement(By.id("open-title")).getText()).isEqualTo("Open zaken: 4");
        assertThat(rows("by-school")).containsEntry("OBS De Esch", "2").containsEntry("CBS Het Kompas", "2");
        assertThat(rows("by-severity")).containsEntry("hoog", "1").containsEntry("kritiek", "2").containsEntry("laag", "1");
        assertThat(rows("by-stage")).containsEntry("ontspoord", "3").containsEntry("dreigt te ontsporen", "1");
        assertThat(rows("by-status")).containsEntry("aanpak afgesproken", "1");
        assertThat(browser.findElement(By.id("by-step")).getText()).contains("bevestigen");
        // The manager acknowledged one case this month, the board one; communications were informed once.
        assertThat(firstCells("times-acknowledgement-manager")).startsWith("1");
        assertThat(firstCells("times-acknowledgement-board")).startsWith("1");
        assertThat(firstCells("times-communications_notified-")).startsWith("1");
        screenshot("board-dashboard");
        assertAccessible("dashboard");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
        screenshot("board-dashboard-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // The full history of the handled case: every event, with when and who.
        browser.get(web + "/cases/" + handled + "/history");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("events")));
        List<WebElement> events = browser.findElements(By.cssSelector("#events tbody tr"));
        assertThat(events).hasSize(handledEvents);
        for (WebElement event : events) {
            assertThat(event.findElement(By.cssSelector("time")).getText()).as(event.getText()).matches("\\d{1,2} \\p{L}+ \\d{4} \\d\\d:\\d\\d");
            assertThat(event.findElement(By.cssSelector(".actor")).getText()).as(event.getText()).isNotBlank();
        }
        String history = browser.findElement(By.id("events")).getText();
        assertThat(history).contains("Melding (ontspoord) op Facebook, ernst hoog", "Tessa de Vries (leraar/medewerker)",
                "namens Tessa de Vries (leraar/medewerker)", "vanwege de melding",
                "Bevestigd door leidinggevende Marieke Jansen",
                "Maatregel waarschuwing opgelegd aan pupil-7 (leerling): Deelde de bedreiging", "Marieke Jansen (leidinggevende)",
                "Geëscaleerd naar het bestuur", "Aangifte gedaan bij de politie: Bedreiging (art. 285 Sr)",
                "Anne de Wit (bestuur)");
        screenshot("board-history");
        assertAccessible("history");

        // The late case's history names the deadline that passed.
        browser.get(web + "/cases/" + late + "/history");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("events")));
        assertThat(browser.findElement(By.id("events")).getText()).contains("Termijn verlopen: bevestigen",
                "omdat de termijn voor bevestigen verliep", "het systeem");

        // The pupil's dossier, from the case's history: the warning with its case.
        browser.get(web + "/cases/" + handled + "/history");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("people")));
        browser.findElement(By.cssSelector("#people a[href='/people/pupil-7']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entries")));
        assertThat(browser.findElement(By.id("kind")).getText()).isEqualTo("Leerlingdossier");
        assertThat(browser.findElement(By.id("entries")).getText()).contains("Maatregel: waarschuwing", "Deelde de bedreiging",
                handled.substring(0, 8), "Marieke Jansen (leidinggevende)");
        screenshot("board-pupil-dossier");
        assertAccessible("pupil dossier");

        // The manager may not see the board's dashboard: told so plainly.
        signOut();
        signIn("manager");
        browser.get(web + "/board");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(browser.findElement(By.id("problem")).getText()).isEqualTo("Dit overzicht is alleen voor het bestuur.");
        screenshot("board-dashboard-refused");
        browser.get(web + "/cases/" + handled + "/history");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(browser.findElement(By.id("problem")).getText()).startsWith("U mag de geschiedenis van deze zaak niet inzien.");
        assertAccessible("refusal");
    }

    private String report(String teacher, String school, String severity, String stage, List<String> harms,
                          List<Map<String, String>> parties) {
        String id = UUID.randomUUID().toString();
        Api.Response response = commands.post(teacher, "/api/incidents", Map.of("incidentId", id, "schoolId", school,
                "platform", "FACEBOOK", "location", "https://www.facebook.com/groups/ouders/posts/" + id.substring(0, 8),
                "summary", "Een ouder bedreigt een leraar in de oudergroep", "stage", stage, "harms", harms,
                "severity", severity, "involvedParties", parties,
                "observedAt", Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(response.status()).as("report: %s", response.body()).isEqualTo(201);
        return id;
    }

    private static Map<String, String> party(String id, String role, String part) {
        return Map.of("personId", id, "role", role, "part", part);
    }

    private void step(String user, String id, String action, Map<String, ?> body) {
        Api.Response response = commands.post(user, "/api/incidents/" + id + "/" + action, body);
        assertThat(response.status()).as("%s %s: %s", user, action, response.body()).isBetween(200, 299);
    }

    private String status(String id) {
        Api.Response response = queries.get("board", "/api/incidents/" + id);
        return response.status() == 200 ? response.body().path("status").asText() : null;
    }

    private List<JsonNode> history(String id) {
        Api.Response response = queries.get("board", "/api/incidents/" + id + "/history");
        List<JsonNode> events = new ArrayList<>();
        if (response.status() == 200) {
            response.body().forEach(events::add);
        }
        return events;
    }

    /** A count table's rows: the row header's text and the count. */
    private Map<String, String> rows(String table) {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            rows.put(row.findElement(By.cssSelector("th")).getText(), row.findElement(By.cssSelector("td")).getText());
        }
        return rows;
    }

    /** The figures of a step-time table's first row (all cases): this month's count, median, 90th percentile... */
    private String firstCells(String table) {
        return browser.findElement(By.cssSelector("#" + table + " tbody tr")).findElements(By.cssSelector("td"))
                .stream().map(WebElement::getText).reduce((a, b) -> a + " " + b).orElse("");
    }

    private void signIn(String user) throws Exception {
        person = chromium.person(user, system.webUrl()).signIn("/");
        browser = person.browser;
        wait = person.wait;
    }

    private void signOut() {
        person.signOut();
    }

    /** axe-core finds no serious or critical violation of WCAG 2.1 A and AA on the page as it is. */
    private void assertAccessible(String page) {
        AccessibilityCheck.assertNoSeriousViolations(browser, page);
    }

    private void screenshot(String name) throws Exception {
        person.screenshot(name);
    }
}
