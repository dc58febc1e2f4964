package nl.incidents.support.chain;

/**
 * Where and how a case's hash chain breaks (breuk): the first event at which the stored history no longer matches
 * its chain.
 *
 * @param sequenceNumber the event's place in its case (from 0)
 * @param eventId        the event's identifier
 * @param type           the event's type (its simple class name), such as {@code StrategyAgreed}
 * @param kind           how it breaks
 */
public record ChainBreak(long sequenceNumber, String eventId, String type, Kind kind) {

    /** How a chain breaks at an event. */
    public enum Kind {
        /**
         * The event's stored form is not what was chained: its payload, metadata, type, time, identifier or place
         * changed since it was stored (or its hash did).
         */
        CHANGED,
        /** An event before this one is missing: the sequence numbers skip, or the case's first event is gone. */
        MISSING_OR_REORDERED,
        /** The event has no hash although an earlier event of the case has one: the hash was removed. */
        HASH_MISSING
    }
}
