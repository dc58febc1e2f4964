package nl.incidents.support.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

/**
 * A moment that has passed, as a person can have seen it: not before {@value #EARLIEST} and not later
 * than now, allowing {@link #CLOCK_SKEW} for a client whose clock runs ahead. A year -1 or 1900 is a
 * typing or a client's mistake, never an observation. Null counts as valid.
 */
@Documented
@Constraint(validatedBy = PastTime.Check.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PastTime {

    /** The earliest time accepted. */
    String EARLIEST = "2000-01-01T00:00:00Z";

    /** How far ahead of the server's clock a time may be. */
    Duration CLOCK_SKEW = Duration.ofMinutes(5);

    String message() default "must be a time from " + EARLIEST + " up to now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, for {@link PastTime}. */
    final class Check implements ConstraintValidator<PastTime, Instant> {

        private static final Instant FIRST = Instant.parse(EARLIEST);

        @Override
        public boolean isValid(Instant time, ConstraintValidatorContext context) {
            return time == null || (!time.isBefore(FIRST) && !time.isAfter(Instant.now().plus(CLOCK_SKEW)));
        }
    }
}
