package nl.incidents.support.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.incidents.kernel.incident.IncidentEvent;

/**
 * An event's JSON as the stores keep it: with its personal data encrypted, as the event serializer writes it. For
 * a service's own copies of events (the query service's history), so that they hold no more readable personal
 * data than the event store, and read {@value nl.incidents.kernel.privacy.PersonalData#ERASED} as soon as a key
 * is deleted.
 */
public class StoredEvents {

    private final PersonalDataCipher cipher;
    private final ObjectMapper plain;

    public StoredEvents(PersonalDataCipher cipher, ObjectMapper plain) {
        this.cipher = cipher;
        this.plain = plain;
    }

    /** The event's JSON with its personal data encrypted. */
    public String encrypted(IncidentEvent event) {
        ObjectNode tree = plain.valueToTree(event);
        cipher.encrypt(event.getClass(), tree);
        return tree.toString();
    }

    /**
     * The JSON of an event of {@code type}, stored by {@link #encrypted}, with its personal data readable again
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
