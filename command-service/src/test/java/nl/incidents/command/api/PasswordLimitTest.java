package nl.incidents.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import nl.incidents.directory.SignInLimiter;
import nl.incidents.support.testing.RawHttp;
import nl.incidents.support.testing.RawHttp.Answer;
import nl.incidents.support.testing.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The brute-force limit on HTTP Basic (demo board only): five wrong passwords for an account, and the
 * sixth attempt is refused 429 with {@code Retry-After} without its password being checked, the right
 * password too, until the wait has passed. The limiter's clock is the test's, so the wait passes at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@Import(PasswordLimitTest.TestClock.class)
class PasswordLimitTest {

    private static final AtomicLong NANOS = new AtomicLong(Duration.ofDays(1).toNanos());

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "command-password-limit");
    }

    @TestConfiguration
    static class TestClock {

        @Bean
        SignInLimiter signInLimiter() {
            return new SignInLimiter(new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return NANOS.get();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            }, NANOS::get);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilTheWaitHasPassed() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(signIn("comms", "guess-" + attempt).assertProblem(401, null)).as("attempt %d", attempt)
                    .contains("user name or password is wrong");
        }
        Answer limited = signIn("comms", "guess-6");
        assertThat(limited.assertProblem(429, null)).contains("Too many sign-in attempts").contains("60 seconds");
        assertThat(limited.header("Retry-After")).isEqualTo("60");

        Answer rightButLimited = signIn("comms", "demo");
        rightButLimited.assertProblem(429, null);
        assertThat(rightButLimited.header("Retry-After")).isEqualTo("60");
        // Another account from the same address still signs in.
        assertThat(signIn("board", "demo").status()).isEqualTo(200);

        NANOS.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(signIn("comms", "demo").header("Retry-After")).isEqualTo("1");
        NANOS.addAndGet(Duration.ofSeconds(1).toNanos());
        Answer afterTheWait = signIn("comms", "demo");
        assertThat(afterTheWait.status()).as(afterTheWait.body()).isEqualTo(200);
        assertThat(afterTheWait.json().path("id").asText()).isEqualTo("comms");
    }

    @Test
    void rightPasswordsDoNotCountAgainstTheLimit() {
        // The tests sign in as the demo users hundreds of times: each right password gives its attempt back.
        for (int i = 0; i < 50; i++) {
            assertThat(signIn("manager2", "demo").status()).as("sign-in %d", i + 1).isEqualTo(200);
        }
    }

    private Answer signIn(String user, String password) {
        RawHttp http = new RawHttp(port);
        return http.send(http.requestWithPassword(user, password, "/api/me").GET().build());
    }
}
