package nl.incidents.web.board;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A page of what was read about the signed-in person, as the query service gives it ({@code GET /api/me/access-log}):
 * by the readers' roles, never their names or addresses; newest first, {@code next} the {@code before} of the next page.
 */
record OwnAccessLogView(List<Entry> entries, Long next) {

    OwnAccessLogView {
        entries = entries == null ? List.of() : entries;
    }

    /** One read: when, the reader's role (or {@code byYou}), what, through what, and whether it was refused. */
    record Entry(OffsetDateTime at, String readerRole, boolean byYou, String kind, String incidentId, String personId,
                 String channel, boolean refused) {
    }
}
