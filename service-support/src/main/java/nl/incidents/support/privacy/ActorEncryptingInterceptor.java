package nl.incidents.support.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonErased;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Encrypts who acted in each event's metadata ({@value Actor#ID_KEY}) with the actor's key of the case, on the event's
 * way to the event store ({@link PersonalDataCipher#encryptActor}): the actor is personal data like a person named in
 * the payload, and Axon Server keeps metadata outside the serializer, so it is encrypted here, for both stores. The
 * role stays readable (it names a function, not a person); the system is nobody; the board member who recorded an
 * erasure is named in the clear on that event (see {@code recordsAnErasure}). Erasing a person then erases their
 * part as actor in that case too. A dispatch interceptor of the event store registered before the hash chain's, so
 * the chain covers the encrypted form.
 */
public class ActorEncryptingInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private final PersonalDataCipher cipher;

    public ActorEncryptingInterceptor(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<EventMessage<?>> encrypted = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            encrypted.add(encrypted(message));
        }
        return (index, message) -> encrypted.get(index);
    }

    /**
     * An erasure names who made it in the clear: it is the board's account of the erasure itself, and the keys of
     * the case it erases (the board member's among them) go with it.
     */
    private static boolean recordsAnErasure(EventMessage<?> message) {
        return PersonErased.class.equals(message.getPayloadType()) || CaseErased.class.equals(message.getPayloadType());
    }

    private EventMessage<?> encrypted(EventMessage<?> message) {
        Object actorId = message.getMetaData().get(Actor.ID_KEY);
        if (!(message instanceof DomainEventMessage<?> event) || event.getAggregateIdentifier() == null
                || !(actorId instanceof String id) || recordsAnErasure(message)) {
            return message;
        }
        IncidentId incident;
        try {
            incident = IncidentId.of(event.getAggregateIdentifier());
        } catch (IllegalArgumentException notACase) {
            return message;
        }
        String stored = cipher.encryptActor(incident, id);
        return stored.equals(id) ? message : message.andMetaData(Map.of(Actor.ID_KEY, stored));
    }
}
