package nl.incidents.query.history;

import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.query.Projections;
import nl.incidents.support.axon.BatchWrites;
import nl.incidents.support.privacy.StoredEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every event of every case, with who sent it and because of what, for the board's review. The payload is
 * kept as the event store keeps it, its personal data encrypted ({@link StoredEvents}), so a deleted key makes it
 * read {@value nl.incidents.kernel.privacy.PersonalData#ERASED} here too. It is the stored form itself, never
 * encrypted again here: encrypting needs the keys, and a key this service still holds in its cache after the command
 * service deleted it (an erasure) would otherwise be written back, undoing the erasure.
 */
@Component
@ProcessingGroup(Projections.GROUP)
class HistoryProjection {

    /**
     * Safe to repeat (seen before a restart, or in a replay) and sent with the batch's other events' rows
     * ({@link BatchWrites}): no handler of the group reads the history back.
     */
    private static final String INSERT = """
            INSERT INTO incident_history (incident_id, sequence_number, event_id, event_type, occurred_at,
                actor_id, actor_role, causation_id, correlation_id, cause, payload)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM incident_history WHERE incident_id = ? AND sequence_number = ?)""";

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;

    HistoryProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        String incidentId = event.incidentId().toString();
        String actorId = StoredEvents.storedActorId(message.getMetaData()); // encrypted, as the event store keeps it
        Object actorRole = message.getMetaData().get(Actor.ROLE_KEY);
        BatchWrites.add(jdbc, INSERT, incidentId, sequence, message.getIdentifier(), event.getClass().getSimpleName(),
                utc(at), actorId, actorId == null || actorRole == null ? null : actorRole.toString(),
                message.getMetaData().get("correlationId"), message.getMetaData().get("traceId"),
                message.getMetaData().get(Actor.CAUSE_KEY),
                // The bytes as read from the event store: the serializer that wrote them hands them on as they are.
                message.serializePayload(eventSerializer, String.class).getData(),
                incidentId, sequence);
    }
}
