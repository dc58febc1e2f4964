package nl.incidents.kernel.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a person: a staff member, pupil, parent or outsider. It is the board's own
 * reference (an employee or pupil number), never a name, so the event store keeps no more
 * personal data than the case needs. It is one token of letters, digits and {@code . _ @ -},
 * so that it reads the same everywhere, also in a URL.
 */
public record PersonId(String value) {

    /** The form of a person id, for validating input before it becomes one. */
    public static final String FORMAT = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";
    private static final Pattern VALID = Pattern.compile(FORMAT);

    public PersonId {
        Objects.requireNonNull(value, "a person id needs a value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a person id: use up to 100 letters, digits"
                    + " and . _ @ -, starting with a letter or digit");
        }
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
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
