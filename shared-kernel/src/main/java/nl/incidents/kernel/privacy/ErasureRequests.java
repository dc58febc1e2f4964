package nl.incidents.kernel.privacy;

import java.util.regex.Pattern;
import nl.incidents.kernel.RequestRefused;

/**
 * The rules of an erasure request's reference (kenmerk van het verzoek): the number under which the board keeps the
 * request in its own register of AVG requests. It is stored in the clear with the erasure for ever, so it may hold
 * letters, digits, spaces and {@code - . /} only, at most 40 characters, and no more than two words, a shape that
 * leaves no room for a name and a story.
 */
public final class ErasureRequests {

    /** The shape of a reference: such as {@code AVG-2026-014} or {@code verzoek 2026/7}. */
    public static final String FORMAT = "[\\p{L}\\p{N}][\\p{L}\\p{N}./-]*( [\\p{L}\\p{N}./-]+)?";
    public static final Pattern REFERENCE = Pattern.compile(FORMAT);
    /** The most characters of a reference. */
    public static final int MOST = 40;

    private ErasureRequests() {
    }

    /**
     * Checks a reference.
     *
     * @throws RequestRefused invalid (400) with code {@code erasure.request} on the field {@code request} when it is
     *                        missing or not of the shape
     */
    public static void checkReference(String request) {
        if (request == null || request.isBlank()) {
            throw RequestRefused.invalid("erasure.request.missing", "request",
                    "Give the reference of the request in the board's register of AVG requests.");
        }
        if (request.length() > MOST || !REFERENCE.matcher(request).matches()) {
            throw RequestRefused.invalid("erasure.request", "request", "The reference of the request is a register "
                    + "number such as AVG-2026-014: letters, digits, '-', '.' and '/', at most two words and "
                    + MOST + " characters, and no name.");
        }
    }
}
