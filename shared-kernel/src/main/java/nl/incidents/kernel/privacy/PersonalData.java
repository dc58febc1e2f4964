package nl.incidents.kernel.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event (or of a value inside one) as personal data (persoonsgegevens) in the sense of
 * the AVG (GDPR, art. 4(1)): free text people typed about a case, or a reference to a person. Such a value is
 * stored encrypted, field by field, with the key of the data subject it belongs to, and reads as
 * {@value #ERASED} once that key is deleted (crypto-shredding).
 * <p>
 * Whose data it is: the case's own when {@link #person()} is empty (the case's texts, one key per case), or the
 * person named by the component {@link #person()} of the same record (one key per person and case). A person
 * reference names itself: {@code @PersonalData(person = "personId") PersonId personId}.
 * <p>
 * Only {@code String} and {@code PersonId} components may carry it: they have a neutral value, {@value #ERASED},
 * to read when the key is gone. Every component of every event carries this or {@link NotPersonalData}, or
 * is a record (or a list of records) whose own components do; the kernel's tests fail otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** What a field whose key was deleted reads: neutral text, never an error. */
    String ERASED = "[verwijderd]";

    /**
     * The component of the same record that holds the {@code PersonId} of the person this is about; empty for
     * the case's own data.
     */
    String person() default "";
}
