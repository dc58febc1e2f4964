package nl.incidents.query.incidentdossier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import nl.incidents.kernel.incident.Actor;

/**
 * One event of a case as the board reviews it: what happened ({@code type}, {@code payload}), when,
 * who did it, and because of what ({@code causationId} is the message that caused it,
 * {@code correlationId} the request the chain started from; {@code cause} says why the system acted
 * when it acted on its own). The payload is the event as stored, its times in Dutch time like every
 * time the API shows.
 */
public record HistoryEntry(
        long sequenceNumber,
        String eventId,
        String type,
        Instant occurredAt,
        Actor actor,
        String causationId,
        String correlationId,
        String cause,
        JsonNode payload) {
}
