package nl.incidents.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * The refusals an API operation may answer besides those every operation may ({@code 401} not signed
 * in, {@code 503} a back end away, and for a body {@code 400}, {@code 413}, {@code 415}); the API
 * documentation lists each with its problem+json shape ({@link ApiDocumentation}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemAnswers {

    /** The statuses, e.g. {@code FORBIDDEN, NOT_FOUND, CONFLICT}. */
    HttpStatus[] value();
}
