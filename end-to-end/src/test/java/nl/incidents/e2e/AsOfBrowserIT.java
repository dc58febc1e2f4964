package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
 * under "Sindsdien". The page is screenshot and checked with axe-core. Skipped without the browser, unless
 * {@code INCIDENTS_REQUIRE_ALL=1}.
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
        assertThat(new Api(system.commandServiceUrl()).post("manager", "/api/incidents/" + id + "/acknowledgements",
                Map.of("note", "Ik pak dit op.")).status()).isEqualTo(200);

        Person board = chromium.person("board", system.webUrl()).signIn("/cases/" + id + "/history");
        board.waitFor(By.id("events"));
        board.click("as-of-link");
        board.waitFor(By.id("at"));
        board.open("/cases/" + id + "/as-of?at=" + before);
        board.waitFor(By.id("as-of-moment"));
        assertThat(board.text("status-then")).isEqualTo("wacht op bevestiging");
        assertThat(board.text(By.id("timeline-then"))).doesNotContain("Ik pak dit op");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            board.open("/cases/" + id + "/as-of?at=" + before);
            assertThat(board.text(By.id("since"))).contains("Ik pak dit op");
        });
        board.seen("board-as-of");
    }
}
