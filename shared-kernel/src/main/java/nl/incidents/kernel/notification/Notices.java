package nl.incidents.kernel.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.incidents.kernel.calendar.SchoolCalendar;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.notification.Notice.Kind;

/**
 * Who an event of a case concerns, and what they are told: the one rule behind the e-mails of the
 * command service and the inbox of the query service.
 *
 * <ul>
 *   <li>An escalation tells the new assignee: the manager, or every board member. When it goes up
 *       to the board, the case's manager hears of it too. A missed acknowledgement is told in these
 *       notices, not on its own, so nobody gets two mails for one climb.</li>
 *   <li>A reminder of an overdue step tells every board member.</li>
 *   <li>The communications department, every member of it, hears that it is informed; when the
 *       system informed it because the step was overdue, the case's manager hears that too.</li>
 * </ul>
 *
 * <p>An escalation of a case that keeps deadlines is told with its deadline, set in the event that
 * directly follows it ({@link DeadlineSet} for {@link Step#ACKNOWLEDGE}); of a case reported before
 * deadlines existed, on the escalation itself.
 *
 * <p>Mail leaves the system. The texts name the case, its school, the step, its due time and a link
 * to the dossier, and never the people involved, the summary, the harms or any text a person typed:
 * whoever may read more signs in to read it.
 */
