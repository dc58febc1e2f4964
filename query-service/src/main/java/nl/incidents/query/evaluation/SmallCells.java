package nl.incidents.query.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import nl.incidents.query.evaluation.Evaluation.Cell;

/**
 * The small-cell rule of the evaluation: which figures may be shown, so that nobody can be recognised in them. The
 * evaluation is about the protocol, not about people; a count of one case at a small school over two years can point
 * at a pupil or a teacher everyone knows. The AVG allows only the data the purpose needs (art. 5(1)(c), data
 * minimisation) and requires that it be kept from those who may not learn it (art. 5(1)(f), confidentiality); data
 * from which a person can be recognised stays personal data (recital 26). Statistics Netherlands (CBS) protects its
 * tables the same way: small cells are suppressed, and a second cell too where the first could be worked out.
 *
 * <ol>
 *   <li>A count of 1 to 4 reads {@value #FEWER_THAN_FIVE}, never the number; 0 reads 0.</li>
 *   <li>A scope (a school, or the board) with 1 to 4 cases in a period shows {@value #FEWER_THAN_FIVE} for its total
 *       and {@value #WITHHELD} for every other figure of that period: no breakdown at all.</li>
 *   <li>A time (median, 90th percentile) measured over fewer than {@value #THRESHOLD} cases reads
 *       {@value #WITHHELD}; over none, {@value #NONE}.</li>
 *   <li>Secondary suppression: in a breakdown whose parts add up to a total that is shown (cases by stage, platform,
 *       severity, outcome, school), when exactly one part is suppressed, the smallest other part above zero reads
 *       {@value #WITHHELD} as well, so that the suppressed one cannot be found by subtraction.</li>
 * </ol>
 */
public final class SmallCells {

    /** The smallest count that is shown as a number. */
    public static final int THRESHOLD = 5;
    /** What a count of 1 to 4 reads. */
    public static final String FEWER_THAN_FIVE = "<5";
    /** What a figure withheld for another's sake (secondary suppression, a small scope, a time over few cases) reads. */
    public static final String WITHHELD = "x";
    /** What a time reads that no case measured. */
    public static final String NONE = "-";

    private SmallCells() {
    }

    /** A count as it may be shown on its own (rule 1). */
    public static Cell count(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count is never negative: " + n);
        }
        return small(n) ? new Cell(null, FEWER_THAN_FIVE) : new Cell(BigDecimal.valueOf(n), Long.toString(n));
    }

    /** Whether a count is too small to show (1 to 4). */
    public static boolean small(long n) {
        return n > 0 && n < THRESHOLD;
    }

    /** A figure withheld. */
    public static Cell withheld() {
        return new Cell(null, WITHHELD);
    }

    /** Counts that do not add up to a shown total (a case may count under several, or events are counted). */
    public static List<Cell> counts(List<Long> counts) {
        return counts.stream().map(SmallCells::count).toList();
    }

    /**
     * The parts of a total that is shown (rules 1 and 4): each part as {@link #count}, and when exactly one part is
     * suppressed, the smallest other part above zero (the first of equals) withheld too.
     */
    public static List<Cell> parts(List<Long> parts) {
        List<Cell> cells = new ArrayList<>(counts(parts));
        long suppressed = parts.stream().filter(SmallCells::small).count();
        if (suppressed == 1) {
            int next = -1;
            for (int i = 0; i < parts.size(); i++) {
                long n = parts.get(i);
                if (n >= THRESHOLD && (next < 0 || n < parts.get(next))) {
                    next = i;
                }
            }
            if (next >= 0) {
                cells.set(next, withheld());
            }
        }
        return cells;
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
