package nl.incidents.support.chain;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a case as the event store keeps it (opgeslagen gebeurtenis): its identity, place and time, and its
 * payload and metadata in their serialized form, never deserialized and written again. The payload is the exact
 * bytes the store holds; the metadata is its JSON as stored (see {@link HistoryChain} for what of it is hashed).
 *
 * @param eventId         the event's identifier (Axon's event identifier, a UUID)
 * @param caseId          the case (aggregate identifier)
 * @param sequenceNumber  the event's place in its case, from 0
 * @param timestamp       when it was stored, as the store keeps it (to the millisecond)
 * @param payloadType     the serialized payload's type name (the event's class name)
 * @param payloadRevision the payload's revision ({@code @Revision}), or null
 * @param payload         the serialized payload, as stored
 * @param metaData        the serialized metadata (a JSON object), as stored; null or empty for none
 */
public record StoredEvent(String eventId, String caseId, long sequenceNumber, Instant timestamp, String payloadType,
                          String payloadRevision, byte[] payload, byte[] metaData) {

    public StoredEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(payload, "payload");
    }

    /** The payload's simple type name (after the last dot), as a person reads it: {@code DerailingDiscussionReported}. */
    public String shortType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
