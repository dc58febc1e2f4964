package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's Chromium driven by Selenium, as {@link SignInBrowserIT} starts it (Debian's {@code chromium} and
 * {@code chromedriver}, nothing downloaded), one browser session per person: each with its own profile, so its own
 * cookies. Skipped without the browser unless {@code INCIDENTS_REQUIRE_ALL=1}.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final String testName;
    private final Path profiles;
    private final List<ChromeDriverService> services = new ArrayList<>();
    private final List<ChromeDriver> browsers = new ArrayList<>();

    Chromium(String testName, Path profiles) {
        this.testName = testName;
        this.profiles = profiles;
    }

    /** Skips the test (or fails it under {@code INCIDENTS_REQUIRE_ALL=1}) when there is no Chromium here. */
    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("INCIDENTS_REQUIRE_ALL"))) {
            fail("INCIDENTS_REQUIRE_ALL=1 but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "no Chromium here: the browser test is skipped");
    }

    /** A new browser session, not signed in. */
    ChromeDriver session() throws Exception {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        int n = browsers.size();
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs", testName));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logs.resolve("chromedriver-" + n + ".log").toFile())
                .build();
        services.add(service);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--window-size=1280,1000", "--lang=nl-NL",
                "--user-data-dir=" + profiles.resolve("chromium-" + n));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        ChromeDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        return browser;
    }

    /** A person in a new browser session of their own, not signed in yet ({@link Person#signIn}). */
    Person person(String user, String web) throws Exception {
        return new Person(user, session(), web);
    }

    /** A new browser session in which the user signed in (password "demo"); it ends on the start page. */
    ChromeDriver signedIn(String web, String user) throws Exception {
        ChromeDriver browser = session();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(web + "/oauth2/authorization/incidents");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("submit")).click();
        try {
            wait.until(ExpectedConditions.urlToBe(web + "/"));
        } catch (org.openqa.selenium.TimeoutException stuck) {
            throw new AssertionError(user + " did not reach the start page but " + browser.getCurrentUrl() + ":\n"
                    + browser.getPageSource(), stuck);
        }
        return browser;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    static void screenshot(ChromeDriver browser, String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        browsers.forEach(ChromeDriver::quit);
        services.forEach(ChromeDriverService::stop);
    }
}
