package nl.incidents.support.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC event store as a pooled streaming processor reads it, but telling the processor when events arrive.
 * <p>
 * Why: Axon 4.13's {@code EmbeddedEventStore} streams cannot call back when an event becomes available
 * ({@code BlockingStream.setOnAvailableCallback} answers false), and then the processor's coordinator looks again only
 * every 500 ms ({@code Coordinator.CoordinationTask}: "no events pending, no availability callback, delay of 500ms"),
 * so a new case waited up to half a second before any processor took it, on top of the store's own polling. Here each
 * stream has a reader thread that takes the store's events as soon as the store has them (it waits on the store's own
 * signal: at once for an event stored in this process, within {@code incidents.axon.poll-interval-ms} for one stored
 * by another) into a buffer of {@value #BUFFER} events, and tells the coordinator of each one. Reading ahead into the
 * buffer also lets a processor that is behind (a rebuild) read the next events while it handles the last ones.
 * <p>
 * The reader is never interrupted (an interrupt during the embedded H2 database's file access closes its file); it
 * looks at least every {@value #LOOK_MILLIS} ms whether its stream was closed, and closes the store's stream itself.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);
    static final int BUFFER = 1024;
    static final int LOOK_MILLIS = 200;
    private static final AtomicInteger READERS = new AtomicInteger();

    private final StreamableMessageSource<TrackedEventMessage<?>> store;

    PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new PromptStream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** One opened stream: a reader thread fills the buffer, the coordinator takes from it. */
    static final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private final BlockingQueue<TrackedEventMessage<?>> buffer = new ArrayBlockingQueue<>(BUFFER);
        private volatile Runnable onAvailable;
        private volatile boolean closed;
        private volatile RuntimeException failure;

        PromptStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
            Thread reader = new Thread(this::read, "EventReader-" + READERS.incrementAndGet());
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try {
                while (!closed) {
                    if (!events.hasNextAvailable(LOOK_MILLIS, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    TrackedEventMessage<?> event = events.nextAvailable();
                    while (!closed && !buffer.offer(event, LOOK_MILLIS, TimeUnit.MILLISECONDS)) {
                        // full: the coordinator is busy taking, and looks again by itself
                    }
                    // Every time (a compare-and-set when the coordinator is already due): telling it only when the
                    // buffer was empty could miss the moment it found the buffer empty just before this event came.
                    Runnable callback = onAvailable;
                    if (callback != null) {
                        callback.run();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                // The store's stream failed (the database went away): the coordinator gets it on its next read, as
                // it would have from the store's stream itself, and opens a new stream after its back-off. An Error
                // too: a reader that died silently would leave its processor waiting for ever.
                failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                Runnable callback = onAvailable;
                if (callback != null) {
                    callback.run();
                }
            } finally {
                try {
                    events.close();
                } catch (RuntimeException e) {
                    log.debug("Closing an event stream failed", e);
                }
            }
        }

        private void failIfBroken() {
            RuntimeException broken = failure;
            if (broken != null && buffer.isEmpty()) {
                throw broken;
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            failIfBroken();
            return Optional.ofNullable(buffer.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            failIfBroken();
            if (!buffer.isEmpty()) {
                return true;
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (buffer.isEmpty() && failure == null && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
            failIfBroken();
            return !buffer.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            TrackedEventMessage<?> event;
            do {
                failIfBroken();
                event = buffer.poll(LOOK_MILLIS, TimeUnit.MILLISECONDS);
            } while (event == null);
            return event;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.onAvailable = callback;
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
