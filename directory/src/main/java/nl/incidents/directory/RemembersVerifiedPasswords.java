package nl.incidents.directory;

import org.springframework.security.core.Authentication;

/**
 * A password sign-in that remembers, for a while, the passwords it verified ({@link DirectorySignIn}), so
 * that {@link LimitedSignIn} lets a password already found right through without counting it as an attempt.
 */
public interface RemembersVerifiedPasswords {

    /** True when this attempt's password was verified for its user recently and the user's hash is unchanged. */
    boolean alreadyVerified(Authentication attempt);
}
