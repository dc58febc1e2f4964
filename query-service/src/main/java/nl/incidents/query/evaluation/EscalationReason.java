package nl.incidents.query.evaluation;

/**
 * Why a case went to the board, told from the course of the case rather than from the reason's free text (which may
 * name people, and stays encrypted).
 */
public enum EscalationReason {
    /** Straight to the board on the report, under the legal duty of art. 4a WOT. */
    LEGAL_DUTY,
    /**
     * Straight to the board on the report: no manager could take it (none on record, involved, not among those who
     * need to know, or a chain without).
     */
    NO_MANAGER,
    /** Up to the board because the case was not acknowledged in time. */
    NOT_ACKNOWLEDGED_IN_TIME,
    /** Up to the board by someone's decision. */
    BY_DECISION
}
