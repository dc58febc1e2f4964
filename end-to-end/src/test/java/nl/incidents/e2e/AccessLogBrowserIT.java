package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The access log in a real Chromium, on the system the browser tests share: the manager opens a case's page, and the
 * board, from that case's history, opens its access log and finds the manager's read: by name and role, through a
 * page, from the browser's address (this machine), read and not refused. The manager then reads "Wie las mijn
 * gegevens" from the start page. Each page is screenshot into target/screenshots/ and checked with axe-core. Without
 * the browser the test is skipped, unless {@code INCIDENTS_REQUIRE_ALL=1}: then it fails.
 */
class AccessLogBrowserIT {

    @TempDir
    Path profiles;

    private SignInSystem system;
    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        Chromium.requireBrowser();
        system = SignInSystem.shared();
        chromium = new Chromium(getClass().getSimpleName(), profiles);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theBoardSeesInTheCasesAccessLogThatTheManagerOpenedItsPage() throws Exception {
        String web = system.webUrl();
        String id = LiveBrowserIT.report(system.commandServiceUrl());
        // The case is in the manager's list (a list is no read of a dossier: nothing is logged by waiting).
        Api queries = new Api(system.queryServiceUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("manager", "/api/incidents").body().toString().contains(id));

        Person manager = chromium.person("manager", web).signIn("/cases/" + id);
        manager.waitFor(By.id("status"));

        Person board = chromium.person("board", web).signIn("/cases/" + id + "/history");
        board.waitFor(By.id("events"));
        board.click("access-log-link");
        board.waitFor(By.id("access-log"));
        List<WebElement> rows = board.browser.findElements(By.cssSelector("#access-log tbody tr"));
        // Newest first: the board's own read of the history, then the manager's read of the case's page.
        assertThat(rows).extracting(WebElement::getText).anySatisfy(row -> assertThat(row)
                .contains("Marieke Jansen (leidinggevende)", "dossier van zaak " + id.substring(0, 8), "pagina",
                        "ingezien")
                .containsPattern("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"));
        assertThat(rows.get(0).getText()).contains("Anne de Wit (bestuur)", "geschiedenis van zaak " + id.substring(0, 8));
        board.seen("board-access-log");

        manager.open("/");
        manager.click("own-access-log-link");
        manager.waitFor(By.tagName("h1"));
        assertThat(manager.text(By.tagName("h1"))).isEqualTo("Wie las mijn gegevens");
        manager.seen("own-access-log");
    }
}
