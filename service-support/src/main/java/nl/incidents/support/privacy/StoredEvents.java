package nl.incidents.support.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import org.axonframework.messaging.MetaData;

/**
 * Reads a service's own copies of events (the query service's history), which keep each event as the event store
 * keeps it (its personal data and its actor encrypted, never encrypted again by the copy), so that they hold no more
 * readable personal data than the event store and read {@value nl.incidents.kernel.privacy.PersonalData#ERASED} as
 * soon as a key is deleted.
 */
public class StoredEvents {

    private final PersonalDataCipher cipher;
    private final ObjectMapper plain;

    public StoredEvents(PersonalDataCipher cipher, ObjectMapper plain) {
        this.cipher = cipher;
        this.plain = plain;
    }

    /**
     * Who acted, as a copy of an event keeps it: the metadata's actor id as stored (encrypted with the actor's key of
     * the case), or null when the event names none.
     */
    public static String storedActorId(MetaData metaData) {
        Object id = metaData.get(Actor.ID_KEY);
        return id == null ? null : id.toString();
    }

    /**
     * The actor of an event of this case from its stored id and role: the person, or {@value
     * nl.incidents.kernel.privacy.PersonalData#ERASED} in their role once their key of the case is gone; null when
     * either is null.
     */
    public Actor actor(IncidentId incidentId, String storedId, String role) {
        if (storedId == null || role == null) {
            return null;
        }
        return new Actor(new PersonId(cipher.decryptActor(incidentId, storedId)), ActorRole.valueOf(role));
    }

    /**
     * The JSON of an event of {@code type}, as the event store keeps it, with its personal data readable again
     * (or {@value nl.incidents.kernel.privacy.PersonalData#ERASED} where its key is gone), for the kernel's mapping.
     */
    public String readable(Class<?> type, String stored) {
        try {
            ObjectNode tree = (ObjectNode) plain.readTree(stored);
            cipher.decrypt(type, tree);
            return tree.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not JSON", e);
        }
    }
}
