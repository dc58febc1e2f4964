package nl.incidents.support.axon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The parked events of this service's streaming processors, one Axon {@link JdbcSequencedDeadLetterQueue}
 * per processing group, sequenced per case (the aggregate id): an event a processor cannot handle is
 * parked with its cause, and so is every later event of the same case, while all other cases flow on.
 * {@link DeadLetterParking} parks; {@link #retry} hands parked events to their processor again once the
 * cause is fixed, oldest case first, each case in order, evicting what succeeds.
 * <p>
 * Which cases are parked is kept in memory per group, so that an event of a case that is not parked costs
 * no query; it is read again from the table every few seconds and whenever a processor starts on a
 * segment it did not have, so that an instance taking over a segment also takes over its parked cases.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final long RELOAD_NANOS = 5_000_000_000L;

    private final DeadLetterSchema schema;
    private final ConnectionProvider connections;
    private final TransactionManager axonTransactions;
    private final TransactionTemplate transaction;
    private final Serializer eventSerializer;
    private final Serializer serializer;
    private final JdbcClient jdbc;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final Set<String> streaming = ConcurrentHashMap.newKeySet();
    private volatile EventProcessingConfiguration processing;

    public DeadLetters(DeadLetterSchema schema, ConnectionProvider connections, TransactionManager axonTransactions,
                       PlatformTransactionManager transactions, Serializer eventSerializer, Serializer serializer,
                       JdbcClient jdbc) {
        this.schema = schema;
        this.connections = connections;
        this.axonTransactions = axonTransactions;
        this.transaction = new TransactionTemplate(transactions);
        this.eventSerializer = eventSerializer;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    /** At start-up: the processors whose events may be parked, the streaming ones. */
    void processing(EventProcessingConfiguration processing) {
        this.processing = processing;
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof org.axonframework.eventhandling.StreamingEventProcessor) {
                streaming.add(name);
                group(name);
            }
        });
    }

    /** The case an event belongs to: its aggregate's id, as the processors' sequencing policy has it. */
    static String sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    Group group(String name) {
        return groups.computeIfAbsent(name, Group::new);
    }

    /** The processing groups whose events may be parked (the streaming processors), by name. */
    public List<String> groupNames() {
        return streaming.stream().sorted().toList();
    }

    /** How many events of {@code group} are parked (read from the table). */
    public long parked(String group) {
        return group(group).queue.size();
    }

    /** Per group: how many events are parked, and the first {@code casesShown} cases they belong to. */
    public Map<String, Map<String, Object>> summary(int casesShown) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        for (String name : groupNames()) {
            List<String> cases = jdbc.sql("SELECT DISTINCT " + schema.sequenceIdentifierColumn() + " FROM "
                            + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " = ? ORDER BY "
                            + schema.sequenceIdentifierColumn() + " FETCH FIRST " + casesShown + " ROWS ONLY")
                    .param(name).query(String.class).list();
            all.put(name, Map.of("parked", cases.isEmpty() ? 0L : parked(name), "cases", cases));
        }
        return all;
    }

    /** Per group: the parked cases, each with its parked events in order (type, when parked, why). */
    public Map<String, Map<String, List<Map<String, Object>>>> list() {
        Map<String, Map<String, List<Map<String, Object>>>> all = new LinkedHashMap<>();
        for (String name : groupNames()) {
            Map<String, List<Map<String, Object>>> cases = new LinkedHashMap<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : group(name).queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("event", letter.message().getPayloadType().getSimpleName());
                    entry.put("eventId", letter.message().getIdentifier());
                    entry.put("parkedAt", letter.enqueuedAt());
                    letter.cause().ifPresent(cause -> entry.put("cause", cause.type() + ": " + cause.message()));
                    cases.computeIfAbsent(sequenceOf(letter.message()), k -> new ArrayList<>()).add(entry);
                }
            }
            all.put(name, cases);
        }
        return all;
    }

    /**
     * Hands the parked events of {@code group} (all groups when null; only case {@code caseId} when given)
     * to their processor again, each case in order in a transaction of its own. A case whose event fails
     * again stays parked from that event on, with the new cause.
     *
     * @return per group, how many cases are cleared and how many stay parked
     */
    public Map<String, Map<String, Long>> retry(String groupName, String caseId) {
        Map<String, Map<String, Long>> outcome = new LinkedHashMap<>();
        for (String name : groupNames()) {
            if (groupName != null && !groupName.equals(name)) {
                continue;
            }
            Group group = group(name);
            long cleared = 0;
            long cases = group.queue.amountOfSequences();
            for (long i = 0; i < cases; i++) {
                Boolean done = transaction.execute(status -> group.queue.process(
                        letter -> caseId == null || caseId.equals(sequenceOf(letter.message())),
                        group::handleAgain));
                cleared += Boolean.TRUE.equals(done) ? 1 : 0;
            }
            group.reload();
            outcome.put(name, Map.of("cleared", cleared, "parked", group.queue.amountOfSequences()));
        }
        return outcome;
    }

    /** One processing group's queue and what is known of its parked cases. */
    final class Group {

        final String name;
        final SequencedDeadLetterQueue<EventMessage<?>> queue;
        private final Set<String> parked = ConcurrentHashMap.newKeySet();
        private final Set<Integer> segments = ConcurrentHashMap.newKeySet();
        private volatile long loadedAt;

        Group(String name) {
            this.name = name;
            this.queue = JdbcSequencedDeadLetterQueue.builder()
                    .processingGroup(name)
                    .connectionProvider(connections)
                    .transactionManager(axonTransactions)
                    .schema(schema)
                    .eventSerializer(eventSerializer)
                    .genericSerializer(serializer)
                    .build();
        }

        boolean isParked(String sequence, Integer segment) {
            if (loadedAt == 0 || System.nanoTime() - loadedAt > RELOAD_NANOS || (segment != null && segments.add(segment))) {
                reload();
            }
            return parked.contains(sequence);
        }

        void reload() {
            List<String> now = jdbc.sql("SELECT DISTINCT " + schema.sequenceIdentifierColumn() + " FROM "
                            + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " = ?")
                    .param(name).query(String.class).list();
            parked.retainAll(now);
            parked.addAll(now);
            loadedAt = System.nanoTime();
        }

        /**
         * Parks {@code event} behind the earlier parked events of its case, or as the first, with its cause; once. The
         * caller tells {@link #parked} once the transaction committed (a batch that rolls back parked nothing).
         * (A saga's processor hands every event to each of its segments, and an event whose payload cannot be
         * read fails in all of them; the table's unique key on the event settles a race between two.)
         */
        void park(String sequence, EventMessage<?> event, Throwable cause) {
            boolean known = jdbc.sql("SELECT count(*) FROM " + schema.deadLetterTable() + " WHERE "
                            + schema.processingGroupColumn() + " = ? AND " + schema.eventIdentifierColumn() + " = ?")
                    .params(name, event.getIdentifier()).query(Long.class).single() > 0;
            if (known) {
                return;
            }
            Instant now = GenericDeadLetter.clock.instant();
            Cause why = cause == null ? null : ThrowableCause.truncated(cause);
            queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, why, now, now, MetaData.emptyInstance()));
        }

        /** Once the transaction that parked an event of {@code sequence} committed: later events of it are parked too. */
        void parked(String sequence) {
            parked.add(sequence);
        }

        private EnqueueDecision<EventMessage<?>> handleAgain(DeadLetter<? extends EventMessage<?>> letter) {
            AbstractEventProcessor processor = processing.eventProcessor(name, AbstractEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("No processor " + name));
            try {
                DeadLetterParking.inSavepoint(transaction, () -> {
                    DefaultUnitOfWork.startAndGet(letter.message()).executeWithResult(() -> {
                        processor.eventHandlerInvoker().handle(letter.message(), Segment.ROOT_SEGMENT);
                        return null;
                    }).optionalExceptionResult().ifPresent(DeadLetters::rethrow);
                    return null;
                });
                log.info("Parked event {} of case {} in {} is handled now", letter.message().getIdentifier(),
                        sequenceOf(letter.message()), name);
                return Decisions.evict();
            } catch (Exception e) {
                log.warn("Parked event {} of case {} in {} failed again: {}", letter.message().getIdentifier(),
                        sequenceOf(letter.message()), name, e.toString());
                return Decisions.requeue(ThrowableCause.truncated(e));
            }
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}
