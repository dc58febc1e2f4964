package nl.incidents.support.testing;

import java.time.Duration;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Waits until every streaming event processor of the context has handled every event stored so
 * far. A test that appends events and then reads a projection calls this before it reads: a wait
 * on one field of the answer (one late step, one line) passes as soon as that event is projected,
 * while the events after it may still be on their way, and the assertions on them then fail or,
 * worse, pass on an answer that is not complete.
 *
 * <p>Positions are the event store's global index (the JDBC store's {@code global_index}). A
 * processor with a segment unclaimed, or in an error state, is not caught up. Waits at most 60
 * seconds (a loaded CI machine) and then fails with the processors' positions.
 */
public final class CaughtUp {

    private CaughtUp() {
    }

    /** Returns once every streaming processor has handled the store's head event. */
    public static void await(EventStore eventStore, EventProcessingConfiguration processing) {
        long head = position(eventStore.createHeadToken());
        org.awaitility.Awaitility.await("every processor at the head position " + head)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .allMatch(processor -> atOrPast(processor, head)));
    }

    private static boolean atOrPast(StreamingEventProcessor processor, long head) {
        double covered = 0;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
            covered += 1.0 / (segment.getSegment().getMask() + 1);
        }
        // Every segment claimed: the fractions of the event stream they own add up to the whole.
        return covered > 0.999;
    }

    private static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }
}
