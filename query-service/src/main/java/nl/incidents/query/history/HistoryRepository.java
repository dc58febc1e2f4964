package nl.incidents.query.history;

import static nl.incidents.query.Projections.instant;

import java.util.List;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.support.privacy.StoredEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a case's events back in order, their personal data decrypted (or {@value
 * nl.incidents.kernel.privacy.PersonalData#ERASED} where its key was deleted).
 */
@Repository
public class HistoryRepository {

    private final JdbcClient jdbc;
    private final StoredEvents stored;

    HistoryRepository(JdbcClient jdbc, StoredEvents stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    public List<StoredEvent> of(IncidentId incidentId) {
        return jdbc.sql("SELECT * FROM incident_history WHERE incident_id = ? ORDER BY sequence_number")
                .param(incidentId.toString())
                .query((rs, n) -> new StoredEvent(
                        rs.getLong("sequence_number"),
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        instant(rs, "occurred_at"),
                        stored.actor(incidentId, rs.getString("actor_id"), rs.getString("actor_role")),
                        rs.getString("causation_id"),
                        rs.getString("correlation_id"),
                        rs.getString("cause"),
                        stored.readable(StoredEvent.type(rs.getString("event_type")), rs.getString("payload"))))
                .list();
    }
}
