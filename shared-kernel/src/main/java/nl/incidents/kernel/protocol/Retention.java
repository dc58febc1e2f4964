package nl.incidents.kernel.protocol;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When a case may be erased, and if not, why not: the storage limitation of the AVG (art. 5(1)(e): kept no longer
 * than needed, here a number of years after the case closed, per kind of record, {@link RetentionPeriods}) and its
 * exception for what is needed for a legal claim or investigation (art. 17(3)(e): the case's holds,
 * {@link CaseProgress#holds()}). An open case is never erased. A pure rule: the command service's daily retention task
 * and the board's dry run of it both decide by {@link #of}.
 */
public final class Retention {

    /** Years are counted on the Dutch calendar: a case closed on 3 March 2020 is kept until 3 March 2025. */
    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private Retention() {
    }

    /**
     * Where the case stands in its retention.
     *
     * @param progress  the case, folded from all its events
     * @param closedAt  when the case closed (the time of its {@code IncidentClosed} event); ignored, and may be
     *                  null, while the case is open
     * @param periods   the retention periods in force
     * @param now       the moment asked about
     * @throws IllegalArgumentException when the case is closed and {@code closedAt} is null
     */
    public static Verdict of(CaseProgress progress, Instant closedAt, RetentionPeriods periods, Instant now) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(now, "now");
        List<Hold> holds = progress.holds();
        if (!progress.closed()) {
            return new Verdict(Reason.OPEN, Map.of(), holds);
        }
        if (closedAt == null) {
            throw new IllegalArgumentException("A closed case needs the time it closed.");
        }
        Map<RecordKind, Instant> from = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            from.put(kind, closedAt.atZone(DUTCH_TIME).plusYears(periods.years(kind)).toInstant());
        }
        Reason reason = !holds.isEmpty() ? Reason.HELD
                : now.isBefore(from.get(RecordKind.CASE)) ? Reason.RETENTION_RUNNING : Reason.ERASABLE;
        return new Verdict(reason, from, holds);
    }

    /** Where a case stands in its retention, the first that applies. */
    public enum Reason {
        /** The case is open: it is never erased. */
        OPEN("open"),
        /** The case is closed but something holds it ({@link Verdict#holds()}). */
        HELD("held"),
        /** The case is closed and nothing holds it, but its retention period has not passed. */
        RETENTION_RUNNING("retention-running"),
        /** The case's retention period has passed and nothing holds it: it may be erased now. */
        ERASABLE("erasable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The reason as the API gives it, such as {@code retention-running}. */
        public String code() {
            return code;
        }
    }

    /**
     * The answer of {@link Retention#of}.
     *
     * @param reason        where the case stands: {@link Reason#ERASABLE} only when it may be erased now
     * @param erasableFrom  per kind of record, the moment its retention period ends (closure plus its years); empty
     *                      while the case is open. A hold keeps the case past these moments
     * @param holds         everything that holds the case, in the order of {@link CaseProgress#holds()}; reported for
     *                      an open case too, so a board sees what will keep it once closed
     */
    public record Verdict(Reason reason, Map<RecordKind, Instant> erasableFrom, List<Hold> holds) {

        public Verdict {
            Objects.requireNonNull(reason, "reason");
            EnumMap<RecordKind, Instant> copy = new EnumMap<>(RecordKind.class);
            copy.putAll(erasableFrom);
            erasableFrom = Collections.unmodifiableMap(copy);
            holds = List.copyOf(holds);
        }

        /** Whether the case may be erased now. */
        public boolean erasable() {
            return reason == Reason.ERASABLE;
        }

        /** When the case itself reaches the end of its retention period, or null while it is open. */
        public Instant caseErasableFrom() {
            return erasableFrom.get(RecordKind.CASE);
        }

        /**
         * Whether this kind of the case's records may be erased at {@code now}: the case is closed, nothing holds it,
         * and the kind's own period has passed.
         */
        public boolean erasable(RecordKind kind, Instant now) {
            Instant from = erasableFrom.get(kind);
            return from != null && holds.isEmpty() && !now.isBefore(from);
        }
    }
}
