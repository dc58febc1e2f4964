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
import nl.incidents.kernel.protocol.CaseProgress;

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
     * @param linkBase where people open the web pages (the web module), e.g. {@code https://incidents.example.nl};
     *                 a case's link is this followed by {@code /cases/{id}}, the case's page (zaakpagina)
     */
    public Notices(OrganisationDirectory directory, String linkBase) {
        this.directory = Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(linkBase, "linkBase");
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    /** Whether this kind of event can concern anyone, so that a consumer skips reading a case's progress for it. */
    public static boolean mayConcernAnyone(IncidentEvent event) {
        return event instanceof IncidentEscalated || event instanceof DeadlineSet
                || event instanceof BoardReminded || event instanceof CommunicationsDepartmentNotified;
    }

    /**
     * The notices this event gives, at most one per person.
     *
     * @param progress where the case stood before this event (its events before this one, folded)
     */
    public List<Notice> of(IncidentEvent event, CaseProgress progress) {
        Map<PersonId, Notice> notices = new LinkedHashMap<>();
        if (event instanceof IncidentEscalated escalated && !progress.timed()) {
            escalation(notices, progress, escalated.assignee(), null);
        } else if (event instanceof DeadlineSet deadline && deadline.step() == Step.ACKNOWLEDGE
                && deadline.reminder() == 0 && progress.assignee() != null) {
            escalation(notices, progress, progress.assignee(), deadline.dueAt());
        } else if (event instanceof BoardReminded reminded) {
            reminder(notices, progress, reminded);
        } else if (event instanceof CommunicationsDepartmentNotified) {
            communications(notices, progress);
        }
        return List.copyOf(notices.values());
    }

    private void escalation(Map<PersonId, Notice> notices, CaseProgress progress, Assignee to, Instant dueAt) {
        String acknowledge = dueAt == null ? "" : ", acknowledge by " + time(dueAt);
        List<String> lines = new ArrayList<>();
        lines.add("Incident " + progress.incidentId() + " at " + school(progress) + " has been escalated to "
                + (to.level() == EscalationLevel.BOARD ? "the board" : "you") + ".");
        if (progress.missedAcknowledgement() != null) {
            lines.add("It was not acknowledged by " + time(progress.missedAcknowledgement()) + ", when that was due.");
        }
        lines.add(dueAt == null ? "Step: " + Step.ACKNOWLEDGE.task() + "."
                : "Step: " + Step.ACKNOWLEDGE.task() + ", due " + time(dueAt) + ".");
        if (to.level() == EscalationLevel.BOARD && progress.legalDuty()) {
            lines.add("The legal duty of art. 4a WOT applies: the board consults the national confidential "
                    + "inspector at once.");
        }
        String subject = subject(progress, to.level() == EscalationLevel.BOARD
                ? (progress.legalDuty() ? "escalated to the board, legal duty applies" : "escalated to the board")
                : "escalated to you") + acknowledge;
        if (to.level() == EscalationLevel.MANAGER) {
            add(notices, to.personId(), Kind.ESCALATION, progress, subject, lines);
            return;
        }
        for (Member board : directory.withRole(ActorRole.BOARD)) {
            add(notices, board.id(), Kind.ESCALATION, progress, subject, lines);
        }
        if (progress.manager() != null) {
            List<String> toManager = new ArrayList<>();
            toManager.add("Incident " + progress.incidentId() + " at " + school(progress) + " went up to the board.");
            if (progress.missedAcknowledgement() != null) {
                toManager.add("It was not acknowledged by " + time(progress.missedAcknowledgement())
                        + ", when that was due.");
            }
            if (dueAt != null) {
                toManager.add("Step: " + Step.ACKNOWLEDGE.task() + " by the board, due " + time(dueAt) + ".");
            }
            toManager.add("As the case's manager you keep handling it, together with the board.");
            add(notices, progress.manager(), Kind.ESCALATED_TO_BOARD, progress, subject(progress, "went up to the board"),
                    toManager);
        }
    }

    private void reminder(Map<PersonId, Notice> notices, CaseProgress progress, BoardReminded reminded) {
        Instant due = progress.dueAt(reminded.step());
        List<String> lines = List.of(
                "Incident " + progress.incidentId() + " at " + school(progress) + " has a step that is overdue.",
                "Step: " + reminded.step().task() + (due == null ? "" : ", due " + time(due)) + ".",
                "This is reminder " + reminded.reminder() + ".");
        String subject = subject(progress, "reminder " + reminded.reminder() + ", " + reminded.step().task() + " is overdue");
        for (Member board : directory.withRole(ActorRole.BOARD)) {
            add(notices, board.id(), Kind.REMINDER, progress, subject, lines);
        }
    }

    private void communications(Map<PersonId, Notice> notices, CaseProgress progress) {
        boolean bySystem = progress.actingOnOverdue(Step.NOTIFY_COMMUNICATIONS);
        Instant due = progress.dueAt(Step.NOTIFY_COMMUNICATIONS);
        String stepLine = "Step: " + Step.NOTIFY_COMMUNICATIONS.task() + (due == null ? "" : ", due " + time(due));
        List<String> lines = new ArrayList<>();
        lines.add("The communications department is informed of incident " + progress.incidentId() + " at "
                + school(progress) + ".");
        lines.add(stepLine + (bySystem ? ": taken by the system, because the case's manager had not taken it in time."
                : ": taken."));
        String subject = subject(progress, "the communications department is informed");
        for (Member communications : directory.withRole(ActorRole.COMMUNICATIONS)) {
            add(notices, communications.id(), Kind.COMMUNICATIONS, progress, subject, lines);
        }
        if (bySystem && progress.manager() != null) {
            add(notices, progress.manager(), Kind.COMMUNICATIONS_BY_SYSTEM, progress,
                    subject(progress, "the system informed the communications department"),
                    List.of("The system informed the communications department of incident " + progress.incidentId()
                                    + " at " + school(progress) + ", because it had not been informed in time.",
                            stepLine + ": taken by the system."));
        }
    }

    private void add(Map<PersonId, Notice> notices, PersonId recipient, Kind kind, CaseProgress progress, String subject,
                     List<String> lines) {
        if (recipient == null || directory.member(recipient).isEmpty()) {
            return; // not (or no longer) a member of this board: nobody to tell
        }
        String text = String.join("\n", lines) + "\n\nDossier: " + link(progress.incidentId()) + "\n\n" + FOOTER + "\n";
        notices.putIfAbsent(recipient, new Notice(recipient, kind, progress.incidentId(), subject, text));
    }

    /** The link to a case's page in the web module, where a signed-in person reads as much as they may. */
    public String link(IncidentId incidentId) {
        return linkBase + "/cases/" + incidentId;
    }

    private static String subject(CaseProgress progress, String what) {
        return "Incident " + progress.incidentId() + ": " + what;
    }

    private String school(CaseProgress progress) {
        if (progress.schoolId() == null) {
            return "a school of the board";
        }
        return directory.school(progress.schoolId()).map(s -> s.name() + " (" + s.id() + ")").orElse(progress.schoolId());
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
