package nl.incidents.query.accesslog;

import java.util.List;

/**
 * One page of the board's view of the access log, newest first.
 *
 * @param entries at most the page's limit
 * @param next    the {@code before} that asks for the next (older) page; absent on the last page
 */
public record AccessLogPage(List<AccessLogEntry> entries, Long next) {

    public AccessLogPage {
        entries = List.copyOf(entries);
    }
}
