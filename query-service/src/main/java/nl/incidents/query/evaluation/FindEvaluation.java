package nl.incidents.query.evaluation;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.calendar.SchoolCalendar;
import nl.incidents.kernel.calendar.SchoolYear;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;

/**
 * The protocol evaluation (evaluatie van het protocol) for the period {@code from} (inclusive) up to {@code to}
 * (exclusive), days in Dutch time, beside the period of the same length just before it. The board only (anyone else
 * is refused, forbidden, before anything is read).
 *
 * @param from   the first day of the period
 * @param to     the day after the period's last
 * @param viewer who asks
 */
public record FindEvaluation(LocalDate from, LocalDate to, Actor viewer) {

    /** The longest period one evaluation covers: ten years, far more than the two-yearly evaluation needs. */
    public static final Period LONGEST = Period.ofYears(10);

    public FindEvaluation {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(viewer, "viewer");
    }

    /** As {@link #of(String, String, Actor, LocalDate)} on today's date in Dutch time. */
    public static FindEvaluation of(String from, String to, Actor viewer) {
        return of(from, to, viewer, LocalDate.now(SchoolCalendar.ZONE));
    }

    /**
     * The evaluation of the days given as {@code yyyy-mm-dd}, each defaulting to the last two complete school years
     * before {@code today} (on 2026-11-30: 2024-08-01 up to 2026-08-01).
     *
     * @throws RequestRefused forbidden for anyone but the board (before the dates are read); invalid, naming
     *                        {@code from} or {@code to}: not a date, the end not after the start, or a period longer
     *                        than {@link #LONGEST}
     */
    public static FindEvaluation of(String from, String to, Actor viewer, LocalDate today) {
        mayRead(viewer);
        LocalDate end = SchoolYear.of(today).start();
        LocalDate first = day(from, "from", "start", end.minusYears(2));
        LocalDate last = day(to, "to", "end", end);
        if (!last.isAfter(first)) {
            throw RequestRefused.invalid("evaluation.end-before-start", "to",
                    "The end of the period (to) must come after its start (from).");
        }
        if (first.plus(LONGEST).isBefore(last)) {
            throw RequestRefused.invalid("evaluation.period-too-long", "from",
                    "The period from its start (from) to its end (to) may be ten years at most.");
        }
        return new FindEvaluation(first, last, viewer);
    }

    private static LocalDate day(String text, String field, String words, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw RequestRefused.invalid("evaluation.not-a-date", field,
                    "The " + words + " of the period (" + field + ") is not a date: write it as 2024-08-01.");
        }
    }

    /** Refuses anyone but the board (forbidden, code {@code evaluation.board-only}). */
    public static void mayRead(Actor viewer) {
        if (viewer.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("evaluation.board-only", "Only the board reads the protocol evaluation.");
        }
    }

    /** The period of the same length just before this one: from minus its length up to from. */
    public LocalDate previousFrom() {
        return from.minus(Period.between(from, to));
    }
}
