package nl.incidents.web.board;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The protocol evaluation as the query service answers it ({@code GET /api/evaluation}), and as the page shows it.
 *
 * @param board    the school board's name
 * @param period   the period asked for ({@code to} exclusive)
 * @param previous the period of the same length just before it
 * @param scopes   the whole board first ({@code schoolId} null), then each school
 */
record EvaluationView(String board, Span period, Span previous, List<Scope> scopes) {

    /** Days, {@code from} inclusive, {@code to} exclusive. */
    record Span(LocalDate from, LocalDate to) {
    }

    /** The figures of the whole board or of one school. */
    record Scope(String schoolId, String name, List<Section> sections) {
    }

    /** One section: {@code cases}, {@code school}, {@code stage}, ... with its unit ({@code cases}, {@code hours}, {@code times}). */
    record Section(String name, String unit, List<Figure> figures) {
    }

    /** One figure in both periods. */
    record Figure(String item, Cell period, Cell previous) {
    }

    /**
     * A figure as it may be shown ({@code <5}, {@code x}, {@code -} or the number: a count rounded to a multiple of 5,
     * or hours), its value the number shown, null for the others.
     */
    record Cell(BigDecimal value, String shown) {
    }

    /** The page: the periods in words, then per scope its tables (and, for the whole board, its charts). */
    record Page(String board, String period, String previous, List<PageScope> scopes) {
    }

    /** A scope on the page: its anchor, heading and sections. */
    record PageScope(String anchor, String title, List<PageSection> sections) {
    }

    /**
     * A section on the page: its table's id and caption, its rows, and for a chart the figures as JSON
     * ({@code {"labels":[...],"series":[{"name":...,"data":[n or null...]}...]}}), or null for none.
     */
    record PageSection(String id, String caption, List<Row> rows, String chart) {
    }

    /** One row of a table: what, in the period, in the previous period. */
    record Row(String label, String period, String previous) {
    }
}
