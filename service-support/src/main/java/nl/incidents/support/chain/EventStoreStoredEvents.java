package nl.incidents.support.chain;

import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The history as Axon's event store API gives it, for Axon Server (no tables to read). A case's events are the
 * store's own messages; their payload and metadata are taken in serialized form from the message, which gives the
 * stored bytes where it still holds them and otherwise serializes what it read with the store's serializer (Axon
 * Server keeps its events in its own checksummed files, beyond the reach of a database statement). The list of cases
 * comes from one pass over the whole event stream and is held in memory (about 100 bytes a case).
 */
public class EventStoreStoredEvents implements StoredEventSource {

    private final EventStore eventStore;
    private final Serializer eventSerializer;

    public EventStoreStoredEvents(EventStore eventStore, Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public Stream<StoredEvent> ofCase(String caseId) {
        return eventStore.readEvents(caseId, 0).asStream().map(this::stored);
    }

    @Override
    public Stream<String> caseIds() {
        TreeSet<String> ids = new TreeSet<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                    ids.add(domain.getAggregateIdentifier());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event stream", e);
        }
        return ids.stream();
    }

    private StoredEvent stored(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        return new StoredEvent(event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getTimestamp(), payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                event.serializeMetaData(eventSerializer, byte[].class).getData());
    }
}
