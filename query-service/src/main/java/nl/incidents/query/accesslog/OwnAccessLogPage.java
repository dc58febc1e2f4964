package nl.incidents.query.accesslog;

import java.util.List;

/**
 * One page of a person's own access log, newest first.
 *
 * @param entries at most the page's limit
 * @param next    the {@code before} that asks for the next (older) page; absent on the last page
 */
public record OwnAccessLogPage(List<OwnAccessLogEntry> entries, Long next) {

    public OwnAccessLogPage {
        entries = List.copyOf(entries);
    }
}
