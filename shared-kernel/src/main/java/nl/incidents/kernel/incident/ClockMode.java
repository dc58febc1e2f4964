package nl.incidents.kernel.incident;

/** How a case's deadlines count time. */
public enum ClockMode {
    /** Only school hours on school days of the school's region count. */
    SCHOOL_TIME,
    /** The clock counts around the hour, weekends and holidays included. */
    AROUND_THE_CLOCK
}
