package nl.incidents.kernel.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;
import nl.incidents.kernel.privacy.PersonalData;

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

    /**
     * What a reference to a person reads once that person's key was deleted (see {@link PersonalData}): not an id
     * anyone can have or type (it is outside {@link #FORMAT}), so it never names a real person.
     */
    public static final PersonId ERASED = new PersonId(PersonalData.ERASED);

    public PersonId {
        Objects.requireNonNull(value, "a person id needs a value");
        if (!isValid(value) && !PersonalData.ERASED.equals(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a person id: use up to 100 letters, digits"
                    + " and . _ @ -, starting with a letter or digit");
        }
    }

    /** Whether this reference was erased: the person it named can no longer be known. */
    public boolean erased() {
        return PersonalData.ERASED.equals(value);
    }

    /** Whether {@code value} is an id a person can have ({@link #FORMAT}); {@link #ERASED}'s is not. */
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
