package nl.incidents.support.chain;

import java.util.stream.Stream;

/**
 * Where the verification reads the history from: every case's events in their stored form, and the cases themselves.
 * Both streams hold database or network resources: close them (try-with-resources).
 */
public interface StoredEventSource {

    /** The case's events in the order of their sequence numbers; empty when the store has no event of it. */
    Stream<StoredEvent> ofCase(String caseId);

    /**
     * The id of every case with at least one event, each once, in the order of their UTF-16 code units (Java's
     * {@link String#compareTo}), read a page at a time so that a store of any size is read in constant memory.
     */
    Stream<String> caseIds();
}
