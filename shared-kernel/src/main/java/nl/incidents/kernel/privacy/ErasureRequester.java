package nl.incidents.kernel.privacy;

/**
 * Who asked for an erasure (verzoeker): the kind of requester, never their name, so that the record of the erasure
 * holds no personal data of its own. The board member who recorded the request is the actor of the command.
 */
public enum ErasureRequester {
    /** The person the data are about (de betrokkene), AVG art. 17(1). */
    DATA_SUBJECT,
    /** A parent or guardian, for a pupil under 16 or on the pupil's behalf (AVG art. 8, UAVG art. 5). */
    PARENT_OR_GUARDIAN,
    /** Someone the person authorised, such as a lawyer. */
    REPRESENTATIVE,
    /** The board on its own initiative, as the controller (verwerkingsverantwoordelijke). */
    BOARD,
    /** The daily retention task, when a record's retention period ended. */
    RETENTION_SCHEDULE
}
