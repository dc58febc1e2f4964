package nl.incidents.kernel.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event (or of a value inside one) as not personal data: ids of the case and the school,
 * the protocol's own words (kinds, steps, levels, harms, measures, roles), times and counts. Such a value is
 * stored as it is. Each says why it does not identify anyone, so the choice can be reviewed (see
 * {@link PersonalData} for the rule the kernel's tests hold).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotPersonalData {

    /** Why this value is not personal data, in a few words. */
    String value();
}
