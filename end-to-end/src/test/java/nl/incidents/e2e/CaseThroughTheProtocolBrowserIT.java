package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One case through the protocol in a real Chromium, each role in its own browser session: the teacher reports it
 * (through the command API); the manager finds it on their work list, acknowledges it, agrees the strategy (once
 * refused, since no element was chosen: the refusal stands next to the choices), informs the communications
 * department, warns a pupil (waarschuwing) and escalates it to the board; the communications department reads it
 * without the measures and is offered nothing; the board acknowledges it, files with the police (aangifte), is
 * refused a dismissal of a parent (shown next to the measure), suspends the parent (schorsing) and closes the case,
 * after which nothing is offered. A screenshot of every page goes to target/screenshots/. Without the browser the
 * test is skipped, unless {@code INCIDENTS_REQUIRE_ALL=1}: then it fails.
 */
class CaseThroughTheProtocolBrowserIT {

    @TempDir
    Path profiles;

    private SignInSystem system;
    private final List<ChromeDriverService> driverServices = new ArrayList<>();
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Chromium.requireBrowser(); // skipped without a browser, a failure under INCIDENTS_REQUIRE_ALL=1
        system = new SignInSystem(null, getClass().getSimpleName()).start();
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", SignInBrowserIT.CHROMEDRIVER.toString());
    }

    @AfterEach
    void stop() throws Exception {
        browsers.forEach(ChromeDriver::quit);
        driverServices.forEach(ChromeDriverService::stop);
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theManagerAndTheBoardTakeACaseThroughTheProtocolAndCommunicationsReadsIt() throws Exception {
        String id = UUID.randomUUID().toString();
        Api commands = new Api(system.commandServiceUrl());
        Api queries = new Api(system.queryServiceUrl());
        Api.Response reported = commands.post("teacher", "/api/incidents", Map.of(
                "incidentId", id, "schoolId", "school-1", "platform", "FACEBOOK",
                "location", "https://www.facebook.com/groups/ouders-de-esch/posts/1",
                "summary", "Een ouder bedreigt een leraar in de oudergroep; anderen doen mee",
                "stage", "DERAILED", "harms", List.of("THREATENING", "INSULTING"), "severity", "HIGH",
                "involvedParties", List.of(
                        Map.of("personId", "parent-3", "role", "PARENT", "part", "AUTHOR"),
                        Map.of("personId", "pupil-7", "role", "PUPIL", "part", "AUTHOR"),
                        Map.of("personId", "staff-9", "role", "STAFF", "part", "BYSTANDER")),
                "observedAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(reported.status()).as("%s", reported.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response dossier = queries.get("manager", "/api/incidents/" + id);
            return dossier.status() == 200 && "ESCALATED".equals(dossier.body().path("status").asText());
        });

        // The manager: the work list, then the case page with the steps of their mandate.
        Person manager = signIn("manager", "/cases");
        manager.waitFor(By.id("case-" + id));
        assertThat(manager.text(By.cssSelector("#case-" + id + " .due"))).contains(", uiterlijk ");
        manager.screenshot("cases-manager");
        manager.browser.findElement(By.cssSelector("#case-" + id + " h2 a")).click();
        manager.waitFor(By.id("step-acknowledge"));
        assertThat(manager.text(By.id("status"))).isEqualTo("wacht op bevestiging");
        assertThat(manager.ids("details.step")).containsExactly("step-acknowledge", "step-notify-communications",
                "step-correspondence", "step-escalate");
        manager.screenshot("case-manager-escalated");

        manager.take("acknowledge", Map.of("acknowledge-note", "Ik bel de leraar vandaag"));
        assertThat(manager.text(By.id("status"))).isEqualTo("in behandeling");
        assertThat(manager.ids("details.step")).contains("step-strategy", "step-measures", "step-close")
                .doesNotContain("step-acknowledge", "step-police-report", "step-inspector");

        // A refused step: a strategy without elements; the refusal stands next to the choices, what was typed stays.
        manager.take("strategy", Map.of("strategy-description", "Niet online reageren; de ouder uitnodigen"), false);
        assertThat(manager.text(By.id("strategy-elements-problem"))).isEqualTo("Vul dit in.");
        assertThat(manager.browser.findElement(By.id("strategy-description")).getAttribute("value"))
                .isEqualTo("Niet online reageren; de ouder uitnodigen");
        manager.screenshot("case-manager-refused");
        manager.browser.findElement(By.id("strategy-NO_ONLINE_REACTION")).click();
        manager.browser.findElement(By.id("strategy-CONVERSATION_IN_PERSON")).click();
        manager.submit("strategy", true);
        assertThat(manager.text(By.id("status"))).isEqualTo("aanpak afgesproken");
        assertThat(manager.text(By.id("strategy"))).contains("Niet online reageren", "Een gesprek in het echt");

        manager.take("notify-communications", Map.of("notify-communications-message", "Ouder bedreigt een leraar op Facebook"));
        assertThat(manager.ids("details.step")).doesNotContain("step-notify-communications");

        manager.open("measures");
        assertThat(manager.options("measures-measure")).containsExactly("", "WARNING", "REPRIMAND");
        new Select(manager.browser.findElement(By.id("measures-personId"))).selectByValue("pupil-7");
        new Select(manager.browser.findElement(By.id("measures-measure"))).selectByValue("WARNING");
        manager.take("measures", Map.of("measures-reason", "Deelde de bedreiging"));
        assertThat(manager.text(By.id("measures"))).contains("waarschuwing: pupil-7 (leerling)");

        manager.take("escalate", Map.of("escalate-reason", "Bedreiging: het bestuur beslist over aangifte"));
        assertThat(manager.text(By.id("holder"))).isEqualTo("het bestuur");
        manager.screenshot("case-manager-escalated-to-board");

        // The communications department: the case it was informed of, without measures, with nothing to do.
        Person comms = signIn("comms", "/cases");
        comms.waitFor(By.id("case-" + id));
        comms.screenshot("cases-communications");
        comms.browser.get(system.webUrl() + "/cases/" + id);
        comms.waitFor(By.id("no-actions"));
        assertThat(comms.text(By.id("strategy"))).contains("Niet online reageren");
        assertThat(comms.text(By.id("summary"))).contains("Een ouder bedreigt een leraar");
        assertThat(comms.browser.findElements(By.id("measures"))).isEmpty();
        assertThat(comms.browser.findElements(By.cssSelector("details.step"))).isEmpty();
        comms.screenshot("case-communications");
        comms.quit();

        // The board: acknowledges, files with the police, suspends the parent, closes.
        Person board = signIn("board", "/cases");
        board.waitFor(By.id("case-" + id));
        board.screenshot("cases-board");
        board.browser.get(system.webUrl() + "/cases/" + id);
        board.waitFor(By.id("step-acknowledge"));
        board.take("acknowledge", Map.of());
        assertThat(board.ids("details.step")).contains("step-police-report", "step-police-declined", "step-inspector",
                "step-measures", "step-close");
        board.take("police-report", Map.of("police-report-offence", "Bedreiging (art. 285 Sr)",
                "police-report-policeReference", "PL0900-2026-1234"));
        assertThat(board.text(By.id("police-reports"))).contains("Bedreiging (art. 285 Sr)", "PL0900-2026-1234");

        board.open("measures");
        assertThat(board.options("measures-measure")).contains("SUSPENSION", "DISMISSAL", "REMOVAL");
        new Select(board.browser.findElement(By.id("measures-personId"))).selectByValue("parent-3");
        new Select(board.browser.findElement(By.id("measures-measure"))).selectByValue("DISMISSAL");
        board.take("measures", Map.of("measures-reason", "Bedreigde een leraar"), false);
        assertThat(board.text(By.id("measures-measure-problem"))).isEqualTo("Een ontslag is geen maatregel voor een ouder.");
        board.screenshot("case-board-refused");
        new Select(board.browser.findElement(By.id("measures-measure"))).selectByValue("SUSPENSION");
        board.submit("measures", true);
        assertThat(board.text(By.id("measures"))).contains("schorsing: parent-3 (ouder)");

        board.take("close", Map.of("close-outcome", "Berichten verwijderd, aangifte gedaan, ouder geschorst"));
        assertThat(board.text(By.id("status"))).isEqualTo("gesloten");
        assertThat(board.browser.findElements(By.cssSelector("details.step"))).isEmpty();
        board.waitFor(By.id("no-actions"));
        board.screenshot("case-board-closed");

        // Back on the manager's page, nothing is offered any more either.
        manager.browser.navigate().refresh();
        manager.waitFor(By.id("no-actions"));
    }

    /** A person in their own browser, signed in at the embedded provider, at {@code path}. */
    private Person signIn(String user, String path) throws Exception {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(SignInBrowserIT.CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(Path.of("target", "e2e-logs", getClass().getSimpleName(), "chromedriver-" + user + ".log").toFile())
                .build();
        driverServices.add(service);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(SignInBrowserIT.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--window-size=1280,1000", "--lang=nl-NL",
                "--user-data-dir=" + profiles.resolve(user));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        ChromeDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        Person person = new Person(browser, new WebDriverWait(browser, Duration.ofSeconds(20)));
        String web = system.webUrl();
        browser.get(web + path);
        person.waiting.until(ExpectedConditions.urlToBe(web + "/signin"));
        browser.findElement(By.id("signin")).click();
        person.waitFor(By.id("username"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("submit")).click();
        person.waiting.until(ExpectedConditions.urlToBe(web + path));
        return person;
    }

    /** One person's browser and what they do in it. */
    private record Person(ChromeDriver browser, WebDriverWait waiting) {

        void waitFor(By element) {
            waiting.until(ExpectedConditions.presenceOfElementLocated(element));
        }

        String text(By element) {
            waitFor(element);
            return browser.findElement(element).getText();
        }

        List<String> ids(String css) {
            return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("id")).toList();
        }

        List<String> options(String select) {
            return new Select(browser.findElement(By.id(select))).getOptions().stream()
                    .map(o -> o.getAttribute("value")).toList();
        }

        /** Opens a step's form (its summary), when it is not open yet. */
        void open(String step) {
            WebElement details = browser.findElement(By.id("step-" + step));
            if (details.getAttribute("open") == null) {
                details.findElement(By.tagName("summary")).click();
            }
        }

        void take(String step, Map<String, String> fields) {
            take(step, fields, true);
        }

        /** Opens the step, types the fields (by element id) and sends it; expects it done or refused. */
        void take(String step, Map<String, String> fields, boolean done) {
            open(step);
            fields.forEach((field, value) -> {
                WebElement input = browser.findElement(By.id(field));
                input.clear();
                input.sendKeys(value);
            });
            submit(step, done);
        }

        void submit(String step, boolean done) {
            WebElement button = browser.findElement(By.id("submit-" + step));
            button.click();
            waiting.until(ExpectedConditions.stalenessOf(button));
            if (done) {
                waitFor(By.id("done"));
            } else {
                waitFor(By.cssSelector("#step-" + step + " .field-problem, #step-" + step + "-problem"));
            }
        }

        void screenshot(String name) throws Exception {
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }

        void quit() {
            browser.quit();
        }
    }
}
