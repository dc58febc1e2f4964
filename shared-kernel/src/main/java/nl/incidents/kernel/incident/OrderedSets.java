package nl.incidents.kernel.incident;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Immutable enum sets in declaration order, so that a set reads the same in every process and
 * after every restart (a plain {@code Set.copyOf} iterates in a different order per JVM).
 */
final class OrderedSets {

    private OrderedSets() {
    }

    static <E extends Enum<E>> Set<E> of(Collection<E> values, Class<E> type) {
        if (values == null || values.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(type));
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(values));
    }
}
