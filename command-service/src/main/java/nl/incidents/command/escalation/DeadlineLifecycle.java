package nl.incidents.command.escalation;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Puts the deadlines in their place around Axon. Spring starts the lifecycles in phases (Axon's
 * processors and sagas well before this one) and only then announces the context ready, which is
 * when the starter starts db-scheduler ({@code db-scheduler.delay-startup-until-context-ready}). So at
 * start-up this sweeps once, before any deadline runs: a step missed while the service was down is
 * acted on at once, whatever state the scheduler's rows are in (a dead instance may still hold the
 * recurring sweep's). On shutdown the starter stops db-scheduler only when its bean is destroyed, after
 * Axon is gone; this lifecycle, stopped first, pauses it and lets the deadlines that run finish while
 * the processors and the command bus still work.
 */
class DeadlineLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineLifecycle.class);

    private final Scheduler scheduler;
    private final OverdueSweep sweep;
    private final Duration maxWait;
    private volatile boolean running;

    DeadlineLifecycle(Scheduler scheduler, OverdueSweep sweep, Duration maxWait) {
        this.scheduler = scheduler;
        this.sweep = sweep;
        this.maxWait = maxWait;
    }

    @Override
    public void start() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            log.warn("The sweep at start-up failed; the recurring sweep tries again", e);
        }
        if (scheduler.getSchedulerState().isPaused()) {
            scheduler.resume(); // this context was stopped and is started again
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.pause();
        Instant until = Instant.now().plus(maxWait);
        while (!scheduler.getCurrentlyExecuting().isEmpty() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
