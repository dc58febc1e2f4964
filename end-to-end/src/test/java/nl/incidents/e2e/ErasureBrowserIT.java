package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The board's erasures in a real Chromium, on the system the browser tests share. From a pupil's dossier the board
 * opens "Gegevens van deze persoon wissen"; a reference that reads like a name is refused next to its field, the
 * choices kept; then the pupil's data is erased from their case: the page says so, the case page's parties read
 * {@code [verwijderd]} and its timeline and "Gewist" section name the request, the ground and who asked. The board
 * then closes the case and erases it whole from the case page. Each page is screenshot into target/screenshots/ and
 * checked with axe-core. Without the browser the test is skipped, unless {@code INCIDENTS_REQUIRE_ALL=1}.
 */
class ErasureBrowserIT {

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
    void theBoardErasesAPupilAndThenTheWholeCase() throws Exception {
        String web = system.webUrl();
        String pupil = "llnr-" + UUID.randomUUID().toString().substring(0, 8);
        Api commands = new Api(system.commandServiceUrl());
        Api queries = new Api(system.queryServiceUrl());
        Api.Response reported = commands.post("teacher", "/api/incidents", Map.of("schoolId", "school-1",
                "platform", "INSTAGRAM", "location", "https://www.instagram.com/p/erase", "summary",
                "A pupil posts photos of a teacher.", "stage", "DERAILED", "harms", List.of("BULLYING"),
                "severity", "MEDIUM", "involvedParties", List.of(Map.of("personId", pupil, "role", "PUPIL",
                        "part", "AUTHOR")), "observedAt", Instant.now().minusSeconds(300).toString()));
        assertThat(reported.status()).isEqualTo(201);
        String id = reported.body().path("incidentId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> commands.post("manager",
                "/api/incidents/" + id + "/acknowledgements", Map.of("note", "Seen.")).status() == 200);
        assertThat(commands.post("board", "/api/incidents/" + id + "/measures", Map.of("personId", pupil,
                "measure", "WARNING", "reason", "Posted photos of a teacher.")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("board", "/api/people/" + pupil + "/dossier")
                .status() == 200);

        Person board = chromium.person("board", web).signIn("/people/" + pupil);
        board.waitFor(By.id("entries"));
        board.click("erasure-link");
        board.waitFor(By.id("erasure-form"));
        board.type("request", "Vader belde boos");
        board.select("ground", "OBJECTION");
        board.select("requestedBy", "PARENT_OR_GUARDIAN");
        board.click("erase");
        board.waitFor(By.id("request-problem"));
        assertThat(board.text("request-problem")).contains("register van AVG-verzoeken", "geen naam");
        assertThat(board.browser.findElement(By.id("ground")).getAttribute("value")).isEqualTo("OBJECTION");
        board.seen("board-erasure-refused");

        board.type("request", "AVG-2026-014");
        board.click("erase");
        board.waitFor(By.id("erasure-result"));
        assertThat(board.text("erased-count")).isEqualTo("De gegevens van deze persoon zijn gewist uit 1 zaak:");
        assertThat(board.text(By.id("erased-from"))).contains(id);
        board.seen("board-erasure-done");

        // The query service shows the erasure once it has projected it; a page opened in the moment before, and whose
        // live stream connects after the change went out, keeps the case as it was until opened again.
        await().atMost(Duration.ofSeconds(20)).until(() -> !queries.get("board", "/api/incidents/" + id).body()
                .path("erasures").isEmpty());
        board.open("/cases/" + id);
        board.waitFor(By.id("erasures"));
        assertThat(board.text(By.id("erasures"))).contains("alles over een betrokkene gewist, verzoek AVG-2026-014",
                "Bezwaar gemaakt", "Een ouder of voogd");
        assertThat(board.text(By.id("timeline"))).contains("Alles over een betrokkene is gewist (verzoek AVG-2026-014");
        assertThat(board.browser.getPageSource()).doesNotContain(pupil).contains("[verwijderd]");
        board.open("/cases/" + id + "/history");
        board.waitFor(By.id("events"));
        assertThat(board.browser.getPageSource()).as("every event, the erasure's own included").doesNotContain(pupil)
                .contains("Alles over een betrokkene gewist: verzoek AVG-2026-014");

        assertThat(commands.post("board", "/api/incidents/" + id + "/closure", Map.of("outcome",
                "Talked with the pupil and the parents.")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("board", "/api/incidents/" + id).body()
                .path("actions").toString().contains("ERASE_CASE"));
        board.open("/cases/" + id);
        board.openStep("erase");
        board.type("erase-request", "AVG-2026-015");
        board.select("erase-ground", "NO_LONGER_NEEDED");
        board.select("erase-requestedBy", "BOARD");
        board.seen("board-erase-case-step");
        board.submit("erase", true);
        assertThat(board.text(By.id("erasures"))).contains("de zaak is gewist, verzoek AVG-2026-015");
        assertThat(board.text(By.id("timeline"))).contains("De zaak is gewist (verzoek AVG-2026-015");
        assertThat(board.browser.getPageSource()).doesNotContain("A pupil posts photos of a teacher.")
                .doesNotContain("Talked with the pupil");
        assertThat(board.absent(By.id("step-erase"))).as("nothing more to do in an erased case").isTrue();
        board.seen("board-case-erased");
    }
}
