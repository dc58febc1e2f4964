package nl.incidents.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page a person can reach, checked by axe-core in a real Chromium ({@link AccessibilityCheck}: no serious or
 * critical WCAG 2.1 AA violation), each as the role that opens it, in its own browser session. A new page is one line
 * in {@link #PAGES}. All pages are checked before the test fails, and the message lists every page's violations.
 */
class AccessibilityBrowserIT {

    /**
     * A page to check: its name (also its screenshot's), who opens it (null: nobody signed in) and its path
     * ({@code {id}}: a case the teacher reported, naming parent-9, before the pages are checked).
     */
    record Page(String name, String user, String path) {
    }

    static final List<Page> PAGES = List.of(
            new Page("signin", null, "/signin"),
            new Page("provider-login", null, "/oauth2/authorization/incidents"),
            new Page("start-teacher", "teacher", "/"),
            new Page("start-manager", "manager", "/"),
            new Page("start-board", "board", "/"),
            new Page("live-check", "manager", "/live/check"),
            new Page("cases-manager", "manager", "/cases"),
            new Page("case-manager", "manager", "/cases/{id}"),
            new Page("cases-board", "board", "/cases"),
            new Page("case-board", "board", "/cases/{id}"),
            new Page("cases-comms", "comms", "/cases"),
            new Page("board-dashboard", "board", "/board"),
            new Page("board-history", "board", "/cases/{id}/history"),
            new Page("board-person", "board", "/people/parent-9"),
            new Page("board-integrity", "board", "/board/integrity"),
            new Page("board-retention", "board", "/board/retention"),
            new Page("board-erasure", "board", "/people/parent-9/erasure"),
            new Page("board-access-log-case", "board", "/cases/{id}/access-log"),
            new Page("board-access-log-person", "board", "/people/parent-9/access-log"),
            new Page("own-access-log-manager", "manager", "/me/access-log"),
            new Page("report-teacher", "teacher", "/report"),
            new Page("my-reports-teacher", "teacher", "/my-reports"),
            new Page("inbox-manager", "manager", "/inbox"));

    @TempDir
    static Path profiles;

    private static SignInSystem system;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireBrowser();
        system = SignInSystem.shared();
        chromium = new Chromium(AccessibilityBrowserIT.class.getSimpleName(), profiles);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void noPageHasASeriousOrCriticalViolation() throws Exception {
        String web = system.webUrl();
        String id = LiveBrowserIT.report(system.commandServiceUrl());
        Map<String, ChromeDriver> sessions = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (Page page : PAGES) {
            ChromeDriver browser = page.user() == null
                    ? sessions.computeIfAbsent("", user -> newSession())
                    : sessions.computeIfAbsent(page.user(), user -> signedIn(web, user));
            browser.get(web + page.path().replace("{id}", id));
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("main")));
            Chromium.screenshot(browser, "a11y-" + page.name());
            try {
                List<String> minor = AccessibilityCheck.assertNoSeriousViolations(browser, page.name());
                minor.forEach(finding -> System.out.println("[a11y] " + page.name() + ": " + finding));
            } catch (AssertionError violation) {
                failures.add(violation.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    @Test
    void theCheckFailsOnASeriousViolationAndSaysWhere() throws Exception {
        ChromeDriver browser = newSession();
        // An image without a text alternative (critical) and a field without a label (critical).
        browser.get("data:text/html,<!DOCTYPE html><html lang=nl><head><title>t</title></head><body><main>"
                + "<img src=x.png><input type=text id=name></main></body></html>");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccessibilityCheck.assertNoSeriousViolations(browser, "bad"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("serious or critical accessibility violation(s) on bad")
                .hasMessageContaining("image-alt")
                .hasMessageContaining("<img src=\"x.png\">")
                .hasMessageContaining("label");
    }

    private static ChromeDriver newSession() {
        try {
            return chromium.session();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChromeDriver signedIn(String web, String user) {
        try {
            return chromium.signedIn(web, user);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
