package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in as a person does, in a real Chromium (Debian's {@code chromium} with its {@code chromedriver}, driven by
 * Selenium; nothing is downloaded): a page opened without a session goes to sign-in; at the embedded provider a wrong
 * password is refused with a message; the teacher signs in and the start page names their role and school; signing
 * out ends it, and the next page goes to sign-in again. Without the browser the test is skipped, unless
 * {@code INCIDENTS_REQUIRE_ALL=1}: then it fails.
 */
class SignInBrowserIT {

    @TempDir
    Path profile;

    private SignInSystem system;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        Chromium.requireBrowser(); // skipped without a browser, a failure under INCIDENTS_REQUIRE_ALL=1
        system = SignInSystem.shared();
        chromium = new Chromium(getClass().getSimpleName(), profile);
        browser = chromium.session();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theTeacherSignsInSeesWhoTheyAreAndSignsOut() throws Exception {
        String web = system.webUrl();

        // No session: the start page sends the browser to sign-in.
        browser.get(web + "/");
        wait.until(ExpectedConditions.urlToBe(web + "/signin"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inloggen");

        // "Inloggen" goes to the provider's own form; a wrong password is refused with a message.
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.urlToBe(web + "/provider/login"));
        signIn("teacher", "not-the-password");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("Gebruikersnaam of wachtwoord onjuist");

        // The right password: back at the start page, which says who the teacher is.
        signIn("teacher", "demo");
        wait.until(ExpectedConditions.urlToBe(web + "/"));
        Chromium.screenshot((ChromeDriver) browser, "start");
        assertThat(browser.findElements(By.id("problem"))).as("a problem on the start page: %s", browser.getPageSource()).isEmpty();
        assertThat(browser.findElement(By.id("welcome")).getText()).isEqualTo("Welkom, Tessa de Vries");
        assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("leraar/medewerker");
        assertThat(browser.findElement(By.id("schools")).getText()).contains("OBS De Esch");

        // The browser holds a session cookie only, out of reach of scripts.
        Cookie session = browser.manage().getCookieNamed("INCIDENTS_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(browser.manage().getCookies()).extracting(Cookie::getName).containsOnly("INCIDENTS_SESSION");

        // Sign out: through the provider's logout and back; the next page goes to sign-in again.
        browser.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.urlToBe(web + "/signin"));
        browser.get(web + "/");
        wait.until(ExpectedConditions.urlToBe(web + "/signin"));
        assertThat(browser.findElement(By.id("signin")).getText()).isEqualTo("Inloggen");
    }

    private void signIn(String user, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("submit")).click();
    }
}
