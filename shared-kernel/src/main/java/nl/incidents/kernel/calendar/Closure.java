package nl.incidents.kernel.calendar;

import java.time.LocalDate;
import java.util.Set;
import nl.incidents.kernel.incident.Region;

/** A holiday or day off: the schools of the given regions are closed from {@code from} to {@code to}, both included. */
record Closure(String name, Set<Region> regions, LocalDate from, LocalDate to) {

    Closure {
        regions = Set.copyOf(regions);
    }

    boolean appliesTo(Region region) {
        return regions.contains(region);
    }

    boolean overlaps(Closure other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + from + " to " + to + ")";
    }
}
