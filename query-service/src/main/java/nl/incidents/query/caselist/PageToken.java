package nl.incidents.query.caselist;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.IncidentId;

/**
 * Where a page of the case list ends: the sort keys of its last case. The next page starts after it,
 * so it stays right while cases are reported or change (keyset pagination). Travels as an opaque
 * URL-safe string; it names no person, only a case id and times.
 *
 * @param deadline the case's earliest open deadline; null in the newest-first order and, in the due
 *                 order, for the cases with nothing due (which come after all cases with a deadline)
 */
record PageToken(FindIncidents.Sort sort, Instant deadline, Instant reportedAt, IncidentId incidentId) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String encode() {
        String text = sort.name() + "~" + (deadline == null ? "" : deadline) + "~" + reportedAt + "~" + incidentId;
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token given as {@code after}; null for none.
     *
     * @throws RequestRefused invalid, naming {@code after}, for a token this list did not give for this order
     */
    static PageToken decode(String token, FindIncidents.Sort sort) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("~", -1);
            if (parts.length == 4 && parts[0].equals(sort.name())) {
                return new PageToken(sort, parts[1].isEmpty() ? null : Instant.parse(parts[1]), Instant.parse(parts[2]),
                        IncidentId.of(parts[3]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below, as any other token that is not ours
        }
        throw RequestRefused.invalid("list.page-token", "after", "This is not a page token of this list in this order: start again from "
                + "the first page.");
    }
}