public final class Notices {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH).withZone(SchoolCalendar.ZONE);
    private static final String FOOTER = "This message names no one involved and nothing of what happened. "
            + "Sign in to read the case.";

    private final OrganisationDirectory directory;
    private final String linkBase;

    /**
     * @param linkBase where the query service is reached, e.g. {@code https://incidents.example.nl};
     *                 a dossier's link is this followed by {@code /api/incidents/{id}}
     */
    public Notices(OrganisationDirectory directory, String linkBase) {
        this.directory = Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(linkBase, "linkBase");
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    /** Whether this kind of event can concern anyone, so that a consumer skips reading a case's facts for it. */
    public static boolean mayConcernAnyone(IncidentEvent event) {
        return event instanceof IncidentEscalated || event instanceof DeadlineSet
                || event instanceof BoardReminded || event instanceof CommunicationsDepartmentNotified;
    }

    /**
     * The notices this event gives, at most one per person.
     *
     * @param facts what was known of the case before this event
     */
    public List<Notice> of(IncidentEvent event, CaseFacts facts) {
        Map<PersonId, Notice> notices = new LinkedHashMap<>();
        if (event instanceof IncidentEscalated escalated && !facts.timed()) {
            escalation(notices, facts, escalated.assignee(), null);
        } else if (event instanceof DeadlineSet deadline && deadline.step() == Step.ACKNOWLEDGE
                && deadline.reminder() == 0 && facts.assignee() != null) {
            escalation(notices, facts, facts.assignee(), deadline.dueAt());
        } else if (event instanceof BoardReminded reminded) {
            reminder(notices, facts, reminded);
        } else if (event instanceof CommunicationsDepartmentNotified) {
            communications(notices, facts);
        }
        return List.copyOf(notices.values());
    }

    private void escalation(Map<PersonId, Notice> notices, CaseFacts facts, Assignee to, Instant dueAt) {
        String acknowledge = dueAt == null ? "" : ", acknowledge by " + time(dueAt);
        List<String> lines = new ArrayList<>();
        lines.add("Incident " + facts.incidentId() + " at " + school(facts) + " has been escalated to "
                + (to.level() == EscalationLevel.BOARD ? "the board" : "you") + ".");
        if (facts.missedAcknowledgement() != null) {
            lines.add("It was not acknowledged by " + time(facts.missedAcknowledgement()) + ", when that was due.");
        }
        lines.add(dueAt == null ? "Step: " + step(Step.ACKNOWLEDGE) + "."
                : "Step: " + step(Step.ACKNOWLEDGE) + ", due " + time(dueAt) + ".");
        if (to.level() == EscalationLevel.BOARD && facts.legalDuty()) {
            lines.add("The legal duty of art. 4a WOT applies: the board consults the national confidential "
                    + "inspector at once.");
        }
        String subject = subject(facts, to.level() == EscalationLevel.BOARD
                ? (facts.legalDuty() ? "escalated to the board, legal duty applies" : "escalated to the board")
                : "escalated to you") + acknowledge;
        if (to.level() == EscalationLevel.MANAGER) {
            add(notices, to.personId(), Kind.ESCALATION, facts, subject, lines);
            return;
        }
        for (Member board : directory.withRole(ActorRole.BOARD)) {
            add(notices, board.id(), Kind.ESCALATION, facts, subject, lines);
        }
        if (facts.manager() != null) {
            List<String> toManager = new ArrayList<>();
            toManager.add("Incident " + facts.incidentId() + " at " + school(facts) + " went up to the board.");
            if (facts.missedAcknowledgement() != null) {
                toManager.add("It was not acknowledged by " + time(facts.missedAcknowledgement())
                        + ", when that was due.");
            }
            if (dueAt != null) {
                toManager.add("Step: " + step(Step.ACKNOWLEDGE) + " by the board, due " + time(dueAt) + ".");
            }
            toManager.add("As the case's manager you keep handling it, together with the board.");
            add(notices, facts.manager(), Kind.ESCALATED_TO_BOARD, facts, subject(facts, "went up to the board"),
                    toManager);
        }
    }

    private void reminder(Map<PersonId, Notice> notices, CaseFacts facts, BoardReminded reminded) {
        Instant due = facts.dueAt(reminded.step());
        List<String> lines = List.of(
                "Incident " + facts.incidentId() + " at " + school(facts) + " has a step that is overdue.",
                "Step: " + step(reminded.step()) + (due == null ? "" : ", due " + time(due)) + ".",
                "This is reminder " + reminded.reminder() + ".");
        String subject = subject(facts, "reminder " + reminded.reminder() + ", " + step(reminded.step()) + " is overdue");
        for (Member board : directory.withRole(ActorRole.BOARD)) {
            add(notices, board.id(), Kind.REMINDER, facts, subject, lines);
        }
    }

    private void communications(Map<PersonId, Notice> notices, CaseFacts facts) {
        boolean bySystem = facts.actingOnOverdue(Step.NOTIFY_COMMUNICATIONS);
        Instant due = facts.dueAt(Step.NOTIFY_COMMUNICATIONS);
        String stepLine = "Step: " + step(Step.NOTIFY_COMMUNICATIONS) + (due == null ? "" : ", due " + time(due));
        List<String> lines = new ArrayList<>();
        lines.add("The communications department is informed of incident " + facts.incidentId() + " at "
                + school(facts) + ".");
        lines.add(stepLine + (bySystem ? ": taken by the system, because the case's manager had not taken it in time."
                : ": taken."));
        String subject = subject(facts, "the communications department is informed");
        for (Member communications : directory.withRole(ActorRole.COMMUNICATIONS)) {
            add(notices, communications.id(), Kind.COMMUNICATIONS, facts, subject, lines);
        }
        if (bySystem && facts.manager() != null) {
            add(notices, facts.manager(), Kind.COMMUNICATIONS_BY_SYSTEM, facts,
                    subject(facts, "the system informed the communications department"),
                    List.of("The system informed the communications department of incident " + facts.incidentId()
                                    + " at " + school(facts) + ", because it had not been informed in time.",
                            stepLine + ": taken by the system."));
        }
    }

    private void add(Map<PersonId, Notice> notices, PersonId recipient, Kind kind, CaseFacts facts, String subject,
                     List<String> lines) {
        if (recipient == null || directory.member(recipient).isEmpty()) {
            return; // not (or no longer) a member of this board: nobody to tell
        }
        String text = String.join("\n", lines) + "\n\nDossier: " + link(facts.incidentId()) + "\n\n" + FOOTER + "\n";
        notices.putIfAbsent(recipient, new Notice(recipient, kind, facts.incidentId(), subject, text));
    }

    /** The link to a case's dossier. */
    public String link(IncidentId incidentId) {
        return linkBase + "/api/incidents/" + incidentId;
    }

    private static String subject(CaseFacts facts, String what) {
        return "Incident " + facts.incidentId() + ": " + what;
    }

    private String school(CaseFacts facts) {
        if (facts.schoolId() == null) {
            return "a school of the board";
        }
        return directory.school(facts.schoolId()).map(s -> s.name() + " (" + s.id() + ")").orElse(facts.schoolId());
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }

    private static String step(Step step) {
        return switch (step) {
            case ACKNOWLEDGE -> "acknowledge the case";
            case NOTIFY_COMMUNICATIONS -> "inform the communications department";
            case POLICE_DECISION -> "decide on a police report";
            case INSPECTOR_CONSULTATION -> "consult the national confidential inspector";
        };
    }
}
