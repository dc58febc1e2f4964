package nl.incidents.web.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.incidents.kernel.protocol.Escalations;
import nl.incidents.web.layout.Names;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The board pages' words for what the services answer in codes, in the person's language (texts in
 * {@code messages/board_nl.properties} and {@code board_en.properties}): a time in Dutch time (Europe/Amsterdam,
 * {@code 29 november 2026 21:13}), a duration ({@code 1 u 20 min}, {@code 40 s}), the protocol's values (a step, a measure, a
 * severity...), and one sentence per event of a case's history with who took it and on whose behalf or because of
 * which deadline; people and schools by name ({@link Names}), the system's own reasons for an escalation in words. Templates use it as {@code @boardTexts}.
 */
@Component("boardTexts")
public class BoardTexts {

    /** Dutch time: the board's own, whatever the server's zone. */
    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final Pattern DEADLINE_CAUSE = Pattern.compile("(deadline|sweep): ([A-Z_]+) due (\\S+).*");
    /** The events the system works out itself, stored with the actor whose command caused them. */
    private static final List<String> COMPUTED = List.of("EscalationPolicyRecorded", "DeadlineSet", "StepOverdue",
            "BoardReminded");

    private final MessageSource messages;
    private final Names names;

    BoardTexts(MessageSource messages, Names names) {
        this.messages = messages;
        this.names = names;
    }

    /** A moment in Dutch time, for a person: {@code 29 november 2026 21:13}; empty for none. */
    public String time(OffsetDateTime at, Locale locale) {
        return at == null ? "" : time(at.toInstant(), locale);
    }

