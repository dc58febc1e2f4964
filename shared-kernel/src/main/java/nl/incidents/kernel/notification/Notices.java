package nl.incidents.kernel.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.notification.Notice.Kind;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.NeedToKnow;

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
 *   <li>A person the board adds to a need-to-know case hears that they were added.</li>
 * </ul>
 *
 * <p>Of a need-to-know case ({@link CaseProgress#needToKnow()}) only the board and the people it added are told
 * anything ({@link #mayBeTold}).
 *
 * <p>An escalation of a case that keeps deadlines is told with its deadline, set in the event that
 * directly follows it ({@link DeadlineSet} for {@link Step#ACKNOWLEDGE}); of a case reported before
 * deadlines existed, on the escalation itself.
 *
 * <p>Mail leaves the system. A notice carries only its facts ({@link NoticeFacts}: the case, its school, the
 * step, its due time), which {@link NoticeTexts} puts into words with a link to the case's page, and never the
 * people involved, the summary, the harms or any text a person typed: whoever may read more signs in to read it.
 */
public final class Notices {

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
                || event instanceof BoardReminded || event instanceof CommunicationsDepartmentNotified
                || event instanceof NeedToKnowReaderAdded;
    }

    /**
     * Whether a notice of this case may reach this person now: a member of the directory, and for a need-to-know
     * case a board member or one of the people the board added ({@link NeedToKnow#mayBeTold}). Every notice passes
     * it, and a mail is checked again just before it is sent, so that a case marked need-to-know in the meantime
     * sends nothing more to those no longer allowed.
     */
    public boolean mayBeTold(PersonId recipient, CaseProgress progress) {
        return recipient != null && directory.member(recipient)
                .map(member -> NeedToKnow.mayBeTold(recipient, member.role(), progress)).orElse(false);
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
            NoticeFacts facts = facts(Kind.REMINDER, progress, null, reminded.step(), progress.dueAt(reminded.step()),
                    null, reminded.reminder(), false);
            for (Member board : directory.withRole(ActorRole.BOARD)) {
                add(notices, progress, board.id(), facts);
            }
        } else if (event instanceof CommunicationsDepartmentNotified) {
            communications(notices, progress);
        } else if (event instanceof NeedToKnowReaderAdded added) {
            CaseProgress after = progress.next(added);
            add(notices, after, added.personId(), facts(Kind.NEED_TO_KNOW_READER_ADDED, after, null, null, null, null, 0,
                    false));
        }
        return List.copyOf(notices.values());
    }

    private void escalation(Map<PersonId, Notice> notices, CaseProgress progress, Assignee to, Instant dueAt) {
        NoticeFacts facts = facts(Kind.ESCALATION, progress, to.level(), Step.ACKNOWLEDGE, dueAt,
                progress.missedAcknowledgement(), 0, false);
        if (to.level() == EscalationLevel.MANAGER) {
            add(notices, progress, to.personId(), facts);
            return;
        }
        for (Member board : directory.withRole(ActorRole.BOARD)) {
            add(notices, progress, board.id(), facts);
        }
        if (progress.manager() != null) {
            add(notices, progress, progress.manager(), facts(Kind.ESCALATED_TO_BOARD, progress, EscalationLevel.BOARD,
                    Step.ACKNOWLEDGE, dueAt, progress.missedAcknowledgement(), 0, false));
        }
    }

    private void communications(Map<PersonId, Notice> notices, CaseProgress progress) {
        boolean bySystem = progress.actingOnOverdue(Step.NOTIFY_COMMUNICATIONS);
        Instant due = progress.dueAt(Step.NOTIFY_COMMUNICATIONS);
        NoticeFacts facts = facts(Kind.COMMUNICATIONS, progress, null, Step.NOTIFY_COMMUNICATIONS, due, null, 0, bySystem);
        for (Member communications : directory.withRole(ActorRole.COMMUNICATIONS)) {
            add(notices, progress, communications.id(), facts);
        }
        if (bySystem && progress.manager() != null) {
            add(notices, progress, progress.manager(), facts(Kind.COMMUNICATIONS_BY_SYSTEM, progress, null,
                    Step.NOTIFY_COMMUNICATIONS, due, null, 0, true));
        }
    }

    private NoticeFacts facts(Kind kind, CaseProgress progress, EscalationLevel level, Step step, Instant dueAt,
                              Instant missed, int reminder, boolean bySystem) {
        String schoolName = progress.schoolId() == null ? null
                : directory.school(progress.schoolId()).map(s -> s.name()).orElse(null);
        return new NoticeFacts(kind, progress.incidentId(), progress.schoolId(), schoolName, level, step, dueAt, missed,
                reminder, progress.legalDuty(), bySystem);
    }

    private void add(Map<PersonId, Notice> notices, CaseProgress progress, PersonId recipient, NoticeFacts facts) {
        if (!mayBeTold(recipient, progress)) {
            return; // not (or no longer) a member of this board, or not one who needs to know: nobody to tell
        }
        notices.putIfAbsent(recipient, new Notice(recipient, facts));
    }

    /** The link to a case's page in the web module, where a signed-in person reads as much as they may. */
    public String link(IncidentId incidentId) {
        return linkBase + "/cases/" + incidentId;
    }
}
