package nl.incidents.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A verified password is remembered for a while, and never lets anything else in. */
class DirectorySignInTest {

    // Cost 4 keeps the test fast; the services use the directory's hashes, cost 10.
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder countingBcrypt = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final Map<String, String> storedHashes = new HashMap<>(Map.of(
            "teacher", bcrypt.encode("demo"),
            "manager", bcrypt.encode("managers-own")));
    private final AtomicLong nanos = new AtomicLong();
    private final DirectorySignIn signIn = new DirectorySignIn(username -> {
        String hash = storedHashes.get(username);
        if (hash == null) {
            throw new UsernameNotFoundException(username);
        }
        return User.withUsername(username).password(hash).roles("STAFF").build();
    }, countingBcrypt, nanos::get);

    private Authentication signIn(String user, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void aVerifiedPasswordIsCheckedWithBcryptOnlyOnce() {
        assertThat(signIn("teacher", "demo").isAuthenticated()).isTrue();
        assertThat(signIn("teacher", "demo").isAuthenticated()).isTrue();
        assertThat(signIn("teacher", "demo").getName()).isEqualTo("teacher");
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsStillRefusedAfterTheRightOneWasRemembered() {
        signIn("teacher", "demo");
        assertThatThrownBy(() -> signIn("teacher", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("teacher", "demo ")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("teacher", "")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("teacher", "demo").isAuthenticated()).isTrue();
    }

    @Test
    void aRefusedPasswordIsNeverRemembered() {
        assertThatThrownBy(() -> signIn("teacher", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("teacher", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void oneUsersRememberedPasswordDoesNotSignInAnother() {
        signIn("teacher", "demo");
        assertThatThrownBy(() -> signIn("manager", "demo")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("nobody", "demo")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aChangedHashEndsWhatWasRemembered() {
        signIn("teacher", "demo");
        storedHashes.put("teacher", bcrypt.encode("new password"));

        assertThatThrownBy(() -> signIn("teacher", "demo")).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn("teacher", "new password").isAuthenticated()).isTrue();
    }

    @Test
    void aRemovedUserIsRefusedAtOnce() {
        signIn("teacher", "demo");
        storedHashes.remove("teacher");

        assertThatThrownBy(() -> signIn("teacher", "demo")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aRememberedPasswordIsCheckedAgainAfterFiveMinutes() {
        signIn("teacher", "demo");
        nanos.addAndGet(Duration.ofMinutes(4).toNanos());
        signIn("teacher", "demo");
        assertThat(bcryptChecks).hasValue(1);

        nanos.addAndGet(Duration.ofMinutes(1).plusSeconds(1).toNanos()); // five minutes after it was verified
        signIn("teacher", "demo");
        assertThat(bcryptChecks).hasValue(2);
    }
}
