package nl.incidents.directory;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused because too many attempts were made for the account or from the address
 * ({@link SignInLimiter}); the password was not checked. Answered 429 with {@code Retry-After} by the
 * services, and with a message on the sign-in page.
 */
public class SignInRefusedException extends AuthenticationException {

    private final Duration retryAfter;

    public SignInRefusedException(Duration retryAfter) {
        super("Too many sign-in attempts: try again in " + retryAfter.toSeconds() + " seconds");
        this.retryAfter = retryAfter;
    }

    /** How long until the next attempt is allowed (whole seconds, at least one). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
