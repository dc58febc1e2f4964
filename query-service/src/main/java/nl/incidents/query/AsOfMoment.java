package nl.incidents.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import nl.incidents.kernel.RequestRefused;

/** The moment an as-of view (zoals het er toen voor stond) is asked for, read from its {@code at} parameter. */
public final class AsOfMoment {

    private AsOfMoment() {
    }

    /**
     * The moment, to the millisecond given: every event stored up to and including it counts.
     *
     * @param at an ISO 8601 date and time with its offset, such as {@code 2026-11-20T14:30:00+01:00}
     * @throws RequestRefused invalid ({@code field.format}, naming {@code at}) for text that is no such moment, or none
     */
    public static Instant parse(String at) {
        try {
            return OffsetDateTime.parse(at == null ? "" : at.strip()).toInstant();
        } catch (DateTimeParseException notAMoment) {
            throw RequestRefused.invalid("field.format", "at", "Give the moment as a date and time with its offset, "
                    + "such as 2026-11-20T14:30:00+01:00.");
        }
    }
}
