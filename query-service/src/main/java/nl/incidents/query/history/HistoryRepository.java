package nl.incidents.query.history;

import static nl.incidents.query.Projections.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.query.Projections;
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

    /** An event of a case and when it was stored (the time its projections applied it). */
    public record Occurred(IncidentEvent event, Instant at) {
    }

    /** The most cases one statement asks for, well under what the databases take in an IN list. */
    private static final int CASES_A_STATEMENT = 500;

    /**
     * The events of these cases stored up to and including {@code upTo}, each case's in order, read back as
     * {@link #of} reads them (personal data decrypted, or erased) but without who acted: for folding where the cases
     * stood at a moment ({@code nl.incidents.kernel.protocol.CaseProgress}). A case with no event by then is absent.
     */
    public Map<IncidentId, List<Occurred>> upTo(Collection<IncidentId> incidents, Instant upTo) {
        Map<IncidentId, List<Occurred>> events = new LinkedHashMap<>();
        List<IncidentId> all = List.copyOf(incidents);
        for (int from = 0; from < all.size(); from += CASES_A_STATEMENT) {
            List<IncidentId> some = all.subList(from, Math.min(all.size(), from + CASES_A_STATEMENT));
            List<Object> parameters = new ArrayList<>(some.stream().map(id -> (Object) id.toString()).toList());
            parameters.add(Projections.utc(upTo));
            jdbc.sql("SELECT incident_id, event_type, occurred_at, payload FROM incident_history WHERE incident_id IN ("
                            + String.join(", ", some.stream().map(id -> "?").toList())
                            + ") AND occurred_at <= ? ORDER BY incident_id, sequence_number")
                    .params(parameters)
                    .query((rs, n) -> {
                        Class<?> type = StoredEvent.type(rs.getString("event_type"));
                        String payload = stored.readable(type, rs.getString("payload"));
                        StoredEvent event = new StoredEvent(0, null, rs.getString("event_type"), instant(rs, "occurred_at"),
                                null, null, null, null, payload);
                        events.computeIfAbsent(IncidentId.of(rs.getString("incident_id")), id -> new ArrayList<>())
                                .add(new Occurred(event.event(), event.occurredAt()));
                        return event;
                    })
                    .list();
        }
        return events;
    }
}
