package nl.incidents.query.incidentdossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.query.AmsterdamTime;
import nl.incidents.query.incidentdossier.IncidentDossier.Deadline;
import nl.incidents.query.incidentdossier.IncidentDossier.LateStep;
import nl.incidents.query.incidentdossier.IncidentDossier.Terms;

/**
 * The timing part of a dossier, folded from the case's events by the same rules the case keeps
 * (see {@code Incident} and {@code DueStepLedger} on the command side): a new deadline for a step
 * replaces the earlier one, an escalation ends the acknowledgement that was due, the event that
 * takes a step ({@link Step#takenBy}) ends it, and closing the case ends all.
 */
final class CaseTiming {

    private Terms terms;
    private Assignee assignee;
    private final Map<Step, Deadline> open = new EnumMap<>(Step.class);
    private final List<LateStep> late = new ArrayList<>();

    String recorded(EscalationPolicyRecorded e) {
        Map<Step, Duration> allowed = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            allowed.put(step, e.timing().allowedFor(step));
        }
        String text = (e.clock() == ClockMode.SCHOOL_TIME
                ? "school time in region " + e.region() + " (school hours on school days count)"
                : "around the clock (evenings, weekends and holidays count)")
                + "; levels: " + e.chain().stream().map(CaseTiming::level).collect(Collectors.joining(", then "))
                + "; " + Stream.of(Step.values()).map(s -> what(s) + " within " + duration(allowed.get(s), e.clock()))
                .collect(Collectors.joining(", "))
                + "; the board is reminded of an overdue step every " + duration(e.timing().reminderInterval(), e.clock())
                + "; legal duty (art. 4a WOT): " + (e.legalDuty() ? "yes" : "no");
        terms = new Terms(e.clock(), e.region(), e.chain(), e.legalDuty(), Collections.unmodifiableMap(allowed),
                e.timing().reminderInterval(), capitalized(text));
        return "Escalation terms recorded by the system: " + text;
    }

    String deadline(DeadlineSet e) {
        Deadline earlier = open.get(e.step());
        Instant overdueSince = e.reminder() > 0 && earlier != null ? earlier.overdueSince() : null;
        Assignee holder = e.step() == Step.ACKNOWLEDGE ? assignee : null;
        open.put(e.step(), new Deadline(e.step(), e.dueAt(), e.reminder(), overdueSince, holder));
        if (e.reminder() > 0) {
            return capitalized(what(e.step())) + " still open: the board is reminded again at " + time(e.dueAt())
                    + ", set by the system";
        }
        return capitalized(what(e.step())) + " due by " + time(e.dueAt())
                + (holder == null ? "" : " (" + DossierAssembler.describe(holder) + ")") + ", set by the system";
    }

    String overdue(StepOverdue e, Instant noticedAt) {
        late.add(new LateStep(e.step(), e.dueAt(), noticedAt, e.assignee()));
        open.computeIfPresent(e.step(), (step, d) -> new Deadline(step, d.dueAt(), d.reminders(), e.dueAt(), d.assignee()));
        return capitalized(what(e.step())) + " overdue: it was due by " + time(e.dueAt())
                + (e.assignee() == null ? "" : " (" + DossierAssembler.describe(e.assignee()) + ")")
                + "; noticed by the system";
    }

    String reminded(BoardReminded e) {
        return "Board reminded by the system (" + ordinal(e.reminder()) + " time) of the " + what(e.step());
    }

    /** When a step that is still open passed its deadline, if the system noticed. */
    Instant overdueSince(Step step) {
        Deadline deadline = open.get(step);
        return deadline == null ? null : deadline.overdueSince();
    }

    /** What any event does to the open steps; called after the event's own rule. */
    void follow(IncidentEvent event) {
        if (event instanceof IncidentEscalated e) {
            assignee = e.assignee();
            open.remove(Step.ACKNOWLEDGE); // the new assignee's deadline follows
        } else if (event instanceof IncidentClosed) {
            open.clear();
        } else {
            Step.takenBy(event).ifPresent(open::remove);
        }
    }

    Terms terms() {
        return terms;
    }

    /** The open steps, the one due first at the top. */
    List<Deadline> deadlines() {
        return open.values().stream().sorted(Comparator.comparing(Deadline::dueAt).thenComparing(Deadline::step)).toList();
    }

    List<LateStep> lateSteps() {
        return List.copyOf(late);
    }

    /** A time in a sentence of the timeline, as the mails and the inbox give it. */
    static String time(Instant at) {
        return AmsterdamTime.text(at);
    }

    private static String what(Step step) {
        return switch (step) {
            case ACKNOWLEDGE -> "acknowledgement";
            case NOTIFY_COMMUNICATIONS -> "notification of the communications department";
            case POLICE_DECISION -> "decision on a police report";
            case INSPECTOR_CONSULTATION -> "consultation of the national confidential inspector";
        };
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
