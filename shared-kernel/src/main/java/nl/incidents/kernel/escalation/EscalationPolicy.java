package nl.incidents.kernel.escalation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Timing;

/**
 * How fast each kind of case must move, and the levels it climbs. LOW to HIGH cases count school
 * time, CRITICAL cases the clock around the hour. The policy in force when a case is reported is
 * recorded with the case, so changing it never rewrites the timing of an existing case.
 */
public record EscalationPolicy(Map<Severity, Timing> timings, List<EscalationLevel> chain) {

    public EscalationPolicy {
        Objects.requireNonNull(timings, "timings");
        EnumSet<Severity> missing = EnumSet.allOf(Severity.class);
        missing.removeAll(timings.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The escalation policy names no timing for " + missing);
        }
        timings = Map.copyOf(new EnumMap<>(timings));
        chain = List.copyOf(chain);
        if (chain.isEmpty() || chain.get(chain.size() - 1) != EscalationLevel.BOARD) {
            throw new IllegalArgumentException("The escalation chain must end with the board, not " + chain);
        }
        if (chain.stream().distinct().count() != chain.size()) {
            throw new IllegalArgumentException("The escalation chain names a level twice: " + chain);
        }
        for (int i = 1; i < chain.size(); i++) {
            if (chain.get(i).compareTo(chain.get(i - 1)) < 0) {
                throw new IllegalArgumentException("The escalation chain must climb, not go down: " + chain);
            }
        }
    }

    /**
     * Defaults for a school board. A school day has eight school hours, so "8h" of school time is
     * one school day. The manager hears of every report at once; these are the times to act.
     */
    public static EscalationPolicy defaults() {
        Map<Severity, Timing> timings = new EnumMap<>(Severity.class);
        timings.put(Severity.LOW, new Timing(hours(8), hours(16), hours(24), hours(8), hours(8)));
        timings.put(Severity.MEDIUM, new Timing(hours(4), hours(8), hours(16), hours(8), hours(4)));
        timings.put(Severity.HIGH, new Timing(hours(2), hours(4), hours(8), hours(4), hours(2)));
        timings.put(Severity.CRITICAL, new Timing(hours(1), hours(2), hours(4), hours(4), hours(1)));
        return new EscalationPolicy(timings, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD));
    }

    public Timing timingFor(Severity severity) {
        return timings.get(severity);
    }

    public static ClockMode clockFor(Severity severity) {
        return severity == Severity.CRITICAL ? ClockMode.AROUND_THE_CLOCK : ClockMode.SCHOOL_TIME;
    }

    private static Duration hours(long hours) {
        return Duration.ofHours(hours);
    }
}
