package nl.incidents.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The brute-force limit: more failed attempts than it allows are refused without a password check. */
class SignInLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SignInLimiter limiter = new SignInLimiter(new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }, nanos::get);

    @Test
    void afterFiveWrongPasswordsAnAccountMayTryOncePerMinuteAndAfterTenItWaitsForTheHour() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.attempt("Teacher", "10.0.0.1")).as("attempt %d", i + 1).isEmpty();
        }
        assertThat(limiter.attempt("teacher", "10.0.0.2")).contains(Duration.ofSeconds(60));
        pass(Duration.ofSeconds(30));
        assertThat(limiter.attempt("teacher", "10.0.0.1")).contains(Duration.ofSeconds(30));
        for (int i = 6; i <= 10; i++) {
            pass(Duration.ofMinutes(1));
            assertThat(limiter.attempt("teacher", "10.0.0.1")).as("attempt %d", i).isEmpty();
        }
        pass(Duration.ofMinutes(5));
        assertThat(limiter.attempt("teacher", "10.0.0.1")).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofMinutes(40)).isLessThanOrEqualTo(Duration.ofHours(1)));
        // Another account from the same address is not held up by this one.
        assertThat(limiter.attempt("manager", "10.0.0.1")).isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsStoppedAfterTwenty() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.attempt("user" + i, "192.0.2.7")).isEmpty();
        }
        assertThat(limiter.attempt("user20", "192.0.2.7")).contains(Duration.ofSeconds(15));
        assertThat(limiter.attempt("user20", "192.0.2.8")).isEmpty();
    }

    @Test
    void aRightPasswordDoesNotCount() {
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.attempt("board", "10.0.0.9")).isEmpty();
            limiter.succeeded("board", "10.0.0.9");
        }
    }

    @Test
    void aRefusedAttemptIsNotCheckedAndSaysWhenToTryAgain() {
        AtomicInteger checked = new AtomicInteger();
        AuthenticationProvider passwords = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checked.incrementAndGet();
                throw new BadCredentialsException("Bad credentials");
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        LimitedSignIn signIn = new LimitedSignIn(passwords, limiter);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("teacher", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("teacher", "guess")))
                    .isInstanceOfSatisfying(SignInRefusedException.class,
                            refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        }
        assertThat(checked).hasValue(5);
    }

    @Test
    void manyRequestsAtOnceWithTheRightPasswordAreNeverRefusedAndCostOneBcrypt() throws Exception {
        AtomicInteger bcrypts = new AtomicInteger();
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        String hash = bcrypt.encode("demo");
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                bcrypts.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        };
        DirectorySignIn passwords = new DirectorySignIn(
                name -> User.withUsername(name).password(hash).roles("STAFF").build(), counting, nanos::get);
        LimitedSignIn signIn = new LimitedSignIn(passwords, limiter);
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Authentication>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(clients.submit(() -> signIn.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated("teacher", "demo"))));
            }
            for (Future<Authentication> answer : answers) {
                assertThat(answer.get().isAuthenticated()).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(bcrypts).hasValue(1);
        // The limit still holds for wrong guesses, one at a time.
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("teacher", "x")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("teacher", "x")))
                .isInstanceOf(SignInRefusedException.class);
    }

    private void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
    }
}
