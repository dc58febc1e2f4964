package nl.incidents.kernel.incident;

/** Who an involved party is to the school. */
public enum PartyRole {
    PUPIL, PARENT, STAFF, OUTSIDER
}
