package nl.incidents.kernel.notification;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;

/**
 * What the notices of a case need to know from its earlier events, since most events carry only
 * the case's id: its school, its manager and current assignee, whether it keeps deadlines and falls
 * under the legal duty, when each open step is due, and the overdue step the system acts on in the
 * events that directly follow. A consumer folds a case's events into it with {@link #next}, in order.
 *
 * @param schoolId            the reported school; null until the report is seen
 * @param manager             the case's manager: the last manager it was escalated to, or null
 * @param assignee            who holds the case now, or null before its first escalation
 * @param timed               the case was reported under an escalation policy, so each escalation is
 *                            followed by the deadline to acknowledge it
 * @param legalDuty           the legal duty of art. 4a WOT applies
 * @param due                 per open step, when its own deadline falls (reminders left out)
 * @param actingOn            the step just found overdue, which the events that follow act on; else null
 * @param missedAcknowledgement when the current assignee got the case because the previous one did not
 *                            acknowledge it in time: when that was due; else null
 */
public record CaseFacts(
        IncidentId incidentId,
        String schoolId,
        PersonId manager,
        Assignee assignee,
        boolean timed,
        boolean legalDuty,
        Map<Step, Instant> due,
        StepOverdue actingOn,
        Instant missedAcknowledgement) {

    public CaseFacts {
        Objects.requireNonNull(incidentId, "incidentId");
        due = due.isEmpty() ? Map.of() : Map.copyOf(due);
    }

    /** Nothing known yet of this case. */
    public static CaseFacts of(IncidentId incidentId) {
        return new CaseFacts(incidentId, null, null, null, false, false, Map.of(), null, null);
    }

    /** The facts of a case from its events, in order. */
    public static CaseFacts from(IncidentId incidentId, Iterable<? extends IncidentEvent> events) {
        CaseFacts facts = of(incidentId);
        for (IncidentEvent event : events) {
            facts = facts.next(event);
        }
        return facts;
    }

    /** The facts once this event of the case happened. */
    public CaseFacts next(IncidentEvent event) {
        String school = schoolId;
        PersonId caseManager = manager;
        Assignee holder = assignee;
        boolean isTimed = timed;
        boolean duty = legalDuty;
        Map<Step, Instant> dueAt = new EnumMap<>(Step.class);
        dueAt.putAll(due);
        StepOverdue overdue = actingOn;
        Instant missed = missedAcknowledgement;

        if (event instanceof DerailingDiscussionReported reported) {
            school = reported.schoolId();
        } else if (event instanceof EscalationPolicyRecorded terms) {
            isTimed = true;
            duty = terms.legalDuty();
        } else if (event instanceof IncidentEscalated escalated) {
            holder = escalated.assignee();
            if (holder.level() == EscalationLevel.MANAGER) {
                caseManager = holder.personId();
            }
            missed = overdue != null && overdue.step() == Step.ACKNOWLEDGE ? overdue.dueAt() : null;
            overdue = null;
        } else if (event instanceof DeadlineSet deadline && deadline.reminder() == 0) {
            dueAt.put(deadline.step(), deadline.dueAt());
        } else if (event instanceof StepOverdue stepOverdue) {
            overdue = stepOverdue;
        } else if (event instanceof BoardReminded || event instanceof CommunicationsDepartmentNotified) {
            overdue = null;
        } else if (event instanceof IncidentClosed) {
            dueAt.clear();
            overdue = null;
        }
        Step.takenBy(event).ifPresent(dueAt::remove);
        return new CaseFacts(incidentId, school, caseManager, holder, isTimed, duty, dueAt, overdue, missed);
    }

    /** When the step's own deadline falls, or null when none is open. */
    public Instant dueAt(Step step) {
        return due.get(step);
    }

    /** Whether the system is acting on this step because it is overdue. */
    public boolean actingOnOverdue(Step step) {
        return actingOn != null && actingOn.step() == step;
    }
}
