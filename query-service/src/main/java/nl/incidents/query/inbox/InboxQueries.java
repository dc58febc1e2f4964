package nl.incidents.query.inbox;

import static nl.incidents.query.Projections.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.NoticeFacts;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers for an inbox: only ever the viewer's own entries, with whether the viewer has read each; for anyone but the
 * board, none of a need-to-know case they were not added to (the projection removes those when a case becomes
 * need-to-know; this also keeps out the entries listed before need to know existed).
 */
@Component
class InboxQueries {

    private final JdbcClient jdbc;

    InboxQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Inbox handle(FindInbox query) {
        return new Inbox(jdbc.sql("""
                        SELECT e.event_id, e.incident_id, e.kind, e.subject, e.text, e.received_at, e.school_id,
                               e.school_name, e.level, e.step, e.due_at, e.missed_acknowledgement, e.reminder,
                               e.legal_duty, e.by_system,
                               CASE WHEN m.event_id IS NULL THEN 0 ELSE 1 END AS is_read
                        FROM inbox_entry e
                        LEFT JOIN inbox_read_mark m ON m.recipient_id = e.recipient_id AND m.event_id = e.event_id
                        WHERE e.recipient_id = ? """ + mayKnow(query.viewer()) + """
                        ORDER BY e.received_at DESC, e.entry_id DESC
                        FETCH FIRST ? ROWS ONLY""")
                .params(query.viewer().id().value(), query.limit())
                .query((rs, row) -> {
                    IncidentId incidentId = IncidentId.of(rs.getString("incident_id"));
                    Notice.Kind kind = Notice.Kind.valueOf(rs.getString("kind"));
                    return new InboxEntry(rs.getString("event_id"), incidentId, kind, rs.getString("subject"),
                            rs.getString("text"), instant(rs, "received_at"), rs.getInt("is_read") == 1,
                            facts(rs, kind, incidentId));
                })
                .list());
    }

    /** For anyone but the board: leaves out the entries of need-to-know cases the viewer was not added to. */
    private static String mayKnow(Actor viewer) {
        // Spaces on both sides: a text block drops the trailing space before it.
        return viewer.role() == ActorRole.BOARD ? " " : " AND NOT EXISTS (SELECT 1 FROM incident_summary s"
                + " WHERE s.incident_id = e.incident_id AND s.need_to_know = TRUE AND NOT EXISTS ("
                + "SELECT 1 FROM need_to_know_reader r WHERE r.incident_id = e.incident_id AND r.person_id = e.recipient_id)) ";
    }

    /** The notice's facts, or null for a row listed before they were kept (no step; a notice of no step has none). */
    private static NoticeFacts facts(ResultSet rs, Notice.Kind kind, IncidentId incidentId) throws SQLException {
        String step = rs.getString("step");
        if (step == null && kind != Notice.Kind.NEED_TO_KNOW_READER_ADDED) {
            return null;
        }
        String level = rs.getString("level");
        return new NoticeFacts(kind, incidentId, rs.getString("school_id"), rs.getString("school_name"),
                level == null ? null : EscalationLevel.valueOf(level), step == null ? null : Step.valueOf(step), instant(rs, "due_at"),
                instant(rs, "missed_acknowledgement"), rs.getInt("reminder"), rs.getBoolean("legal_duty"),
                rs.getBoolean("by_system"));
    }

    @QueryHandler
    UnreadCount handle(FindUnreadCount query) {
        return new UnreadCount(jdbc.sql("""
                        SELECT COUNT(*) FROM inbox_entry e
                        WHERE e.recipient_id = ? AND NOT EXISTS (SELECT 1 FROM inbox_read_mark m
                            WHERE m.recipient_id = e.recipient_id AND m.event_id = e.event_id) """
                        + mayKnow(query.viewer()))
                .param(query.viewer().id().value())
                .query(Long.class).single());
    }
}
