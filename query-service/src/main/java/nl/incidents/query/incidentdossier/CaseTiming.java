package nl.incidents.query.incidentdossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.OpenStep;
import nl.incidents.kernel.timeline.TimelineCode;
import nl.incidents.query.AmsterdamTime;
import nl.incidents.query.incidentdossier.IncidentDossier.Deadline;
import nl.incidents.query.incidentdossier.IncidentDossier.LateStep;
import nl.incidents.query.incidentdossier.IncidentDossier.Terms;

/**
 * The timing part of a dossier: the case's terms, the steps that were late, and the lines (code, parameters,
 * English sentence) the timeline gives its timing events. Which steps are open, and when each is due, is the kernel's
 * fold ({@link CaseProgress}), the same the case itself keeps.
 */
final class CaseTiming {

    private Terms terms;
    private final List<LateStep> late = new ArrayList<>();

    Line recorded(EscalationPolicyRecorded e) {
        Map<Step, Duration> allowed = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            allowed.put(step, e.timing().allowedFor(step));
        }
        String text = (e.clock() == ClockMode.SCHOOL_TIME
                ? "school time in region " + e.region() + " (school hours on school days count)"
                : "around the clock (evenings, weekends and holidays count)")
                + "; levels: " + e.chain().stream().map(CaseTiming::level).collect(Collectors.joining(", then "))
                + "; " + Stream.of(Step.values()).map(s -> s.description() + " within " + duration(allowed.get(s), e.clock()))
                .collect(Collectors.joining(", "))
                + "; the board is reminded of an overdue step every " + duration(e.timing().reminderInterval(), e.clock())
                + "; legal duty (art. 4a WOT): " + (e.legalDuty() ? "yes" : "no");
        terms = new Terms(e.clock(), e.region(), e.chain(), e.legalDuty(), Collections.unmodifiableMap(allowed),
                e.timing().reminderInterval(), capitalized(text));
        return Line.of(TimelineCode.TERMS_RECORDED, "Escalation terms recorded by the system: " + text,
                "clock", e.clock(), "region", e.region(), "legalDuty", e.legalDuty());
    }

    /** @param step the step as the deadline left it open */
    Line deadline(DeadlineSet e, OpenStep step) {
        String what = capitalized(e.step().description());
        if (e.reminder() > 0) {
            return Line.of(TimelineCode.REMINDER_SET, what + " still open: the board is reminded again at "
                    + time(e.dueAt()) + ", set by the system", "step", e.step(), "dueAt", e.dueAt());
        }
        Assignee holder = step.assignee();
        return Line.of(TimelineCode.DEADLINE_SET, what + " due by " + time(e.dueAt())
                        + (holder == null ? "" : " (" + holder.describe() + ")") + ", set by the system",
                "step", e.step(), "dueAt", e.dueAt(), "level", holder == null ? null : holder.level(),
                "personId", holder == null ? null : holder.personId());
    }

    Line overdue(StepOverdue e, Instant noticedAt) {
        late.add(new LateStep(e.step(), e.dueAt(), noticedAt, e.assignee()));
        Assignee holder = e.assignee();
        return Line.of(TimelineCode.STEP_OVERDUE, capitalized(e.step().description()) + " overdue: it was due by "
                        + time(e.dueAt()) + (holder == null ? "" : " (" + holder.describe() + ")") + "; noticed by the system",
                "step", e.step(), "dueAt", e.dueAt(), "level", holder == null ? null : holder.level(),
                "personId", holder == null ? null : holder.personId());
    }

    Line reminded(BoardReminded e) {
        return Line.of(TimelineCode.BOARD_REMINDED, "Board reminded by the system (" + ordinal(e.reminder())
                + " time) of the " + e.step().description(), "step", e.step(), "reminder", e.reminder());
    }

    Terms terms() {
        return terms;
    }

    /**
     * The open steps, the one whose deadline comes first at the top (an overdue step the board is
     * reminded of by its missed deadline); {@code dueAt} is when the system acts on each next.
     */
    static List<Deadline> deadlines(CaseProgress progress) {
        return progress.openStepsByDueTime().stream()
                .map(s -> new Deadline(s.step(), s.nextDeadline(), s.reminders(), s.overdueSince(), s.assignee()))
                .toList();
    }

    List<LateStep> lateSteps() {
        return List.copyOf(late);
    }

    /** A time in a sentence of the timeline, as the mails and the inbox give it. */
    static String time(Instant at) {
        return AmsterdamTime.text(at);
    }

    private static String level(EscalationLevel level) {
        return level == EscalationLevel.BOARD ? "the board" : "the manager";
    }

    private static String duration(Duration duration, ClockMode clock) {
        String unit = clock == ClockMode.SCHOOL_TIME ? "school " : "";
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        String text = hours == 0 ? "" : hours + " " + unit + (hours == 1 ? "hour" : "hours");
        if (minutes > 0 || hours == 0) {
            text += (text.isEmpty() ? "" : " ") + minutes + " " + unit + (minutes == 1 ? "minute" : "minutes");
        }
        return text;
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
