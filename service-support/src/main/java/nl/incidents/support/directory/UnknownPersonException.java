package nl.incidents.support.directory;

import org.springframework.security.core.AuthenticationException;

/**
 * A valid access token of a person the board's directory does not know: the services answer 403, and
 * the person is not signed in at all (no role, no actor).
 */
public class UnknownPersonException extends AuthenticationException {

    public UnknownPersonException(String claim) {
        super("The token's " + claim + " claim names nobody in the directory");
    }
}
