package nl.incidents.kernel.incident;

/** The role in which a person (or the system itself) acts on a case. */
public enum ActorRole {
    STAFF, MANAGER, COMMUNICATIONS, BOARD, SYSTEM
}
