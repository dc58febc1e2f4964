package nl.incidents.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.json.IncidentsJson;

/** One event of a case as the history projection keeps it, its payload readable (personal data decrypted). */
public record StoredEvent(
        long sequenceNumber, String eventId, String type, Instant occurredAt, Actor actor, String causationId,
        String correlationId, String cause, String payload) {

    private static final ObjectMapper JSON = IncidentsJson.messageMapper();
    private static final Map<String, Class<?>> TYPES = Arrays.stream(IncidentEvent.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    /** The class of the event type the history names by its simple name. */
    static Class<?> type(String name) {
        Class<?> type = TYPES.get(name);
        if (type == null) {
            throw new IllegalStateException("unknown event type " + name + " in the history");
        }
        return type;
    }

    /** The event itself, read back with the same mapping it was stored with. */
    public IncidentEvent event() {
        Class<?> type = type(this.type);
        try {
            return (IncidentEvent) JSON.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history entry " + eventId + " cannot be read", e);
        }
    }

    /** The stored event with its payload read once. */
    public Read withEvent() {
        return new Read(this, event());
    }

    /** A stored event and its payload. */
    public record Read(StoredEvent stored, IncidentEvent event) {
    }
}
