package nl.incidents.query.inbox;

import static nl.incidents.query.Projections.instant;

import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.notification.Notice;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers for an inbox: only ever the viewer's own entries. */
@Component
class InboxQueries {

    private final JdbcClient jdbc;

    InboxQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Inbox handle(FindInbox query) {
        return new Inbox(jdbc.sql("""
                        SELECT incident_id, kind, subject, text, received_at FROM inbox_entry
                        WHERE recipient_id = ?
                        ORDER BY received_at DESC, entry_id DESC
                        FETCH FIRST ? ROWS ONLY""")
                .params(query.viewer().id().value(), query.limit())
                .query((rs, row) -> new InboxEntry(IncidentId.of(rs.getString("incident_id")),
                        Notice.Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("text"),
                        instant(rs, "received_at")))
                .list());
    }
}
