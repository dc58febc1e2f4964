package nl.incidents.query.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import nl.incidents.query.evaluation.Evaluation.Cell;

/**
 * The small-cell rule of the evaluation: which figures may be shown, and how, so that nobody can be recognised in them.
 * The evaluation is about the protocol, not about people; a count of one case at a small school over two years can
 * point at a pupil or a teacher everyone knows. The AVG allows only the data the purpose needs (art. 5(1)(c), data
 * minimisation) and requires that it be kept from those who may not learn it (art. 5(1)(f), confidentiality); data
 * from which a person can be recognised, also by combining figures, stays personal data (recital 26).
 *
 * <p>Hiding the small cells alone is not enough: the board's figure is the sum of its schools', and a school's total
 * the sum of its parts, so a shown total minus the shown parts gives back the hidden one (a school of 6 cases with
 * "5 medium" and "&lt;5 high" has exactly 1 high). Statistics Netherlands (CBS) prevents such disclosure by
 * differencing by rounding every published count to a multiple of 5; so does this rule. Every figure shown is then
 * a band of several possible counts, and subtracting bands gives a range, never an exact hidden count. It replaces
 * secondary suppression (withholding a second cell beside a small one), which did not hold across the board's and
 * the schools' tables.
 *
 * <ol>
 *   <li>Every count, at every level (the board and each school, both periods, every section, the totals too), is
 *       shown rounded: 0 to 4 read {@value #FEWER_THAN_FIVE} (a zero too: were it shown, a "5" beside two
 *       "&lt;5" parts of a total of "5" would pin each of them at 1); from {@value #THRESHOLD} on, the nearest
 *       multiple of 5, {@code 5 * round(n / 5)} (5 to 7 read 5, 8 to 12 read 10, 13 to 17 read 15, ...; there are
 *       no ties). The exact count is never published, not even as a cell's {@code value}.</li>
 *   <li>A scope (a school, or the board) with 1 to 4 cases in a period shows {@value #FEWER_THAN_FIVE} for its total
 *       and {@value #WITHHELD} for every other figure of that period: a cell of fewer than five cases is not broken
 *       down further.</li>
 *   <li>A time (median, 90th percentile) is shown exactly, in hours to one decimal, but only when measured over
 *       {@value #THRESHOLD} cases or more; over fewer it reads {@value #WITHHELD}, over none {@value #NONE}.</li>
 * </ol>
 */
public final class SmallCells {

    /** The smallest count that is shown as a number, and the fewest cases a time or a breakdown is shown for. */
    public static final int THRESHOLD = 5;
    /** The multiple every count shown is rounded to. */
    public static final int MULTIPLE = 5;
    /** What a count of 0 to 4 reads. */
    public static final String FEWER_THAN_FIVE = "<5";
    /** What a figure reads that is not shown: the breakdown of a scope with 1 to 4 cases, a time over few cases. */
    public static final String WITHHELD = "x";
    /** What a time reads that no case measured. */
    public static final String NONE = "-";

    private SmallCells() {
    }

    /**
     * A count as it may be shown (rule 1): {@value #FEWER_THAN_FIVE} for 0 to 4 (value null), or rounded to the nearest
     * multiple of {@value #MULTIPLE} (value and text alike).
     *
     * @throws IllegalArgumentException for a negative count
     */
    public static Cell count(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count is never negative: " + n);
        }
        if (n < THRESHOLD) {
            return new Cell(null, FEWER_THAN_FIVE);
        }
        long rounded = rounded(n);
        return new Cell(BigDecimal.valueOf(rounded), Long.toString(rounded));
    }

    /** {@code n} rounded to the nearest multiple of {@value #MULTIPLE}; {@code n / 5} is never a half for a whole n. */
    static long rounded(long n) {
        return (n + MULTIPLE / 2) / MULTIPLE * MULTIPLE;
    }

    /** Whether a count is too small to show (1 to 4). */
    public static boolean small(long n) {
        return n > 0 && n < THRESHOLD;
    }

    /** A figure withheld. */
    public static Cell withheld() {
        return new Cell(null, WITHHELD);
    }

    /** Counts, each as {@link #count}. */
    public static List<Cell> counts(List<Long> counts) {
        return counts.stream().map(SmallCells::count).toList();
    }

    /**
     * A figure of a scope's breakdown in a period (rule 2): as given, or {@value #WITHHELD} when the scope has 1 to 4
     * cases in that period.
     *
     * @param scopeCases the scope's number of cases in the period (exact)
     * @param figure     the figure as it would be shown on its own
     */
    public static Cell withinScope(long scopeCases, Cell figure) {
        return small(scopeCases) ? withheld() : figure;
    }

    /**
     * A percentile of durations in hours to one decimal (rule 3), by the nearest-rank method: the smallest measured
     * value with at least {@code p}% of the values at or below it (for the median of 5 values the 3rd, for the 90th
     * percentile of 5 values the 5th).
     *
     * @param sortedMillis the durations in milliseconds, ascending
     * @param p            the percentile, 1 to 100
     */
    public static Cell hours(List<Long> sortedMillis, int p) {
        if (sortedMillis.isEmpty()) {
            return new Cell(null, NONE);
        }
        if (sortedMillis.size() < THRESHOLD) {
            return withheld();
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.size());
        long millis = sortedMillis.get(Math.max(0, rank - 1));
        BigDecimal hours = BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(3_600_000L), 1, RoundingMode.HALF_UP);
        return new Cell(hours, hours.toPlainString());
    }
}
