package nl.incidents.query.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The protocol evaluation: for the whole board and for each school, the cases of a period (by the time they were
 * reported) counted and timed in sections, each figure beside the same figure of the period of the same length just
 * before. It names no person, and every figure has passed {@link SmallCells}: every count is rounded to a multiple of
 * 5, a count of one to four reads {@value SmallCells#FEWER_THAN_FIVE}, the breakdown of a scope with one to four cases
 * and a time over fewer than five cases read {@value SmallCells#WITHHELD}, a time nobody's case measured reads
 * {@value SmallCells#NONE}. No exact count is in it.
 *
 * @param board    the school board's name
 * @param madeAt   when it was made
 * @param period   the period asked for
 * @param previous the period of the same length just before it
 * @param scopes   the whole board first (its {@code schoolId} is null), then each school of the directory, then any
 *                 school no longer in it, by id
 */
public record Evaluation(String board, Instant madeAt, Span period, Span previous, List<Scope> scopes) {

    /** The sections, in the order they are shown; {@code school} only in the whole board's scope. */
    public static final List<String> SECTIONS = List.of("cases", "school", "stage", "harm", "platform", "severity",
            "time", "late", "escalation", "measure", "report", "outcome");

    public Evaluation {
        scopes = List.copyOf(scopes);
    }

    /** A period of days: {@code from} inclusive, {@code to} exclusive, in Dutch time. */
    public record Span(LocalDate from, LocalDate to) {
    }

    /**
     * The figures of the whole board ({@code schoolId} null, {@code name} the board's) or of one school.
     *
     * @param sections in the order of {@link #SECTIONS}
     */
    public record Scope(String schoolId, String name, List<Section> sections) {

        public Scope {
            sections = List.copyOf(sections);
        }

        /** The section by its name, or null when this scope has none of that name. */
        public Section section(String name) {
            return sections.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * One section of figures.
     *
     * @param name    {@code cases} (item {@code total}), {@code school} (items are school ids), {@code stage},
     *                {@code harm} (a case counts under each of its harms), {@code platform}, {@code severity},
     *                {@code time} (hours from the report: {@code acknowledge}, {@code communications} and
     *                {@code police-decision}, each as {@code .cases}, {@code .median}, {@code .p90}), {@code late}
     *                (steps found overdue, by step), {@code escalation} (escalations to the board, by
     *                {@link EscalationReason}), {@code measure} (measures imposed, by kind), {@code report} (police
     *                reports filed, declined, concluded; reports to the confidential inspector), {@code outcome}
     *                (closed with or without a measure, or still open, at the period's end)
     * @param unit    {@code cases}, {@code hours} or {@code times} (events counted, not cases)
     * @param figures every item of the section, also the zeros, in a fixed order
     */
    public record Section(String name, String unit, List<Figure> figures) {

        public Section {
            figures = List.copyOf(figures);
        }

        /** The figure by its item, or null. */
        public Figure figure(String item) {
            return figures.stream().filter(f -> f.item().equals(item)).findFirst().orElse(null);
        }
    }

    /** One figure: its item, in the period and in the previous period. */
    public record Figure(String item, Cell period, Cell previous) {
    }

    /**
     * A figure as it may be shown.
     *
     * @param value the number shown (a count rounded to a multiple of 5, never the exact count; or hours to one
     *              decimal), or null when it reads {@value SmallCells#FEWER_THAN_FIVE}, {@value SmallCells#WITHHELD} or
     *              {@value SmallCells#NONE}
     * @param shown what to show: the number, {@value SmallCells#FEWER_THAN_FIVE}, {@value SmallCells#WITHHELD} or
     *              {@value SmallCells#NONE}
     */
    public record Cell(BigDecimal value, String shown) {

        public Cell {
            Objects.requireNonNull(shown, "shown");
        }
    }
}
