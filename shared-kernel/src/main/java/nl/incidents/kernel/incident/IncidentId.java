package nl.incidents.kernel.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one incident (a reported derailing discussion) for its whole life. */
public record IncidentId(UUID value) {

    public IncidentId {
        Objects.requireNonNull(value, "an incident id needs a value");
    }

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID());
    }

    @JsonCreator
    public static IncidentId of(String value) {
        return new IncidentId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
