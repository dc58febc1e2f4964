package nl.incidents.support.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event source a processor reads: an event stored after the processor opened its stream reaches it, in the
 * store's order, and the processor is told of each one (without that, it looked again only every 500 ms); a store
 * whose stream fails hands the failure to the processor once it took what was read before, instead of leaving it
 * waiting; a closed stream closes the store's.
 */
class PromptEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void anEventStoredAfterTheStreamOpenedReachesItInOrderAndTheProcessorIsToldOfEach() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("before"));
        BlockingStream<TrackedEventMessage<?>> stream = new PromptEventSource(store).openStream(null);
        AtomicInteger told = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(told::incrementAndGet)).as("it can tell").isTrue();
        try {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).as("nothing more yet").isFalse();
            int toldBefore = told.get();

            store.publish(GenericEventMessage.asEventMessage("after 1"), GenericEventMessage.asEventMessage("after 2"));

            await().atMost(Duration.ofSeconds(10)).until(() -> told.get() >= toldBefore + 2);
            assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains("after 1");
            List<Object> read = new ArrayList<>();
            read.add(stream.nextAvailable().getPayload());
            read.add(stream.nextAvailable().getPayload());
            assertThat(read).containsExactly("after 1", "after 2");
        } finally {
            stream.close();
        }
    }

    @Test
    void aFailingStoreReachesTheProcessorAfterWhatWasReadBefore() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        StreamableMessageSource<TrackedEventMessage<?>> failing = failingAfterOne(closed);
        BlockingStream<TrackedEventMessage<?>> stream = new PromptEventSource(failing).openStream(null);
        AtomicInteger told = new AtomicInteger();
        stream.setOnAvailableCallback(told::incrementAndGet);
        // Stored once the processor listens (as Axon's coordinator registers right after opening): stored before, the
        // reader could take it and fail before anyone was listening, and there would be no one to tell.
        store.publish(GenericEventMessage.asEventMessage("read before the failure"));

        assertThat(stream.nextAvailable().getPayload()).isEqualTo("read before the failure");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() -> stream.hasNextAvailable(10,
                TimeUnit.MILLISECONDS)).hasMessageContaining("the database went away"));
        assertThatThrownBy(stream::nextAvailable).hasMessageContaining("the database went away");
        assertThat(told.get()).as("told of the event and of the failure").isGreaterThanOrEqualTo(2);
        assertThat(closed).as("the store's stream closed").isTrue();
    }

    @Test
    void aClosedStreamClosesTheStoresStream() {
        AtomicBoolean closed = new AtomicBoolean();
        Opener watched = token -> new Watched(store.openStream(token), closed);
        BlockingStream<TrackedEventMessage<?>> stream = new PromptEventSource(withTokens(watched)).openStream(null);

        stream.close();

        await().atMost(Duration.ofSeconds(10)).untilTrue(closed);
    }

    /** The store's stream, reading as the store does for one event, then failing as a broken connection does. */
    private StreamableMessageSource<TrackedEventMessage<?>> failingAfterOne(AtomicBoolean closed) {
        return withTokens(token -> new Watched(store.openStream(token), closed) {
            private int read;

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                if (read++ == 1) {
                    throw new IllegalStateException("the database went away");
                }
                return super.nextAvailable();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                return read >= 1 || super.hasNextAvailable(timeout, unit);
            }
        });
    }

    private StreamableMessageSource<TrackedEventMessage<?>> withTokens(Opener opener) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return opener.open(token);
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
            public TrackingToken createTokenAt(java.time.Instant dateTime) {
                return store.createTokenAt(dateTime);
            }
        };
    }

    private interface Opener {
        BlockingStream<TrackedEventMessage<?>> open(TrackingToken token);
    }

    /** A store's stream that records whether it was closed. */
    private static class Watched implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> events;
        private final AtomicBoolean closed;

        Watched(BlockingStream<TrackedEventMessage<?>> events, AtomicBoolean closed) {
            this.events = events;
            this.closed = closed;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void close() {
            closed.set(true);
            events.close();
        }
    }
}
