package nl.incidents.kernel.directory;

/** The school-holiday region of the Netherlands a school lies in. */
public enum Region {
    NORTH, MIDDLE, SOUTH
}
