package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A teacher reports a derailing discussion in a real Chromium, and the manager hears of it, each in their own
 * browser session against the three jars: the teacher's incomplete report is refused with the message next to the
 * field; the complete one (two people involved, a third row added without a script) is sent, the sent page names the
 * manager it went to, and "Mijn meldingen" lists it; the manager's unread count rises and the inbox entry links to
 * the case's page in the web module; marked read, the count falls again. Screenshots of each page go to
 * {@code target/screenshots/}, and axe-core finds no serious or critical WCAG 2.1 AA violation on any of them. Without the browser the test is skipped, unless {@code INCIDENTS_REQUIRE_ALL=1}.
 */
class TeacherReportsBrowserIT {

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
    void theTeacherReportsTheManagerIsToldAndTheInboxLinksToTheCase() throws Exception {
        String web = system.webUrl();
        Person manager = chromium.person("manager", web);
        Person teacher = chromium.person("teacher", web);

        // The manager, in their own browser: how many notices are unread before.
        manager.signIn("/inbox");
        int unreadBefore = manager.unread();

        // The teacher opens "Melden" from the header.
        teacher.signIn("/");
        teacher.browser.findElement(By.linkText("Melden")).click();
        teacher.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send")));
        assertThat(teacher.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Melding maken");
        assertThat(teacher.browser.findElement(By.id("advice")).getText()).contains("Ga niet online in discussie");
        assertThat(new Select(teacher.browser.findElement(By.id("schoolId"))).getFirstSelectedOption().getText())
                .isEqualTo("OBS De Esch");
        assertThat(teacher.browser.findElement(By.id("observedAt")).getAttribute("value")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        teacher.seen("report-form");

        // An incomplete report: not sent, and each fault is next to its field.
        teacher.type("location", "de appgroep van 7b");
        teacher.browser.findElement(By.id("send")).click();
        teacher.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("location-error")));
        assertThat(teacher.browser.findElement(By.id("location-error")).getText())
                .contains("Vul een webadres in dat begint met http:// of https://");
        assertThat(teacher.browser.findElement(By.id("location")).getAttribute("aria-describedby")).contains("location-error");
        assertThat(teacher.browser.findElement(By.id("summary-error")).getText()).contains("Beschrijf wat er gebeurt.");
        assertThat(teacher.browser.findElement(By.id("errors")).getText()).contains("De melding is nog niet verstuurd");
        teacher.seen("report-invalid");

        // Completed, with a third row added without a script and left empty, and two people involved.
        teacher.type("location", "https://chat.whatsapp.com/7b-ouders");
        teacher.type("summary", "Ouders schelden in de klassenapp een leerkracht uit en delen een foto van een leerling.");
        new Select(teacher.browser.findElement(By.id("platform"))).selectByValue("WHATSAPP_GROUP");
        teacher.browser.findElement(By.id("stage-DERAILED")).click();
        teacher.browser.findElement(By.id("harm-INSULTING")).click();
        teacher.browser.findElement(By.id("harm-PRIVACY_BREACH")).click();
        teacher.browser.findElement(By.id("severity-HIGH")).click();
        teacher.type("parties-0-personId", "P-2002");
        new Select(teacher.browser.findElement(By.id("parties-0-role"))).selectByValue("PARENT");
        new Select(teacher.browser.findElement(By.id("parties-0-part"))).selectByValue("AUTHOR");
        teacher.browser.findElement(By.id("add-row")).click();
        teacher.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("parties-2-personId")));
        assertThat(teacher.browser.switchTo().activeElement().getAttribute("id")).isEqualTo("parties-2-personId");
        assertThat(teacher.browser.findElement(By.id("parties-0-personId")).getAttribute("value")).isEqualTo("P-2002");
        teacher.type("parties-1-personId", "L-1001");
        new Select(teacher.browser.findElement(By.id("parties-1-role"))).selectByValue("PUPIL");
        new Select(teacher.browser.findElement(By.id("parties-1-part"))).selectByValue("TARGET");
        teacher.browser.findElement(By.id("send")).click();

        // Sent: the page names the manager it went to, and what happens next.
        teacher.wait.until(ExpectedConditions.urlMatches("/report/[0-9a-f-]{36}/sent$"));
        Matcher sentUrl = Pattern.compile("/report/([0-9a-f-]{36})/sent$").matcher(teacher.browser.getCurrentUrl());
        assertThat(sentUrl.find()).isTrue();
        String caseId = sentUrl.group(1);
        teacher.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sent-to")));
        assertThat(teacher.browser.findElement(By.id("sent-to")).getText())
                .isEqualTo("Uw melding is meteen doorgestuurd naar Marieke Jansen, leidinggevende van OBS De Esch.");
        assertThat(teacher.browser.findElement(By.id("advice")).getText()).contains("ga niet in discussie met leerlingen of ouders");
        teacher.seen("report-sent");

        // My reports lists it, with its status.
        teacher.browser.findElement(By.linkText("Mijn meldingen")).click();
        teacher.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-" + caseId)));
        assertThat(teacher.browser.findElement(By.id("report-" + caseId)).getText())
                .contains("WhatsApp-groep", "OBS De Esch", "Hoog", "Bij de leidinggevende, wacht op bevestiging");
        assertThat(teacher.browser.findElement(By.cssSelector("#report-" + caseId + " a")).getAttribute("href"))
                .isEqualTo(web + "/cases/" + caseId);
        teacher.seen("my-reports");

        // The manager's unread count rises; the inbox entry links to the case's page in the web module.
        manager.wait.until(browser -> {
            browser.navigate().refresh();
            return manager.unread() > unreadBefore;
        });
        assertThat(manager.unread()).isEqualTo(unreadBefore + 1);
        WebElement entry = manager.browser.findElement(By.cssSelector(".inbox-entry.unread"));
        assertThat(entry.findElement(By.cssSelector("a.case-link")).getAttribute("href")).isEqualTo(web + "/cases/" + caseId);
        assertThat(entry.getText()).contains(caseId, "Aan u doorgestuurd", web + "/cases/" + caseId)
                .doesNotContain("P-2002").doesNotContain("/api/incidents");
        manager.seen("inbox");

        // Marked read: the count falls back.
        entry.findElement(By.cssSelector("form.mark-read button")).click();
        manager.wait.until(browser -> manager.unread() == unreadBefore);

        // The form in English, and on a phone's screen.
        teacher.browser.get(web + "/report?lang=en");
        assertThat(teacher.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Report a discussion");
        teacher.seen("report-form-en");
        teacher.browser.get(web + "/report?lang=nl");
        teacher.phone(true);
        teacher.seen("report-form-phone");
    }
}
