package nl.incidents.kernel.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Identifies a person: a staff member, pupil, parent or outsider. It is the board's own
 * reference (an employee or pupil number), never a name, so the event store keeps no more
 * personal data than the case needs.
 */
public record PersonId(String value) {

    public PersonId {
        Objects.requireNonNull(value, "a person id needs a value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a person id may not be blank");
        }
    }

    @JsonCreator
    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
