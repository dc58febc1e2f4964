package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The board looks at a case as it stood at an earlier moment, in a real Chromium on the system the browser tests
 * share: a case waits for the manager's acknowledgement; the board notes the moment, the manager acknowledges, and
 * the board, from the case's history, sees the case at the noted moment still waiting, with the acknowledgement
 * under "Sindsdien"; the case list at that moment shows the case waiting, marked as changed since, and the dashboard
 * then counts it among the cases waiting, each figure beside the figure now. Each page is screenshot and checked with
 * axe-core. Skipped without the browser, unless {@code INCIDENTS_REQUIRE_ALL=1}.
 */
class AsOfBrowserIT {

    @TempDir
    Path profiles;

    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        Chromium.requireBrowser();
        chromium = new Chromium(getClass().getSimpleName(), profiles);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theBoardSeesTheCaseAsItStoodBeforeItWasAcknowledged() throws Exception {
        SignInSystem system = SignInSystem.shared();
        String id = LiveBrowserIT.report(system.commandServiceUrl());
        Api queries = new Api(system.queryServiceUrl());
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("board", "/api/incidents/" + id).body()
                .path("status").asText().equals("ESCALATED"));
        // The moment to look back at, in Dutch time to the second as the page's picker takes it: the next whole
        // second, after the case's escalation and before its acknowledgement.
        LocalDateTime before = LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).isAfter(before.plusNanos(200_000_000)));
        // Always with its seconds: a moment to the minute counts to the end of that minute, as the pages say.
        String at = before.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        assertThat(new Api(system.commandServiceUrl()).post("manager", "/api/incidents/" + id + "/acknowledgements",
                Map.of("note", "Ik pak dit op.")).status()).isEqualTo(200);

        Person board = chromium.person("board", system.webUrl()).signIn("/cases/" + id + "/history");
        board.waitFor(By.id("events"));
        board.click("as-of-link");
        board.waitFor(By.id("at"));
        board.open("/cases/" + id + "/as-of?at=" + at);
        board.waitFor(By.id("as-of-moment"));
        assertThat(board.text("status-then")).isEqualTo("wacht op bevestiging");
        assertThat(board.text(By.id("timeline-then"))).doesNotContain("Ik pak dit op");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            board.open("/cases/" + id + "/as-of?at=" + at);
            assertThat(board.text(By.id("since"))).contains("Ik pak dit op");
        });
        board.seen("board-as-of");

        // The case list at the same moment: the case as it stood then, beside it now, marked as changed.
        board.open("/cases");
        board.waitFor(By.id("as-of-form"));
        board.open("/cases/as-of?at=" + at);
        board.waitFor(By.id("as-of-moment"));
        assertThat(board.text("as-of-moment")).startsWith("Zoals het was op");
        assertThat(board.text(By.cssSelector("#then-" + id + " .status-then"))).contains("geëscaleerd");
        assertThat(board.text(By.cssSelector("#then-" + id + " .status-now"))).contains("veranderd", "bevestigd");
        assertThat(board.text("since-summary")).startsWith("Sindsdien:");
        board.seen("board-as-of-list");

        // The dashboard at the same moment, each figure beside the figure now.
        board.open("/board");
        board.waitFor(By.id("as-of-form"));
        board.open("/board/as-of?at=" + at);
        board.waitFor(By.id("figures"));
        assertThat(board.text("as-of-moment")).startsWith("Zoals het was op");
        assertThat(Integer.parseInt(board.text(By.cssSelector("#figure-status-ESCALATED .then"))))
                .as("the case waited for its acknowledgement then").isPositive();
        assertThat(board.text("since-summary")).startsWith("Sindsdien: open zaken");
        board.seen("board-as-of-dashboard");
        board.click("to-now");
        board.waitFor(By.id("dashboard"));
        board.seen("board-dashboard-with-as-of-form");
    }
}
