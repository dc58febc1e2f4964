package nl.incidents.kernel.incident;

/** Where a case stands in the protocol. */
public enum IncidentStatus {
    /** Reported, not yet escalated. */
    REPORTED,
    /** Escalated and waiting for the assignee to acknowledge. */
    ESCALATED,
    /** Acknowledged by the assignee, who now handles it. */
    ACKNOWLEDGED,
    /** A response strategy has been agreed. */
    STRATEGY_AGREED,
    CLOSED
}
