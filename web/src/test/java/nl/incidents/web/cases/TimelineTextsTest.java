package nl.incidents.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.incidents.kernel.timeline.TimelineCode;
import nl.incidents.web.layout.Names;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every code the query service may give a timeline line has its text in Dutch and in English, and a line of each
 * code, with all its parameters, is written without a placeholder left over and without the English sentence.
 */
class TimelineTextsTest {

    private final ResourceBundleMessageSource messages = messages();
    private final TimelineTexts texts = new TimelineTexts(messages,
            new Names(new MockEnvironment().withProperty("incidents.demo.enabled", "true"), messages));

    @Test
    void everyCodeHasItsTextInBothLanguages() {
        for (TimelineCode code : TimelineCode.values()) {
            for (Locale locale : new Locale[] {Locale.forLanguageTag("nl"), Locale.ENGLISH}) {
                assertThat(messages.getMessage("cases.timeline." + code.code(), null, null, locale))
                        .as("cases.timeline.%s in %s", code.code(), locale).isNotBlank();
            }
        }
    }

    @Test
    void everyCodeIsWrittenWithItsParametersInBothLanguages() {
        for (TimelineCode code : TimelineCode.values()) {
            Map<String, String> params = new HashMap<>();
            for (String name : code.parameters()) {
                params.put(name, sample(name));
            }
            CaseViews.TimelineEntry entry = new CaseViews.TimelineEntry(OffsetDateTime.parse("2026-11-30T10:00:00+01:00"),
                    null, code.code(), params, "ENGLISH SENTENCE");
            for (Locale locale : new Locale[] {Locale.forLanguageTag("nl"), Locale.ENGLISH}) {
                String line = texts.line(entry, locale);
                assertThat(line).as("%s in %s", code.code(), locale).isNotBlank().doesNotContain("{", "}", "ENGLISH SENTENCE",
                        "cases.", "ACKNOWLEDGE", "manager-1");
            }
        }
        CaseViews.TimelineEntry old = new CaseViews.TimelineEntry(null, null, null, null, "Closed: done");
        assertThat(texts.line(old, Locale.forLanguageTag("nl"))).isEqualTo("Closed: done");
        CaseViews.TimelineEntry unknown = new CaseViews.TimelineEntry(null, null, "something-new", Map.of(), "Something new");
        assertThat(texts.line(unknown, Locale.forLanguageTag("nl"))).isEqualTo("Something new");
    }

    @Test
    void aPersonTheDirectoryNoLongerKnowsKeepsTheirId() {
        CaseViews.TimelineEntry entry = new CaseViews.TimelineEntry(null, null, "acknowledged",
                Map.of("level", "MANAGER", "personId", "left-the-board"), "Acknowledged by manager left-the-board");
        assertThat(texts.line(entry, Locale.forLanguageTag("nl"))).isEqualTo("Ontvangst bevestigd door leidinggevende left-the-board");
    }

    private static String sample(String name) {
        return switch (name) {
            case "stage" -> "DERAILED";
            case "platform" -> "TIKTOK";
            case "severity" -> "CRITICAL";
            case "harms" -> "BULLYING,THREATENING";
            case "elements" -> "INVOLVE_PARENTS";
            case "level" -> "MANAGER";
            case "personId", "agreedWith", "staffMember" -> "manager";
            case "cause" -> "NOT_ACKNOWLEDGED";
            case "step" -> "ACKNOWLEDGE";
            case "dueAt", "overdueSince" -> "2026-11-30T09:00:00Z";
            case "measure" -> "SUSPENSION";
            case "partyRole" -> "STAFF";
            case "clock" -> "SCHOOL_TIME";
            case "region" -> "MIDDLE";
            case "legalDuty" -> "true";
            case "reminder" -> "2";
            default -> "typed words";
        };
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "messages/cases");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
