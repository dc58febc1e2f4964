package nl.incidents.kernel.incident;

/**
 * Where a case stands in the protocol. {@link #after} is the one rule of how an event moves it;
 * every reader of a case's status (the aggregate, the case list, the dossier) follows it.
 */
public enum IncidentStatus {
    /** Reported, not yet escalated. */
    REPORTED,
    /** Escalated and waiting for the assignee to acknowledge. */
    ESCALATED,
    /** Acknowledged by the assignee, who now handles it. */
    ACKNOWLEDGED,
    /** A response strategy has been agreed. */
    STRATEGY_AGREED,
    /** Closed with its outcome; nothing more happens in it. */
    CLOSED;

    /**
     * The status once this event happened.
     *
     * @param current        the status before it, or null before the report
     * @param strategyAgreed whether a response strategy was agreed before this event
     */
    public static IncidentStatus after(IncidentStatus current, IncidentEvent event, boolean strategyAgreed) {
        if (event instanceof DerailingDiscussionReported) {
            return REPORTED;
        } else if (event instanceof IncidentEscalated) {
            return ESCALATED;
        } else if (event instanceof EscalationAcknowledged) {
            return afterAcknowledgement(strategyAgreed);
        } else if (event instanceof ResponseStrategyAgreed) {
            return STRATEGY_AGREED;
        } else if (event instanceof IncidentClosed) {
            return CLOSED;
        }
        return current;
    }

    /**
     * The status once the assignee acknowledged: a strategy agreed before the case went up still
     * stands, so the board's acknowledgement does not undo it.
     */
    public static IncidentStatus afterAcknowledgement(boolean strategyAgreed) {
        return strategyAgreed ? STRATEGY_AGREED : ACKNOWLEDGED;
    }
}
