package nl.incidents.support.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Puts each new event of a case into the case's hash chain ({@link HistoryChain}) on its way to the event store: a
 * dispatch interceptor of the event store (the JDBC store and Axon Server alike) that serializes the payload and the
 * metadata with the serializer the store writes them with, hashes them over the previous event's hash and adds the
 * hash to the metadata under {@value HistoryChain#KEY}. Axon runs it when the unit of work commits, over all the
 * events of that unit of work in order; the previous hash is that of the event before it in the same unit of work,
 * or else read from the case's last stored event. Events without a case (not a domain event) are left as they are.
 *
 * <p>It must run after every other dispatch interceptor of the event store, since what they change after it would
 * not be in the hash: {@link ChainConfiguration} registers it last.
 */
public class ChainingInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String HEADS = ChainingInterceptor.class.getName() + ".heads";

    private final Serializer eventSerializer;
    private final EventStore eventStore;

    /**
     * @param eventSerializer the serializer the event store writes payloads and metadata with
     * @param eventStore      where the case's last stored event is read from
     */
    public ChainingInterceptor(Serializer eventSerializer, EventStore eventStore) {
        this.eventSerializer = eventSerializer;
        this.eventStore = eventStore;
    }

    private record Head(long sequenceNumber, byte[] hash) {
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, Head> heads = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(HEADS, key -> new HashMap<String, Head>())
                : new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            chained.add(message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null
                    ? chain(event, heads) : message);
        }
        return (index, message) -> chained.get(index);
    }

    private EventMessage<?> chain(DomainEventMessage<?> event, Map<String, Head> heads) {
        String caseId = event.getAggregateIdentifier();
        long sequenceNumber = event.getSequenceNumber();
        Head head = heads.get(caseId);
        byte[] previous = head != null && head.sequenceNumber() == sequenceNumber - 1 ? head.hash()
                : sequenceNumber == 0 ? HistoryChain.GENESIS : storedHash(caseId, sequenceNumber - 1);
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        byte[] metaData = eventSerializer.serialize(event.getMetaData().withoutKeys(Set.of(HistoryChain.KEY)), byte[].class)
                .getData();
        StoredEvent stored = new StoredEvent(event.getIdentifier(), caseId, sequenceNumber, event.getTimestamp(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metaData);
        byte[] hash = HistoryChain.hash(previous, stored, HistoryChain.readMetaData(metaData));
        heads.put(caseId, new Head(sequenceNumber, hash));
        return event.andMetaData(Map.of(HistoryChain.KEY, HistoryChain.hex(hash)));
    }

    /** The hash of the case's stored event at {@code sequenceNumber}; the genesis value when it has none (stored before the chain). */
    private byte[] storedHash(String caseId, long sequenceNumber) {
        Optional<Object> hash = eventStore.readEvents(caseId, sequenceNumber).asStream()
                .filter(e -> e.getSequenceNumber() == sequenceNumber)
                .findFirst()
                .map(e -> e.getMetaData().get(HistoryChain.KEY));
        return hash.filter(h -> h instanceof String text && HistoryChain.isHash(text))
                .map(h -> HistoryChain.fromHex((String) h))
                .orElse(HistoryChain.GENESIS);
    }
}
