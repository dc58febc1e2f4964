package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The board reads the protocol evaluation in a real Chromium on the system the browser tests share: five cases are
 * reported this school year; from the dashboard the board opens the evaluation (the last two complete school years
 * by default, in the pickers), picks this school year, and sees the whole board's figures, rounded to multiples of 5,
 * in tables with bar charts drawn beside them from rounded counts only; a date that is no date is said beside the pickers; the CSV and the PDF download from the page's
 * links. A manager is refused the page and the downloads. The page is screenshot and checked with axe-core. Skipped without the browser, unless
 * {@code INCIDENTS_REQUIRE_ALL=1}.
 */
class EvaluationBrowserIT {

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
    void theBoardReadsTheEvaluationWithChartsAndDownloadsItAsCsvAndPdf() throws Exception {
        SignInSystem system = SignInSystem.shared();
        Api queries = new Api(system.queryServiceUrl());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        LocalDate schoolYear = LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 8, 1);
        String period = "from=" + schoolYear + "&to=" + today.plusDays(1);
        for (int i = 0; i < 5; i++) {
            LiveBrowserIT.report(system.commandServiceUrl());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> queries.get("board", "/api/evaluation?" + period).body()
                .path("scopes").get(0).path("sections").get(0).path("figures").get(0).path("period").path("value")
                .asLong() >= 5);

        Person board = chromium.person("board", system.webUrl()).signIn("/board");
        board.waitFor(By.id("evaluation-link"));
        board.click("evaluation-link");
        board.waitFor(By.id("evaluation-periods"));
        assertThat(board.attribute("from", "value")).isEqualTo(schoolYear.minusYears(2).toString());
        assertThat(board.attribute("to", "value")).isEqualTo(schoolYear.toString());

        board.open("/board/evaluation?" + period);
        board.waitFor(By.id("board-cases"));
        String total = board.text(By.cssSelector("#board-cases tbody td"));
        assertThat(Integer.parseInt(total)).as("the board's cases this school year").isGreaterThanOrEqualTo(5);
        assertThat(Integer.parseInt(total) % 5).as("rounded to a multiple of 5: " + total).isZero();
        assertThat(board.text(By.id("board-severity"))).contains("hoog");
        assertThat(board.text(By.id("board-platform"))).contains("Facebook");
        board.waitFor(By.cssSelector("#board-severity-chart[data-drawn='true'] canvas"));
        JsonNode chart = Api.JSON.readTree(board.attribute("board-severity-chart", "data-chart"));
        chart.path("series").forEach(series -> series.path("data").forEach(bar -> assertThat(bar.isNull()
                || bar.asLong() % 5 == 0).as("a bar is a rounded count or none: " + bar).isTrue()));
        assertThat(board.attribute("evaluation-csv", "href")).endsWith("/board/evaluation.csv?" + period);
        board.seen("board-evaluation");

        Map<String, Object> csv = board.fetch("/board/evaluation.csv?" + period);
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertThat((String) csv.get("disposition")).contains("attachment", ".csv");
        assertThat((String) csv.get("body")).startsWith("scope,section,item,unit,period " + schoolYear)
                .contains("Stichting Demo Onderwijs,cases,total,cases," + total + ",");
        Map<String, Object> pdf = board.fetch("/board/evaluation.pdf?" + period);
        assertThat(pdf.get("status")).isEqualTo(200L);
        assertThat(pdf.get("type")).isEqualTo("application/pdf");
        assertThat((String) pdf.get("disposition")).contains("attachment", ".pdf");
        assertThat((String) pdf.get("body")).startsWith("%PDF-");

        board.open("/board/evaluation?from=2026-13-01");
        board.waitFor(By.id("date-problem"));
        assertThat(board.text("date-problem")).isEqualTo("Dit is geen datum. Schrijf de datum als 2024-08-01.");
        assertThat(board.attribute("from", "aria-invalid")).isEqualTo("true");

        Person manager = chromium.person("manager", system.webUrl()).signIn("/board/evaluation");
        manager.waitFor(By.id("problem"));
        assertThat(manager.text("problem")).isEqualTo("Alleen het bestuur bekijkt de evaluatie van het protocol.");
        assertThat(manager.fetch("/board/evaluation.csv").get("status")).isEqualTo(403L);
    }
}
