package nl.incidents.kernel.incident;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Immutable enum sets in declaration order, so that a set reads the same in every process and
 * after every restart (a plain {@code Set.copyOf}, or the {@code HashSet} Jackson reads JSON into,
 * iterates in a different order per JVM). Every record that carries a set of enum values, in an
 * event, a command or a query's answer, keeps it through {@link #of}; the order is the one the
 * enum declares, in memory and in JSON.
 */
public final class OrderedSets {

    private OrderedSets() {
    }

    /** The values as an immutable set in the enum's declaration order; empty for null. */
    public static <E extends Enum<E>> Set<E> of(Collection<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(type));
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(values));
    }
}
