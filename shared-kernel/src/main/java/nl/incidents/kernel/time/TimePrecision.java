package nl.incidents.kernel.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one precision at which the system keeps every time: milliseconds, the finest that every store
 * keeps whole. Axon keeps an event's time stamp to the millisecond (in the JDBC event store and in
 * Axon Server), PostgreSQL's and H2's timestamps to the microsecond, JSON all digits; a time read
 * back from one of them is compared with one kept in another (the sweep's due time, from a column,
 * with the case's own, from its events). So times are cut to this precision where they are made, by
 * {@link #clock(Clock)}, and compared at it by {@link #same(Instant, Instant)}, which also holds for
 * times made before, with more digits.
 */
public final class TimePrecision {

    /** The unit below which no time is kept. */
    public static final ChronoUnit UNIT = ChronoUnit.MILLIS;

    private TimePrecision() {
    }

    /** The time as it is kept: cut (never rounded) to {@link #UNIT}. */
    public static Instant kept(Instant time) {
        return time.truncatedTo(UNIT);
    }

    /** Whether two times are the same moment as kept, whatever digits below {@link #UNIT} either carries. */
    public static boolean same(Instant a, Instant b) {
        return kept(a).equals(kept(b));
    }

    /** A clock that tells {@code base}'s time as it is kept. */
    public static Clock clock(Clock base) {
        return new KeptClock(Objects.requireNonNull(base, "base"));
    }

    private static final class KeptClock extends Clock {

        private final Clock base;

        private KeptClock(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new KeptClock(base.withZone(zone));
        }

        @Override
        public Instant instant() {
            return kept(base.instant());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof KeptClock kept && base.equals(kept.base);
        }

        @Override
        public int hashCode() {
            return base.hashCode() ^ 0x6b657074;
        }

        @Override
        public String toString() {
            return "TimePrecision.clock(" + base + ")";
        }
    }
}
