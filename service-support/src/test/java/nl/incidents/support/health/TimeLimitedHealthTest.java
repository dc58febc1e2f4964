package nl.incidents.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.PingHealthIndicator;
import org.springframework.boot.actuate.health.Status;

/** Health answers at once: a check that hangs (a database that does not answer) makes its part DOWN, not the answer late. */
class TimeLimitedHealthTest {

    private final TimeLimitedHealth limits = new TimeLimitedHealth(Duration.ofMillis(300), Duration.ofMillis(100));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        limits.destroy();
    }

    @Test
    void aCheckThatHangsIsDownWithoutHoldingUpTheAnswer() {
        HealthIndicator database = wrap(() -> {
            await(release);
            return Health.up().build();
        });

        // Answered while the check still hangs (it is released only after the test).
        Health health = database.health();
        Health again = database.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "no answer within 300 ms");
        assertThat(again.getStatus()).isEqualTo(Status.DOWN);
        assertThat(release.getCount()).isOne();
    }

    @Test
    void aCheckThatAnswersGivesItsOwnStatusAndRecoversWithItsPart() throws Exception {
        boolean[] down = {true};
        HealthIndicator database = wrap(() -> down[0] ? Health.down().withDetail("error", "refused").build()
                : Health.up().build());

        assertThat(database.health().getStatus()).isEqualTo(Status.DOWN);
        down[0] = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (database.health().getStatus() != Status.UP && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(database.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aFailingCheckIsDownWithItsError() {
        HealthIndicator database = wrap(() -> {
            throw new IllegalStateException("Connection refused");
        });
        assertThat(database.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(database.health().getDetails().get("error").toString()).contains("Connection refused");
    }

    @Test
    void inMemoryIndicatorsAreAskedDirectly() {
        PingHealthIndicator ping = new PingHealthIndicator();
        assertThat(limits.postProcessAfterInitialization(ping, "pingHealthContributor")).isSameAs(ping);
    }

    private HealthIndicator wrap(HealthIndicator indicator) {
        return (HealthIndicator) limits.postProcessAfterInitialization(indicator, "dbHealthContributor");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
