package nl.incidents.kernel.incident;

/** The school-holiday region of the Netherlands a school lies in. */
public enum Region {
    NORTH, MIDDLE, SOUTH
}
