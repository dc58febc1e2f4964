package nl.incidents.web.board;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A page of the access log (inzagelog) as the query service gives the board ({@code GET /api/incidents/{id}/access-log},
 * {@code GET /api/people/{personId}/access-log}): its entries newest first, and {@code next}, the {@code before} of the
 * next (older) page, absent on the last.
 */
record AccessLogView(List<Entry> entries, Long next) {

    AccessLogView {
        entries = entries == null ? List.of() : entries;
    }

    /**
     * One read: its number, when (Dutch time), who in which role, what ({@code kind} INCIDENT_DOSSIER or HISTORY with
     * {@code incidentId}, PERSON_DOSSIER with {@code personId}), from which address, through what ({@code channel}
     * PAGE or API), and whether it was refused.
     */
    record Entry(long id, OffsetDateTime at, HistoryEntryView.Actor reader, String kind, String incidentId,
                 String personId, String address, String channel, boolean refused) {
    }
}
