package nl.incidents.kernel.incident;

import java.util.Optional;

/**
 * A step of the protocol that must be taken before a deadline. The event that takes each step is
 * named here once, so the aggregate, the saga and the projections agree on when a step is done.
 */
public enum Step {
    /** The assignee (manager, then board) acknowledges the escalated case. */
    ACKNOWLEDGE,
    /** The communications department hears of the case. */
    NOTIFY_COMMUNICATIONS,
    /** The board decides whether to file with the police, for harms that may be criminal. */
    POLICE_DECISION,
    /** The board consults the national confidential inspector (the legal duty of art. 4a WOT). */
    INSPECTOR_CONSULTATION;

    /** The step this event takes, if any. */
    public static Optional<Step> takenBy(IncidentEvent event) {
        if (event instanceof EscalationAcknowledged) {
            return Optional.of(ACKNOWLEDGE);
        } else if (event instanceof CommunicationsDepartmentNotified) {
            return Optional.of(NOTIFY_COMMUNICATIONS);
        } else if (event instanceof FiledWithPolice || event instanceof PoliceReportDeclined) {
            return Optional.of(POLICE_DECISION);
        } else if (event instanceof ReportedToConfidentialInspector) {
            return Optional.of(INSPECTOR_CONSULTATION);
        }
        return Optional.empty();
    }
}
