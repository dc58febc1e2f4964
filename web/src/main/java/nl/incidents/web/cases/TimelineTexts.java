package nl.incidents.web.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.incidents.kernel.timeline.TimelineCode;
import nl.incidents.web.layout.Names;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The case page's timeline (verloop) in the person's language: each line by its code ({@code cases.timeline.<code>} in
 * {@code messages/cases_nl.properties} and {@code _en}), its enum values by the labels the pages already use (harms,
 * stages, steps, measures, strategy elements, roles), people and schools by name ({@link Names}), times in Dutch time
 * ({@code 30 november 2026 21:15}), and a person's own words as typed. A line without a code, or of a code this module
 * does not know yet, is shown as the query service's English sentence. Templates use it as {@code @timelineTexts}.
 */
@Component("timelineTexts")
public class TimelineTexts {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final MessageSource messages;
    private final Names names;

    TimelineTexts(MessageSource messages, Names names) {
        this.messages = messages;
        this.names = names;
    }

    /** The line in the person's language. */
    public String line(CaseViews.TimelineEntry entry, Locale locale) {
        TimelineCode code;
        try {
            code = entry.code() == null ? null : TimelineCode.of(entry.code());
        } catch (IllegalArgumentException unknown) {
            code = null;
        }
        if (code == null) {
            return entry.text() == null ? "" : entry.text();
        }
        Map<String, String> p = entry.params();
        Object[] args = switch (code) {
            case REPORTED -> new Object[] {label("stage", p.get("stage"), locale), label("platform", p.get("platform"), locale),
                    label("severity", p.get("severity"), locale), labels("harm", p.get("harms"), locale)};
            case ESCALATED -> new Object[] {holder(p, locale), words(p.get("reason"), locale)};
            case ESCALATED_BY_SYSTEM -> new Object[] {holder(p, locale), p.get("cause") != null
                    ? words(text("cases.timeline.cause." + p.get("cause"), locale), locale) : words(p.get("reason"), locale)};
            case ACKNOWLEDGED -> new Object[] {holder(p, locale), words(p.get("note"), locale)};
            case STRATEGY_AGREED -> new Object[] {names.person(p.get("agreedWith")), labels("strategy", p.get("elements"), locale)};
            case COMMUNICATIONS_NOTIFIED -> new Object[] {};
            case COMMUNICATIONS_NOTIFIED_BY_SYSTEM -> new Object[] {p.get("overdueSince") == null ? ""
                    : text("cases.timeline.overdueSince", locale, time(p.get("overdueSince"), locale))};
            case FILED_WITH_POLICE -> new Object[] {p.getOrDefault("offence", "")};
            case POLICE_REPORT_DECLINED -> new Object[] {p.getOrDefault("reason", "")};
            case REPORTED_TO_INSPECTOR -> new Object[] {names.person(p.get("staffMember"))};
            case MEASURE_IMPOSED -> new Object[] {label("measure", p.get("measure"), locale), names.person(p.get("personId")),
                    label("party", p.get("partyRole"), locale)};
            case CORRESPONDENCE_RECORDED -> new Object[] {names.person(p.get("personId"))};
            case CLOSED -> new Object[] {p.getOrDefault("outcome", "")};
            case TERMS_RECORDED -> new Object[] {label("clock", p.get("clock"), locale), label("region", p.get("region"), locale),
                    text("cases.timeline.legalDuty." + ("true".equals(p.get("legalDuty")) ? "yes" : "no"), locale)};
            case DEADLINE_SET, STEP_OVERDUE -> new Object[] {label("due", p.get("step"), locale), time(p.get("dueAt"), locale),
                    p.get("level") == null ? "" : text("cases.timeline.heldBy", locale, holder(p, locale))};
            case REMINDER_SET -> new Object[] {label("due", p.get("step"), locale), time(p.get("dueAt"), locale)};
            case BOARD_REMINDED -> new Object[] {p.getOrDefault("reminder", ""), label("due", p.get("step"), locale)};
            case LEGAL_HOLD_PLACED, LEGAL_HOLD_LIFTED -> new Object[] {p.getOrDefault("reason", "")};
            case NEED_TO_KNOW, NEED_TO_KNOW_LIFTED -> new Object[] {p.getOrDefault("reason", "")};
            case NEED_TO_KNOW_READER_ADDED, NEED_TO_KNOW_READER_REMOVED -> new Object[] {
                    names.personWithRole(p.get("personId"), locale)};
            case POLICE_REPORT_CONCLUDED -> new Object[] {p.getOrDefault("outcome", "")};
            case PERSON_ERASED, CASE_ERASED -> new Object[] {p.getOrDefault("request", ""),
                    text("board.erasure.ground." + p.get("ground"), locale),
                    text("board.erasure.requester." + p.get("requestedBy"), locale)};
            case EVIDENCE_ATTACHED -> new Object[] {p.getOrDefault("fileName", ""), p.getOrDefault("sha256", "")};
        };
        return messages.getMessage("cases.timeline." + code.code(), args, entry.text(), locale);
    }

    private String holder(Map<String, String> p, Locale locale) {
        return names.holder(p.get("level"), p.get("personId"), locale);
    }

    /** A person's own words after a colon, or nothing. */
    private String words(String typed, Locale locale) {
        return typed == null || typed.isBlank() ? "" : text("cases.timeline.words", locale, typed);
    }

    private String label(String kind, String value, Locale locale) {
        return value == null ? "" : messages.getMessage("cases." + kind + "." + value, null, value, locale);
    }

    /** Comma-separated enum names as their labels. */
    private String labels(String kind, String values, Locale locale) {
        if (values == null || values.isBlank()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (String value : values.split(",")) {
            words.add(label(kind, value.strip(), locale));
        }
        return String.join(", ", words);
    }

    private String time(String iso, Locale locale) {
        if (iso == null) {
            return "";
        }
        try {
            return DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).withZone(DUTCH_TIME).format(Instant.parse(iso));
        } catch (DateTimeParseException unreadable) {
            return iso;
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
