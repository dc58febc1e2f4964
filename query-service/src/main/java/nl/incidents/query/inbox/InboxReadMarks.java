package nl.incidents.query.inbox;

import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Marks a member's own inbox entry read (gelezen). The one thing the query side keeps of a person's own doing: a
 * read mark is how a person keeps their inbox, not a fact of a case, so it is no event; it is kept apart from the
 * projection's tables, so that a replay of the inbox keeps what was read.
 */
@Component
class InboxReadMarks {

    private final JdbcClient jdbc;

    InboxReadMarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the viewer's entry {@code entryId} read; marking it again changes nothing.
     *
     * @throws RequestRefused not found when the viewer has no entry with that id (another's entry included)
     */
    void markRead(Actor viewer, String entryId) {
        String recipient = viewer.id().value();
        boolean theirs = jdbc.sql("SELECT COUNT(*) FROM inbox_entry WHERE recipient_id = ? AND event_id = ?")
                .params(recipient, entryId).query(Long.class).single() > 0;
        if (!theirs) {
            throw RequestRefused.notFound("inbox.unknown-entry", "Your inbox has no entry " + entryId + ".");
        }
        boolean marked = jdbc.sql("SELECT COUNT(*) FROM inbox_read_mark WHERE recipient_id = ? AND event_id = ?")
                .params(recipient, entryId).query(Long.class).single() > 0;
        if (!marked) {
            try {
                jdbc.sql("INSERT INTO inbox_read_mark (recipient_id, event_id, read_at) VALUES (?, ?, ?)")
                        .params(recipient, entryId, utc(Instant.now())).update();
            } catch (DuplicateKeyException markedMeanwhile) {
                // marked read by another request of the same person at the same moment: done
            }
        }
    }
}
