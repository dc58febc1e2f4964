package nl.incidents.support.privacy;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A rotation's re-wrapping ({@link PersonalDataKeys#rewrap}) while {@code INCIDENTS_PREVIOUS_MASTER_KEY} is set, on a
 * thread of its own once the service has started: it takes time in proportion to the number of keys, which must not
 * hold up the start (until it is done, keys are read with either master key). On shutdown it stops between two keys,
 * before the database goes; the next start goes on with the keys still to do.
 */
class MasterKeyRotation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final PersonalDataKeys keys;
    private final BooleanSupplier due;
    private volatile boolean stopping;
    private volatile Thread thread;

    /** @param due whether there is a rotation to carry out, asked once at each start */
    MasterKeyRotation(PersonalDataKeys keys, BooleanSupplier due) {
        this.keys = keys;
        this.due = due;
    }

    @Override
    public void start() {
        stopping = false;
        if (!due.getAsBoolean()) {
            return;
        }
        Thread rotation = new Thread(this::rewrap, "master-key-rotation");
        rotation.setDaemon(true);
        thread = rotation;
        rotation.start();
    }

    private void rewrap() {
        try {
            int rewrapped = keys.rewrap(() -> stopping);
            if (stopping) {
                log.info("Master key rotation: {} keys of personal data wrapped anew before the service stopped; the "
                        + "next start goes on with the rest", rewrapped);
            } else {
                log.info("Master key rotation: {} keys of personal data wrapped anew with the new master key; remove "
                        + "INCIDENTS_PREVIOUS_MASTER_KEY once every instance runs with the new key", rewrapped);
            }
        } catch (RuntimeException e) {
            log.error("Master key rotation stopped: a key of personal data could not be wrapped anew; keys are still "
                    + "read with either master key, and the next start tries again", e);
        }
    }

    @Override
    public void stop() {
        stopping = true;
        Thread rotation = thread;
        if (rotation != null) {
            try {
                rotation.join(PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
