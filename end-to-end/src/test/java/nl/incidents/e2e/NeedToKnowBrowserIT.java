package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Need to know in a real Chromium, on the system the browser tests share. A teacher of school-2 reports a case, which
 * goes to school-2's manager. The board marks it "Alleen wie het moet weten": without a reason it is refused next to
 * the field; with one the case page shows the badge "Vertrouwelijk" and the reason. School-2's manager no longer finds
 * it in their list, and its page says they may not read it. The board adds school-1's manager, chosen by name: only
 * then does the case appear in that manager's list, with the badge, while school-2's manager, not added, still does
 * not see it. Each page is screenshot into target/screenshots/ and checked with axe-core. Without the browser the
 * test is skipped, unless {@code INCIDENTS_REQUIRE_ALL=1}.
 */
class NeedToKnowBrowserIT {

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
    void theBoardMarksACaseAndOnlyThoseItAddsSeeIt() throws Exception {
        String web = system.webUrl();
        Api commands = new Api(system.commandServiceUrl());
        Api queries = new Api(system.queryServiceUrl());
        Api.Response reported = commands.post("teacher2", "/api/incidents", Map.of("schoolId", "school-2",
                "platform", "WHATSAPP_GROUP", "location", "https://chat.whatsapp.com/need-to-know", "summary",
                "A colleague's private life is discussed in the parents' group.", "stage", "DERAILED",
                "harms", List.of("INSULTING"), "severity", "MEDIUM", "involvedParties", List.of(),
                "observedAt", Instant.now().minusSeconds(300).toString()));
        assertThat(reported.status()).isEqualTo(201);
        String id = reported.body().path("incidentId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("manager2", "/api/incidents/" + id).status() == 200);

        Person board = chromium.person("board", web).signIn("/cases/" + id);
        board.waitFor(By.id("step-need-to-know"));
        assertThat(board.absent(By.id("need-to-know-badge"))).isTrue();
        board.take("need-to-know", Map.of(), false);
        assertThat(board.text("need-to-know-reason-problem")).isNotBlank();
        board.seen("board-need-to-know-refused");

        board.take("need-to-know", Map.of("need-to-know-reason", "Het gaat over het privéleven van een collega."));
        assertThat(board.text("need-to-know-badge")).isEqualTo("Vertrouwelijk");
        assertThat(board.text("need-to-know-reason")).contains("Het gaat over het privéleven van een collega.",
                "Anne de Wit");
        assertThat(board.text(By.id("timeline"))).contains("Het bestuur maakte de zaak vertrouwelijk");
        assertThat(board.absent(By.id("step-need-to-know"))).as("marked once").isTrue();
        board.seen("board-need-to-know-marked");

        Person schoolsManager = chromium.person("manager2", web).signIn("/cases");
        schoolsManager.waitFor(By.id("case-list"));
        assertThat(schoolsManager.absent(By.id("case-" + id))).as("the school's own manager, not added").isTrue();
        schoolsManager.open("/cases/" + id);
        schoolsManager.waitFor(By.id("problem"));
        assertThat(schoolsManager.text("problem")).isEqualTo("U mag deze zaak niet inzien.");
        assertThat(schoolsManager.browser.getPageSource()).doesNotContain("privéleven").doesNotContain("Vertrouwelijk");

        Person other = chromium.person("manager", web).signIn("/cases");
        other.waitFor(By.id("case-list"));
        assertThat(other.absent(By.id("case-" + id))).as("not added yet").isTrue();

        board.open("/cases/" + id);
        board.openStep("add-reader");
        assertThat(board.options("add-reader-personId")).contains("manager", "manager2").doesNotContain("board");
        board.select("add-reader-personId", "manager");
        board.seen("board-need-to-know-add-reader");
        board.submit("add-reader", true);
        assertThat(board.text(By.id("readers"))).contains("Marieke Jansen");
        assertThat(board.options("remove-reader-personId")).contains("manager");
        board.open("/cases");
        board.waitFor(By.id("case-" + id));
        assertThat(board.text(By.cssSelector("#case-" + id + " .confidential"))).isEqualTo("Vertrouwelijk");

        other.open("/cases");
        other.waitFor(By.id("case-" + id));
        assertThat(other.text(By.cssSelector("#case-" + id + " .confidential"))).isEqualTo("Vertrouwelijk");
        other.seen("manager-added-need-to-know-list");
        other.open("/cases/" + id);
        other.waitFor(By.id("need-to-know-badge"));

        schoolsManager.open("/cases");
        schoolsManager.waitFor(By.id("case-list"));
        assertThat(schoolsManager.absent(By.id("case-" + id))).as("still not added").isTrue();
    }
}
