package nl.incidents.kernel.incident;

import java.util.Map;
import java.util.Objects;

/**
 * Who sent a command: an authenticated person in their role, or the system. Travels in the
 * metadata of every command and of the events it causes, under {@link #ID_KEY} and {@link #ROLE_KEY}.
 */
public record Actor(PersonId id, ActorRole role) {

    public static final String ID_KEY = "actorId";
    public static final String ROLE_KEY = "actorRole";
    /** Why the system acted on its own (the rule or deadline behind the command), in the metadata. */
    public static final String CAUSE_KEY = "cause";
    public static final Actor SYSTEM = new Actor(new PersonId("system"), ActorRole.SYSTEM);

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
    }

    public Map<String, String> asMetaData() {
        return Map.of(ID_KEY, id.value(), ROLE_KEY, role.name());
    }

    /** Reads the actor back from message metadata, or null when the metadata names none. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object id = metaData.get(ID_KEY);
        Object role = metaData.get(ROLE_KEY);
        if (id == null || role == null) {
            return null;
        }
        return new Actor(new PersonId(id.toString()), ActorRole.valueOf(role.toString()));
    }
}
