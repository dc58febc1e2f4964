package nl.incidents.support.health;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.PingHealthIndicator;
import org.springframework.boot.actuate.availability.AvailabilityStateHealthIndicator;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Makes every health check answer at once, whatever the back-end does: each indicator (the database's
 * {@code db}, {@code eventStore}, {@code eventProcessors}, {@code deadLetters}, disk space...) is checked
 * in the background, once a second while health is being asked for, and health answers with the latest
 * result. A check that has not answered within {@code limit} (1 s) makes its indicator DOWN ("no answer
 * within 1000 ms"), so a database that hangs shows as down instead of holding up the answer.
 * The availability states and {@code ping} are in memory and asked directly.
 */
final class TimeLimitedHealth implements BeanPostProcessor, DisposableBean {

    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Duration limit;
    private final Duration interval;
    private final ScheduledExecutorService checks;

    TimeLimitedHealth(Duration limit, Duration interval) {
        this.limit = limit;
        this.interval = interval;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4, daemon());
        executor.setRemoveOnCancelPolicy(true);
        this.checks = executor;
    }

    private static CustomizableThreadFactory daemon() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("health-check-");
        threads.setDaemon(true);
        return threads;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HealthIndicator indicator && !(bean instanceof AvailabilityStateHealthIndicator)
                && !(bean instanceof PingHealthIndicator)) {
            return new Limited(indicator);
        }
        return bean;
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }

    private final class Limited implements HealthIndicator {

        private final HealthIndicator delegate;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean checking = new AtomicBoolean();
        private final Object results = new Object();
        private volatile Health latest;
        private volatile long latestAt;
        private volatile long checkingSince = -1;
        private volatile long lastAsked;

        Limited(HealthIndicator delegate) {
            this.delegate = delegate;
        }

        @Override
        public Health health() {
            long now = System.nanoTime();
            lastAsked = now;
            if (scheduled.compareAndSet(false, true)) {
                checks.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            }
            long inFlight = checkingSince;
            if (inFlight >= 0 && now - inFlight > limit.toNanos()) {
                return Health.down().withDetail("error", "no answer within " + limit.toMillis() + " ms").build();
            }
            if (latest == null || now - latestAt > 3 * interval.toNanos()) {
                // First asked, or asked again after a quiet spell: check now, and wait (at most the limit) for it.
                checks.execute(this::check);
                awaitResultAfter(now);
            }
            long since = checkingSince;
            Health health = latest;
            if (health == null || (since >= 0 && System.nanoTime() - since > limit.toNanos())) {
                return Health.down().withDetail("error", "no answer within " + limit.toMillis() + " ms").build();
            }
            return health;
        }

        /** The periodic check, while someone asks for health (a minute without a question lets it rest). */
        private void refresh() {
            if (System.nanoTime() - lastAsked < IDLE_NANOS) {
                check();
            }
        }

        private void awaitResultAfter(long askedAt) {
            long deadline = askedAt + limit.toNanos();
            synchronized (results) {
                while (latestAt < askedAt && System.nanoTime() < deadline) {
                    try {
                        results.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private void check() {
            if (!checking.compareAndSet(false, true)) {
                return;
            }
            checkingSince = System.nanoTime();
            Health health;
            try {
                health = delegate.health();
            } catch (RuntimeException e) {
                health = Health.down(e).build();
            }
            latest = health;
            latestAt = System.nanoTime();
            checkingSince = -1;
            checking.set(false);
            synchronized (results) {
                results.notifyAll();
            }
        }
    }
}
