package nl.incidents.query.accesslog;

import nl.incidents.kernel.RequestRefused;

/**
 * Which page of an access log: the {@code limit} newest entries older than entry {@code before} (all when absent).
 * Paged by entry number rather than by page number, so that reads recorded while someone pages do not shift the pages.
 *
 * @param before only entries with a lower number; null for the newest
 * @param limit  how many entries, 1 to {@value #MAX_LIMIT}
 * @throws RequestRefused invalid ({@code access-log.limit} naming {@code limit}, {@code access-log.before} naming
 *                        {@code before}) for a limit out of range or a {@code before} below 1
 */
public record Paging(Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public Paging {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestRefused.invalid("access-log.limit", "limit", "Ask for 1 to " + MAX_LIMIT + " entries, not " + limit + ".");
        }
        if (before != null && before < 1) {
            throw RequestRefused.invalid("access-log.before", "before", "before is the number of an entry: 1 or more.");
        }
    }

    /** The upper bound (exclusive) of the entries' numbers on this page. */
    long upTo() {
        return before == null ? Long.MAX_VALUE : before;
    }
}
