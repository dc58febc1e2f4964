package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One case through the whole protocol in a real Chromium, each role in its own browser session, on the system the
 * browser tests share: the teacher reports it on the report page (melding) and reads on the sent page who was told;
 * the manager (leidinggevende) finds it on their work list, acknowledges it, agrees the strategy (once refused, since
 * no element was chosen: the refusal stands next to the choices and what was typed stays), informs the communications
 * department, warns a pupil (waarschuwing) and escalates it to the board; the communications department reads it
 * without the measures and is offered nothing; the board acknowledges it, files with the police (aangifte), is refused
 * a dismissal of a parent (shown next to the measure), suspends the parent (schorsing) and closes the case, which is
 * then kept while the police report runs: the board places a legal hold (bewaarblokkade), lifts it, and records the
 * police report's outcome, after which nothing holds the case; the board reads the case's full history and the
 * pupil's dossier; the teacher's "Mijn meldingen" says it is closed. Every page is screenshot into target/screenshots/ and checked with axe-core. Without
 * the browser the test is skipped, unless {@code INCIDENTS_REQUIRE_ALL=1}: then it fails.
 */
class CaseThroughTheProtocolBrowserIT {

    @TempDir
    Path profiles;

    private SignInSystem system;
    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        Chromium.requireBrowser(); // skipped without a browser, a failure under INCIDENTS_REQUIRE_ALL=1
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
    void oneCaseGoesThroughTheWholeProtocolEachRoleInItsOwnBrowser() throws Exception {
        String web = system.webUrl();

        // The teacher reports it on the report page.
        Person teacher = chromium.person("teacher", web).signIn("/report");
        teacher.waitFor(By.id("send"));
        teacher.select("platform", "FACEBOOK");
        teacher.type("location", "https://www.facebook.com/groups/ouders-de-esch/posts/1");
        teacher.type("summary", "Een ouder bedreigt een leraar in de oudergroep; anderen doen mee");
        teacher.click("stage-DERAILED");
        teacher.click("harm-THREATENING");
        teacher.click("harm-INSULTING");
        teacher.click("severity-HIGH");
        teacher.click("add-row");
        teacher.waitFor(By.id("parties-2-personId"));
        party(teacher, 0, "parent-3", "PARENT", "AUTHOR");
        party(teacher, 1, "pupil-7", "PUPIL", "AUTHOR");
        party(teacher, 2, "staff-9", "STAFF", "BYSTANDER");
        teacher.click("send");
        teacher.wait.until(ExpectedConditions.urlMatches("/report/[0-9a-f-]{36}/sent$"));
        Matcher sent = Pattern.compile("/report/([0-9a-f-]{36})/sent$").matcher(teacher.browser.getCurrentUrl());
        assertThat(sent.find()).isTrue();
        String id = sent.group(1);
        assertThat(teacher.text("sent-to")).isEqualTo(
                "Uw melding is meteen doorgestuurd naar Marieke Jansen, leidinggevende van OBS De Esch.");
        teacher.seen("protocol-report-sent");

        // The manager: the work list, then the case page with the steps of their mandate.
        Person manager = chromium.person("manager", web).signIn("/cases");
        manager.wait.until(browser -> {
            if (manager.absent(By.id("case-" + id))) {
                browser.navigate().refresh(); // the list is live, but it may have been drawn before the case arrived
                return false;
            }
            return true;
        });
        assertThat(manager.text(By.cssSelector("#case-" + id + " .due"))).contains(", uiterlijk ");
        manager.seen("cases-manager");
        manager.browser.findElement(By.cssSelector("#case-" + id + " h2 a")).click();
        manager.waitFor(By.id("step-acknowledge"));
        assertThat(manager.text("status")).isEqualTo("wacht op bevestiging");
        assertThat(manager.ids("details.step")).containsExactly("step-acknowledge", "step-notify-communications",
                "step-correspondence", "step-escalate");
        manager.seen("case-manager-escalated");

        manager.take("acknowledge", Map.of("acknowledge-note", "Ik bel de leraar vandaag"));
        assertThat(manager.text("status")).isEqualTo("in behandeling");
        assertThat(manager.ids("details.step")).contains("step-strategy", "step-measures", "step-close")
                .doesNotContain("step-acknowledge", "step-police-report", "step-inspector");

        // A refused step: a strategy without elements; the refusal stands next to the choices, what was typed stays.
        manager.take("strategy", Map.of("strategy-description", "Niet online reageren; de ouder uitnodigen"), false);
        assertThat(manager.text("strategy-elements-problem")).isEqualTo("Vul dit in.");
        assertThat(manager.browser.findElement(By.id("strategy-description")).getAttribute("value"))
                .isEqualTo("Niet online reageren; de ouder uitnodigen");
        manager.seen("case-manager-refused");
        manager.click("strategy-NO_ONLINE_REACTION");
        manager.click("strategy-CONVERSATION_IN_PERSON");
        manager.submit("strategy", true);
        assertThat(manager.text("status")).isEqualTo("aanpak afgesproken");
        assertThat(manager.text("strategy")).contains("Niet online reageren", "Een gesprek in het echt");

        manager.take("notify-communications", Map.of("notify-communications-message", "Ouder bedreigt een leraar op Facebook"));
        assertThat(manager.ids("details.step")).doesNotContain("step-notify-communications");

        manager.openStep("measures");
        assertThat(manager.options("measures-measure")).containsExactly("", "WARNING", "REPRIMAND");
        manager.select("measures-personId", "pupil-7");
        manager.select("measures-measure", "WARNING");
        manager.take("measures", Map.of("measures-reason", "Deelde de bedreiging"));
        assertThat(manager.text("measures")).contains("waarschuwing", "pupil-7", "leerling");

        manager.take("escalate", Map.of("escalate-reason", "Bedreiging: het bestuur beslist over aangifte"));
        assertThat(manager.text("holder")).isEqualTo("het bestuur");
        manager.seen("case-manager-escalated-to-board");

        // The communications department: the case it was informed of, without measures, with nothing to do.
        Person comms = chromium.person("comms", web).signIn("/cases");
        comms.waitFor(By.id("case-" + id));
        comms.seen("cases-communications");
        comms.open("/cases/" + id);
        comms.waitFor(By.id("no-actions"));
        assertThat(comms.text("strategy")).contains("Niet online reageren");
        assertThat(comms.text("summary")).contains("Een ouder bedreigt een leraar");
        assertThat(comms.absent(By.id("measures"))).isTrue();
        assertThat(comms.absent(By.cssSelector("details.step"))).isTrue();
        comms.seen("case-communications");

        // The board: acknowledges, files with the police, is refused a dismissal of a parent, suspends them, closes.
        Person board = chromium.person("board", web).signIn("/cases");
        board.waitFor(By.id("case-" + id));
        board.seen("cases-board");
        board.open("/cases/" + id);
        board.waitFor(By.id("step-acknowledge"));
        board.take("acknowledge", Map.of());
        assertThat(board.ids("details.step")).contains("step-police-report", "step-police-declined", "step-inspector",
                "step-measures", "step-close");
        board.take("police-report", Map.of("police-report-offence", "Bedreiging (art. 285 Sr)",
                "police-report-policeReference", "PL0900-2026-1234"));
        assertThat(board.text("police-reports")).contains("Bedreiging (art. 285 Sr)", "PL0900-2026-1234");

        board.openStep("measures");
        assertThat(board.options("measures-measure")).contains("SUSPENSION", "DISMISSAL", "REMOVAL");
        board.select("measures-personId", "parent-3");
        board.select("measures-measure", "DISMISSAL");
        board.take("measures", Map.of("measures-reason", "Bedreigde een leraar"), false);
        assertThat(board.text("measures-measure-problem")).isEqualTo("Een ontslag is geen maatregel voor een ouder.");
        board.seen("case-board-refused");
        board.select("measures-measure", "SUSPENSION");
        board.submit("measures", true);
        assertThat(board.text("measures")).contains("schorsing", "parent-3", "ouder");

        board.take("close", Map.of("close-outcome", "Berichten verwijderd, aangifte gedaan, ouder geschorst"));
        assertThat(board.text("status")).isEqualTo("gesloten");
        // Closed, the case is kept while its police report runs (bewaring): the board may record the report's outcome
        // and place a legal hold (bewaarblokkade), and say who needs to know of it; nothing else.
        assertThat(board.ids("details.step")).containsExactlyInAnyOrder("step-police-outcome", "step-legal-hold",
                "step-need-to-know");
        assertThat(board.text("holds-now")).contains("De aangifte loopt nog");
        board.seen("case-board-closed");
        board.take("legal-hold", Map.of("legal-hold-reason", "Ouders dreigen met een klacht bij de geschillencommissie"));
        assertThat(board.text("holds-now")).contains("Bewaarblokkade van het bestuur", "geschillencommissie");
        assertThat(board.ids("details.step")).contains("step-lift-legal-hold").doesNotContain("step-legal-hold");
        board.seen("case-board-legal-hold");
        board.take("lift-legal-hold", Map.of("lift-legal-hold-reason", "De klacht is ingetrokken"));
        assertThat(board.text("legal-holds")).contains("De klacht is ingetrokken");
        board.take("police-outcome", Map.of("police-outcome-outcome", "De politie heeft de ouder gewaarschuwd"));
        assertThat(board.text("holds")).contains("Niets houdt deze zaak vast");
        // Nothing holds the closed case any more: the board may keep it, or erase it (or say who needs to know).
        assertThat(board.ids("details.step")).containsExactly("step-legal-hold", "step-erase", "step-need-to-know");

        // The board reads the full history: every event, when and by whom.
        board.open("/cases/" + id + "/history");
        board.waitFor(By.id("events"));
        int events = new Api(system.queryServiceUrl()).get("board", "/api/incidents/" + id + "/history").body().size();
        assertThat(board.browser.findElements(By.cssSelector("#events tbody tr"))).hasSize(events);
        assertThat(board.text("events")).contains("op Facebook", "waarschuwing", "Deelde de bedreiging",
                "Aangifte gedaan bij de politie: Bedreiging (art. 285 Sr)", "schorsing", "Bedreigde een leraar",
                "Berichten verwijderd, aangifte gedaan, ouder geschorst");
        board.seen("protocol-history");

        // ...and the pupil's dossier: the warning, with its case.
        board.browser.findElement(By.cssSelector("#people a[href='/people/pupil-7']")).click();
        board.waitFor(By.id("entries"));
        assertThat(board.text("kind")).isEqualTo("Leerlingdossier");
        assertThat(board.text("entries")).contains("waarschuwing", "Deelde de bedreiging", id.substring(0, 8));
        board.seen("protocol-pupil-dossier");

        // Nothing is offered to the manager any more, and the teacher reads that the case is closed.
        manager.browser.navigate().refresh();
        manager.waitFor(By.id("no-actions"));
        teacher.open("/my-reports");
        assertThat(teacher.text("report-" + id)).contains("Afgesloten");
    }

    private static void party(Person teacher, int row, String personId, String role, String part) {
        teacher.type("parties-" + row + "-personId", personId);
        teacher.select("parties-" + row + "-role", role);
        teacher.select("parties-" + row + "-part", part);
    }
}