    private String time(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).withZone(DUTCH_TIME).format(at);
    }

    /** A day for a person: {@code 1 januari 2031}; empty for none. */
    public String day(LocalDate day, Locale locale) {
        return day == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day);
    }

    /** The machine-readable form of a moment, for {@code <time datetime>}. */
    public String datetime(OffsetDateTime at) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZoneSameInstant(DUTCH_TIME));
    }

    /**
     * A duration for a person: under a minute in seconds ({@code 40 s}), else in days, hours and minutes rounded to
     * the nearest minute ({@code 2 d 3 u}, {@code 1 u 20 min}, {@code 45 min}); a dash for none.
     */
    public String duration(Duration duration, Locale locale) {
        if (duration == null) {
            return "–";
        }
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return text("board.duration.seconds", locale, seconds);
        }
        long minutes = (seconds + 30) / 60;
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long rest = minutes % 60;
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(text("board.duration.days", locale, days));
        }
        if (hours > 0) {
            parts.add(text("board.duration.hours", locale, hours));
        }
        if (days == 0 && (rest > 0 || parts.isEmpty())) {
            parts.add(text("board.duration.minutes", locale, rest));
        }
        return String.join(" ", parts);
    }

    /** A value of the protocol in words: {@code label("step", "ACKNOWLEDGE")} is "bevestigen"; unknown values as given. */
    public String label(String kind, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return messages.getMessage("board." + kind + "." + value, null, value, locale);
    }

    /** Who holds a case: "het bestuur", or the manager by name: "leidinggevende Marieke Jansen". */
    public String assignee(DashboardView.Assignee assignee, Locale locale) {
        if (assignee == null) {
            return "";
        }
        return "BOARD".equals(assignee.level()) ? text("board.assignee.board", locale)
                : text("board.assignee.manager", locale, names.person(assignee.personId()));
    }

    /** The kind of an event in a word or two ("Melding", "Maatregel"); an unknown kind as its name. */
    public String eventType(String type, Locale locale) {
        return type == null || type.isBlank() ? "" : messages.getMessage("board.eventType." + type, null, type, locale);
    }

    /** What the event was, in one sentence with its own texts (what people typed is given as typed). */
    public String what(HistoryEntryView entry, Locale locale) {
        JsonNode p = entry.payload() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : entry.payload();
        String key = "board.event." + entry.type();
        Object[] args = switch (entry.type()) {
            case "DerailingDiscussionReported" -> new Object[] {label("stage", s(p, "stage"), locale),
                    label("platform", s(p, "platform"), locale), label("severity", s(p, "severity"), locale),
                    labels("harm", p.path("harms"), locale), s(p, "summary"), parties(p.path("involvedParties"), locale),
                    s(p, "location")};
            case "EscalationPolicyRecorded" -> new Object[] {label("clock", s(p, "clock"), locale),
                    label("region", s(p, "region"), locale),
                    p.path("legalDuty").asBoolean() ? text("board.legalDuty.yes", locale) : text("board.legalDuty.no", locale)};
            case "DeadlineSet" -> new Object[] {label("step", s(p, "step"), locale), when(s(p, "dueAt"), locale),
                    p.path("reminder").asInt()};
            case "IncidentEscalated" -> new Object[] {assignee(assigneeOf(p), locale), Escalations.Cause.of(s(p, "reason"))
                    .map(cause -> text("board.cause." + cause, locale)).orElseGet(() -> orDash(s(p, "reason")))};
            case "EscalationAcknowledged" -> new Object[] {assignee(assigneeOf(p), locale), orDash(s(p, "note"))};
            case "ResponseStrategyAgreed" -> new Object[] {names.person(s(p, "agreedWith")), labels("strategy", p.path("elements"), locale),
                    orDash(s(p, "description"))};
            case "CommunicationsDepartmentNotified" -> new Object[] {orDash(s(p, "message"))};
            case "FiledWithPolice" -> new Object[] {s(p, "offence"), orDash(s(p, "policeReference"))};
            case "PoliceReportDeclined" -> new Object[] {s(p, "reason")};
            case "ReportedToConfidentialInspector" -> new Object[] {names.person(s(p, "staffMember")), s(p, "summary"),
                    orDash(s(p, "inspectorReference"))};
            case "MeasureImposed" -> new Object[] {label("measure", s(p, "measure"), locale), names.person(s(p, "personId")),
                    label("partyRole", s(p, "partyRole"), locale), s(p, "reason")};
            case "CorrespondenceRecorded" -> new Object[] {names.person(s(p, "personId")), label("partyRole", s(p, "partyRole"), locale),
                    s(p, "summary")};
            case "IncidentClosed" -> new Object[] {s(p, "outcome")};
            case "LegalHoldPlaced", "LegalHoldLifted" -> new Object[] {s(p, "reason")};
            case "PoliceReportConcluded" -> new Object[] {s(p, "outcome")};
            case "PersonErased", "CaseErased" -> new Object[] {s(p, "request"),
                    text("board.erasure.ground." + s(p, "ground"), locale),
                    text("board.erasure.requester." + s(p, "requestedBy"), locale)};
            case "StepOverdue" -> new Object[] {label("step", s(p, "step"), locale), when(s(p, "dueAt"), locale)};
            case "BoardReminded" -> new Object[] {p.path("reminder").asInt(), label("step", s(p, "step"), locale)};
            default -> null;
        };
        return args == null ? entry.type() : messages.getMessage(key, args, entry.type(), locale);
    }

    /** Who took the step: a person with their role, or the system. */
    public String who(HistoryEntryView entry, Locale locale) {
        HistoryEntryView.Actor actor = entry.actor();
        if (actor == null || "SYSTEM".equals(actor.role()) || COMPUTED.contains(entry.type())) {
            return text("board.who.system", locale);
        }
        return text("board.who.person", locale, names.person(actor.id()), label("role", actor.role(), locale));
    }

    /**
     * On whose behalf the system acted (a step it worked out from someone's command), or because of what: the deadline
     * that passed, the sweep that found it passed, the report; empty when a person acted themselves.
     */
    public String why(HistoryEntryView entry, Locale locale) {
        HistoryEntryView.Actor actor = entry.actor();
        boolean bySystem = actor == null || "SYSTEM".equals(actor.role());
        if (!bySystem && COMPUTED.contains(entry.type())) {
            return text("board.why.onBehalfOf", locale, names.person(actor.id()), label("role", actor.role(), locale));
        }
        String cause = entry.cause();
        if (cause == null || cause.isBlank()) {
            return "";
        }
        Matcher deadline = DEADLINE_CAUSE.matcher(cause);
        if (deadline.matches()) {
            return text("board.why." + deadline.group(1), locale, label("step", deadline.group(2), locale),
                    when(deadline.group(3), locale));
        }
        if (cause.equals("report")) {
            return text("board.why.report", locale);
        }
        return cause;
    }

    private String when(String iso, Locale locale) {
        if (iso == null) {
            return "";
        }
        try {
            return time(OffsetDateTime.parse(iso).toInstant(), locale);
        } catch (DateTimeParseException notOffset) {
            try {
                return time(Instant.parse(iso), locale);
            } catch (DateTimeParseException unreadable) {
                return iso;
            }
        }
    }

    private static DashboardView.Assignee assigneeOf(JsonNode payload) {
        JsonNode assignee = payload.path("assignee");
        return assignee.isMissingNode() ? null
                : new DashboardView.Assignee(s(assignee, "level"), s(assignee, "personId"));
    }

    private String labels(String kind, JsonNode values, Locale locale) {
        List<String> words = new ArrayList<>();
        values.forEach(v -> words.add(label(kind, v.asText(), locale)));
        return String.join(", ", words);
    }

    private String parties(JsonNode parties, Locale locale) {
        List<String> words = new ArrayList<>();
        parties.forEach(party -> words.add(text("board.party", locale, names.person(s(party, "personId")),
                label("partyRole", s(party, "role"), locale), label("part", s(party, "part"), locale))));
        return String.join("; ", words);
    }

    private static String s(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
