package nl.incidents.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person in their own Chromium session ({@link Chromium#person}), and what the browser tests have them do: sign in
 * as a person does (a page, then "Inloggen", then the embedded provider's form), read and fill the page, take a step of
 * a case's page, and keep a screenshot and an axe-core check of each page they see.
 */
final class Person {

    final String user;
    final ChromeDriver browser;
    final WebDriverWait wait;
    private final String web;

    Person(String user, ChromeDriver browser, String web) {
        this.user = user;
        this.browser = browser;
        this.web = web;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Opens {@code path} (such as {@code /cases}) without a session, signs in (password "demo") and is back there. */
    Person signIn(String path) {
        browser.get(web + path);
        wait.until(ExpectedConditions.urlToBe(web + "/signin"));
        browser.findElement(By.id("signin")).click();
        waitFor(By.id("username"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("submit")).click();
        try {
            wait.until(ExpectedConditions.urlToBe(web + path));
        } catch (org.openqa.selenium.TimeoutException stuck) {
            throw new AssertionError(user + " did not reach " + path + " but " + browser.getCurrentUrl(), stuck);
        }
        return this;
    }

    /** Signs out with the header's button; back at the sign-in page. */
    void signOut() {
        browser.get(web + "/");
        browser.findElement(By.cssSelector("form.signout button")).click();
        wait.until(ExpectedConditions.urlToBe(web + "/signin"));
    }

    /** Opens a page of the web module and waits for its main content. */
    void open(String path) {
        browser.get(web + path);
        waitFor(By.id("main"));
    }

    void waitFor(By element) {
        wait.until(ExpectedConditions.presenceOfElementLocated(element));
    }

    /**
     * The element's text. Parts of a page swap themselves when a case changes (live updates), so an element found a
     * moment ago may be gone: it is found again.
     */
    String text(By element) {
        waitFor(element);
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElement(element).getText();
            } catch (WebDriverException swapped) {
                if (attempt == 5 || !gone(swapped)) {
                    throw swapped;
                }
                waitFor(element);
            }
        }
    }

    /** Whether the browser says the element left the page (stale, or Chromium's "does not belong to the document"). */
    private static boolean gone(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    String text(String id) {
        return text(By.id(id));
    }

    boolean absent(By element) {
        return browser.findElements(element).isEmpty();
    }

    void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    void select(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    /** The ids of the elements {@code css} finds, in page order. */
    List<String> ids(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("id")).toList();
    }

    /** The values of a select's options, in order. */
    List<String> options(String select) {
        return new Select(browser.findElement(By.id(select))).getOptions().stream().map(o -> o.getAttribute("value")).toList();
    }

    /** The header's unread count (0 when it shows none); read again when the live refresh swapped it meanwhile. */
    int unread() {
        for (int attempt = 1; ; attempt++) {
            try {
                List<WebElement> badge = browser.findElements(By.cssSelector("#unread .badge span:first-child"));
                return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().strip());
            } catch (StaleElementReferenceException swapped) {
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
    }

    /** Opens a step of the case page (its summary), when it is not open yet. */
    void openStep(String step) {
        WebElement details = browser.findElement(By.id("step-" + step));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    /** Takes a step of the case page: opens it, types the fields (by element id), sends it and waits for "done". */
    void take(String step, Map<String, String> fields) {
        take(step, fields, true);
    }

    /** Opens the step, types the fields and sends it; expects it done, or refused with a problem next to it. */
    void take(String step, Map<String, String> fields, boolean done) {
        openStep(step);
        fields.forEach(this::type);
        submit(step, done);
    }

    void submit(String step, boolean done) {
        WebElement button = browser.findElement(By.id("submit-" + step));
        button.click();
        // The form's answer is a new page: the button of the old one is gone.
        wait.until(driver -> {
            try {
                button.isEnabled();
                return false;
            } catch (WebDriverException left) {
                if (gone(left)) {
                    return true;
                }
                throw left;
            }
        });
        if (done) {
            waitFor(By.id("done"));
        } else {
            waitFor(By.cssSelector("#step-" + step + " .field-problem, #step-" + step + "-problem"));
        }
    }

    /** An attribute of the element with this id, or null. */
    String attribute(String id, String name) {
        return browser.findElement(By.id(id)).getAttribute(name);
    }

    /**
     * Fetches a path from the page, as its own link would (the same session): the answer's status, content type,
     * content disposition and body (as UTF-8 text).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String path) {
        return (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status,
                    type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                    body: new TextDecoder('utf-8').decode(b)})), e => done({status: -1, body: String(e)}));""", path);
    }

    /** The whole page (the window made as tall as the page for the shot), as target/screenshots/{name}.png. */
    void screenshot(String name) throws Exception {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        boolean taller = height + 140 > window.getHeight();
        if (taller) {
            browser.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 140));
        }
        File shot = browser.getScreenshotAs(OutputType.FILE);
        if (taller) {
            browser.manage().window().setSize(window);
        }
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A screenshot and axe-core's check (WCAG 2.1 A and AA: no serious or critical violation) of the page as it is. */
    void seen(String name) throws Exception {
        screenshot(name);
        AccessibilityCheck.assertNoSeriousViolations(browser, name);
    }

    /** On a phone's screen (390 by 844), or back on the desktop's (1280 by 1000). */
    void phone(boolean phone) {
        browser.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 1000));
    }
}
