package nl.incidents.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in against the directory's password hashes that remembers, for a few minutes, which
 * passwords it has verified. HTTP Basic sends the password with every request and bcrypt is slow
 * on purpose (about 80 ms of CPU at cost 10), so without this every API call would pay a full
 * bcrypt check and the services could sign in only a few dozen requests per second per core.
 *
 * <p>A remembered check counts only while the user's stored hash is still the one it was verified
 * against, so a changed password takes effect at once; a removed or disabled user is refused before
 * the cache is consulted; a wrong password is never remembered. The cache holds no passwords and no
 * plain digests of them: its keys are HMAC-SHA-256 of the password under a random key of this
 * process, useless elsewhere and to precomputed tables.
 */
public class DirectorySignIn extends DaoAuthenticationProvider implements RemembersVerifiedPasswords {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    static final long MOST_REMEMBERED = 10_000;

    private record Presented(String username, String passwordMac) {
    }

    private final Cache<Presented, String> verifiedAgainst;
    private final SecretKeySpec macKey;

    public DirectorySignIn(UserDetailsService users) {
        this(users, PasswordEncoderFactories.createDelegatingPasswordEncoder(), Ticker.systemTicker());
    }

    DirectorySignIn(UserDetailsService users, PasswordEncoder passwords, Ticker ticker) {
        super(users);
        setPasswordEncoder(passwords);
        verifiedAgainst = Caffeine.newBuilder()
                .maximumSize(MOST_REMEMBERED)
                .expireAfterWrite(REMEMBER_FOR) // after write, not access: a busy user is still checked again
                .ticker(ticker)
                .build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        macKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        if (authentication.getCredentials() == null || user.getPassword() == null) {
            super.additionalAuthenticationChecks(user, authentication); // refuses
            return;
        }
        Presented presented = new Presented(user.getUsername(), mac(authentication.getCredentials().toString()));
        if (user.getPassword().equals(verifiedAgainst.getIfPresent(presented))) {
            return;
        }
        super.additionalAuthenticationChecks(user, authentication); // throws unless the password matches the hash
        verifiedAgainst.put(presented, user.getPassword());
    }

    /**
     * Whether this attempt presents a password this sign-in verified for the user within the last few
     * minutes, against the user's current hash: then checking it again costs no bcrypt. No password is
     * checked here; an unknown user or a password never verified answers false.
     */
    @Override
    public boolean alreadyVerified(Authentication attempt) {
        if (attempt.getCredentials() == null || attempt.getName() == null) {
            return false;
        }
        UserDetails user;
        try {
            user = getUserDetailsService().loadUserByUsername(attempt.getName());
        } catch (UsernameNotFoundException unknown) {
            return false;
        }
        String verified = verifiedAgainst.getIfPresent(new Presented(user.getUsername(), mac(attempt.getCredentials().toString())));
        return user.getPassword() != null && user.getPassword().equals(verified);
    }

    private String mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe, and cheap next to what it saves
            mac.init(macKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
