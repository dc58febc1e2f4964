package nl.incidents.directory;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SignInLimiter} with the limits of production on a clock the test moves, so a test can let the wait pass
 * without waiting. (In the directory's package for its package-private constructor; test code only.)
 */
public final class ManualClockLimiter {

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

    public SignInLimiter limiter() {
        return limiter;
    }

    public void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
    }
}
