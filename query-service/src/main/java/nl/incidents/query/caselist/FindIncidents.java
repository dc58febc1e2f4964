package nl.incidents.query.caselist;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Severity;

/**
 * One page of the cases this viewer may see: at most {@code pageSize} ({@value #DEFAULT_PAGE_SIZE} by
 * default, at most {@value #MAX_PAGE_SIZE}), those that pass the {@code filter}, in the {@code sort}
 * order, starting after the position {@code after} names (a page token from the previous page, or
 * null for the first page).
 *
 * @throws RequestRefused invalid, naming {@code size}, for a page size outside 1..{@value #MAX_PAGE_SIZE}
 */
public record FindIncidents(Actor viewer, Filter filter, Sort sort, int pageSize, String after) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    public FindIncidents {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw RequestRefused.invalid("list.size", "size", "Ask for 1 to " + MAX_PAGE_SIZE + " cases a page, not " + pageSize + ".");
        }
    }

    /** The first page, every case the viewer may see, newest first. */
    public static FindIncidents firstPage(Actor viewer) {
        return new FindIncidents(viewer, Filter.NONE, Sort.REPORTED, DEFAULT_PAGE_SIZE, null);
    }

    /** The order of a list. */
    public enum Sort {
        /** Newest report first. */
        REPORTED,
        /**
         * The case whose earliest open deadline comes first at the top, so overdue cases come first of
         * all (a step the board is being reminded of counts from the deadline it missed); cases with
         * equal deadlines oldest report first; then the cases with nothing due, newest first. For
         * viewers who may not see a case's timing it is {@link #REPORTED}.
         */
        DUE;

        /** Reads {@code ?sort=}: {@code reported} (or nothing) or {@code due}. */
        public static Sort parse(String value) {
            if (value == null || value.isBlank() || value.equals("reported")) {
                return REPORTED;
            }
            if (value.equals("due")) {
                return DUE;
            }
            throw RequestRefused.invalid("list.sort", "sort", "Sort by 'reported' (newest first, the default) or 'due', not '"
                    + value + "'.");
        }
    }

    /**
     * Which cases to list; an empty set lets all through. {@code overdue}: true for the cases with a
     * step past its deadline, false for those without, null for both.
     */
    public record Filter(Set<IncidentStatus> statuses, Set<String> schools, Set<Severity> severities, Boolean overdue) {

        public static final Filter NONE = new Filter(Set.of(), Set.of(), Set.of(), null);

        public Filter {
            statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
            schools = Set.copyOf(schools);
            severities = severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        }

        /**
         * Reads the request parameters {@code status}, {@code school}, {@code severity} (each repeated
         * or comma-separated) and {@code overdue} ({@code true} or {@code false}).
         *
         * @throws RequestRefused invalid, naming the parameter, for a value it does not know
         */
        public static Filter parse(List<String> statuses, List<String> schools, List<String> severities, String overdue) {
            return new Filter(
                    values(statuses, "status", IncidentStatus.class),
                    split(schools).stream().map(school -> {
                        if (!school.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                            throw RequestRefused.invalid("list.school", "school", "'" + school + "' is not a school id.");
                        }
                        return school;
                    }).collect(Collectors.toCollection(TreeSet::new)),
                    values(severities, "severity", Severity.class),
                    overdue(overdue));
        }

        private static Boolean overdue(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw RequestRefused.invalid("list.overdue", "overdue", "Say overdue=true or overdue=false, not '" + value + "'.");
            };
        }

        private static <E extends Enum<E>> Set<E> values(List<String> values, String parameter, Class<E> type) {
            Function<String, E> parse = value -> Arrays.stream(type.getEnumConstants())
                    .filter(constant -> constant.name().equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> RequestRefused.invalid("list.value", parameter, "'" + value + "' is not a " + parameter + "; say "
                            + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                            + "."));
            return split(values).stream().map(parse).collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
        }

        private static List<String> split(List<String> values) {
            return values == null ? List.of() : values.stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::trim).filter(value -> !value.isEmpty()).toList();
        }
    }
}
