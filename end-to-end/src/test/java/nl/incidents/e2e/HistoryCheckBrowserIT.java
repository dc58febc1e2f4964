package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The board checks the tamper-evident history in a real Chromium, on the system the browser tests share: from a case's
 * history page, "Controleer de geschiedenis" says the case's chain holds; the whole store's check says every case and
 * event is unchanged. (A changed byte in the store is found by the command service's TamperEvidentHistoryTest, on both
 * stores; this test is the board's way to it.) Each page is screenshot and checked with axe-core.
 */
class HistoryCheckBrowserIT {

    @TempDir
    Path profiles;

    private Chromium chromium;

    @BeforeEach
    void start() {
        Chromium.requireBrowser(); // skipped without a browser, a failure under INCIDENTS_REQUIRE_ALL=1
        chromium = new Chromium(getClass().getSimpleName(), profiles);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theBoardChecksACaseFromItsHistoryAndThenTheWholeStore() throws Exception {
        SignInSystem system = SignInSystem.shared();
        String id = LiveBrowserIT.report(system.commandServiceUrl());
        Person board = chromium.person("board", system.webUrl()).signIn("/board");
        board.waitFor(By.id("integrity-link"));

        board.open("/cases/" + id + "/history");
        board.waitFor(By.id("events"));
        board.click("verify-history");
        board.waitFor(By.id("case-verdict"));
        assertThat(board.text("case-verdict")).startsWith("De geschiedenis van deze zaak is ongewijzigd: de keten van ")
                .endsWith(" gebeurtenissen klopt.");
        board.seen("board-integrity-case");

        board.click("check-store");
        board.waitFor(By.id("store-verdict"));
        assertThat(board.text("store-verdict")).startsWith("Alles is ongewijzigd: ");
        assertThat(board.absent(By.id("broken"))).isTrue();
        board.seen("board-integrity-store");
    }
}
