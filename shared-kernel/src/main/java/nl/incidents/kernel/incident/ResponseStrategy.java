package nl.incidents.kernel.incident;

/** The elements of a response strategy the protocols name. */
public enum ResponseStrategy {
    /** Do not react online (OPOA). */
    NO_ONLINE_REACTION,
    /** React online only to correct untruths (OPOA). */
    CORRECT_UNTRUTHS_ONLY,
    /** Talk with the people involved in real life. */
    CONVERSATION_IN_PERSON,
    /** Ask the platform to remove the content. */
    REQUEST_REMOVAL_FROM_PLATFORM,
    /** Involve the parents or guardians. */
    INVOLVE_PARENTS
}
