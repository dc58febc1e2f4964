package nl.incidents.directory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import nl.incidents.kernel.logging.Pseudonym;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with the brute-force limit in front: asks {@link SignInLimiter} before the
 * password is checked (a refused attempt costs no bcrypt and throws {@link SignInRefusedException}),
 * gives the attempt back when the password was right, and logs every failure with the account name,
 * the address and the reason, never the password. The address comes from Spring Security's
 * {@link WebAuthenticationDetails} (the form login and HTTP Basic both fill it in).
 *
 * <p>A password the sign-in verified a moment ago ({@link RemembersVerifiedPasswords}) goes through
 * without the limiter: it costs no bcrypt, and a client sending many requests at once with the right
 * password (HTTP Basic sends it with every request) is never refused. Every other attempt for one
 * account waits for the one before it: so that those many requests' first checks do not each take an
 * attempt (the first one's success lets the others through), and so that guesses at one account cannot
 * be made in parallel.
 */
public class LimitedSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(LimitedSignIn.class);

    /** Attempts for one account take turns: accounts are spread over this many locks. */
    private static final int TURNS = 64;

    private final AuthenticationProvider passwords;
    private final SignInLimiter limiter;
    private final ReentrantLock[] turns = new ReentrantLock[TURNS];

    public LimitedSignIn(AuthenticationProvider passwords, SignInLimiter limiter) {
        this.passwords = passwords;
        this.limiter = limiter;
        for (int i = 0; i < TURNS; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (verifiedAMomentAgo(attempt)) {
            return passwords.authenticate(attempt);
        }
        ReentrantLock turn = turns[Math.floorMod(SignInLimiter.key(attempt.getName()).hashCode(), TURNS)];
        turn.lock();
        try {
            // The attempt before this one, for the same account, may have verified this very password.
            return verifiedAMomentAgo(attempt) ? passwords.authenticate(attempt) : limited(attempt);
        } finally {
            turn.unlock();
        }
    }

    private boolean verifiedAMomentAgo(Authentication attempt) {
        return passwords instanceof RemembersVerifiedPasswords remembers && remembers.alreadyVerified(attempt);
    }

    private Authentication limited(Authentication attempt) {
        String account = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Optional<Duration> refusal = limiter.attempt(account, address);
        if (refusal.isPresent()) {
            // Pseudonyms, not the typed name or the address: logs carry no personal data.
            log.warn("Sign-in refused for account {} from address {}: too many attempts, next allowed in {} s",
                    Pseudonym.of(account), Pseudonym.of(address), refusal.get().toSeconds());
            throw new SignInRefusedException(refusal.get());
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            if (signedIn != null && signedIn.isAuthenticated()) {
                limiter.succeeded(account, address);
            }
            return signedIn;
        } catch (AuthenticationException e) {
            log.warn("Sign-in failed for account {} from address {}: {}", Pseudonym.of(account), Pseudonym.of(address),
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
