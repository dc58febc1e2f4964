package nl.incidents.support.axon;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wraps each event a streaming processor handles: an event of a case that has parked events is parked
 * behind them unhandled; any other event is handled, and when a handler fails, what it wrote is undone and the event
 * is parked with its cause, in the same transaction as the processor's progress, so the processor moves on to the next
 * event and every other case flows.
 * <p>
 * Undoing needs a savepoint, which costs a statement (two on PostgreSQL) per event: most events never fail, so an event
 * is first handled without one. When it fails, the whole batch is rolled back instead (this throws
 * {@link RetriedInSavepoint}, the processor releases the segment and takes the batch up again after its back-off) and
 * the event is remembered; handled again, it runs inside a savepoint, and when it fails again what it wrote is rolled
 * back to the savepoint and it is parked, while the batch's other events are kept.
 * <p>
 * A processor handles its events in batches, one transaction per batch: this runs once per event of the batch (Axon's
 * batching unit of work hands the interceptors each event in turn), so one event's failure parks that event alone, and
 * the case's later events in the same batch are parked behind it. The group learns of a parked case only once the
 * batch committed; a batch that rolls back (the database went away) parked nothing and is handled again.
 * <p>
 * It wraps the whole processor, not one handler, because Axon 4.13's own dead-lettering invoker serves
 * event handlers but not sagas, leaves a failed handler's writes in the transaction, and cannot park on
 * PostgreSQL after an SQL error (the transaction is aborted until rolled back); the savepoint solves the
 * last two, and the saga's processor is parked the same way as the projections'.
 * <p>
 * A back-end that is away is not the event's fault: such a failure is thrown on, the processor rolls
 * back and tries again with its back-off, and nothing is parked.
 */
final class DeadLetterParking implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterParking.class);
    /** H2's codes for a connection or database that is gone. */
    private static final Set<Integer> H2_GONE = Set.of(90067, 90098, 90121, 90028, 90031, 90007);

    private final DeadLetters deadLetters;
    private final String processor;
    private final TransactionTemplate savepoint;
    private final String segmentKey;
    private final String batchKey;
    private final String eventsKey;
    /** Events that failed without a savepoint, by identifier and segment: handled in one when they come again. */
    private final Cache<String, Boolean> failedWithoutSavepoint = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();

    DeadLetterParking(DeadLetters deadLetters, String processor, TransactionTemplate transactions) {
        this.deadLetters = deadLetters;
        this.processor = processor;
        this.savepoint = transactions;
        this.segmentKey = "Processor[" + processor + "]/SegmentId";
        this.batchKey = "Processor[" + processor + "]/ParkedCases";
        this.eventsKey = "Processor[" + processor + "]/BatchEvents";
    }

    static TransactionTemplate nested(TransactionTemplate template) {
        TransactionTemplate nested = new TransactionTemplate(template.getTransactionManager());
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return nested;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object segment = unitOfWork.resources().get(segmentKey);
        if (!(segment instanceof Integer segmentId)) {
            // Not a streaming processor's work (a subscribing processor runs in its publisher's transaction).
            return interceptorChain.proceed();
        }
        DeadLetters.Group group = deadLetters.group(processor);
        EventMessage<?> event = unitOfWork.getMessage();
        String sequence = DeadLetters.sequenceOf(event);
        // The cases parked in this batch so far: known to the group only once the batch's transaction committed.
        Set<String> parkedInBatch = unitOfWork.root().getOrComputeResource(batchKey, key -> {
            Set<String> cases = new HashSet<>();
            unitOfWork.root().afterCommit(u -> cases.forEach(group::parked));
            return cases;
        });
        if (parkedInBatch.contains(sequence) || group.isParked(sequence, segmentId)) {
            group.park(sequence, event, null);
            parkedInBatch.add(sequence);
            log.warn("Event {} of case {} is parked in {} behind that case's earlier parked events",
                    event.getIdentifier(), sequence, group.name);
            return null;
        }
        List<String> batchEvents = unitOfWork.root().getOrComputeResource(eventsKey, key -> {
            List<String> events = new ArrayList<>();
            unitOfWork.root().onRollback(u -> failedAtCommit(u, events));
            return events;
        });
        // By segment too: a saga's processor hands every segment the same event, and it may fail in one alone.
        String handling = event.getIdentifier() + "/" + segmentId;
        batchEvents.add(handling);
        boolean failedBefore = failedWithoutSavepoint.getIfPresent(handling) != null;
        if (failedBefore) {
            BatchWrites.flush(); // the batch's earlier events' deferred writes are theirs: outside the savepoint
        }
        try {
            if (!failedBefore) {
                return interceptorChain.proceed();
            }
            unitOfWork.root().resources().put(BatchWrites.IN_SAVEPOINT, Boolean.TRUE);
            try {
                Object result = inSavepoint(savepoint, interceptorChain::proceed);
                failedWithoutSavepoint.invalidate(handling);
                return result;
            } finally {
                unitOfWork.root().resources().remove(BatchWrites.IN_SAVEPOINT);
            }
        } catch (Exception | LinkageError e) {
            if (backEndAway(e)) {
                throw e;
            }
            if (!failedBefore) {
                // What the handlers wrote cannot be undone alone: the batch rolls back, and this event is handled in a
                // savepoint when the batch comes again.
                failedWithoutSavepoint.put(handling, Boolean.TRUE);
                log.info("Event {} ({}) of case {} failed in {}; its batch is rolled back and handled again, this event "
                        + "in a savepoint", event.getIdentifier(), event.getPayloadType().getSimpleName(), sequence,
                        group.name);
                throw new RetriedInSavepoint(e);
            }
            failedWithoutSavepoint.invalidate(handling);
            group.park(sequence, event, e);
            parkedInBatch.add(sequence);
            log.error("Event {} ({}) of case {} is parked in {}: its handler failed. The case's later events wait "
                            + "behind it; every other case goes on. After a fix, retry it (README: Dead letters).",
                    event.getIdentifier(), event.getPayloadType().getSimpleName(), sequence, group.name, e);
            return null;
        }
    }

    /**
     * A batch rolled back for a reason that is neither an event's handler (that throws {@link RetriedInSavepoint}) nor
     * a back-end away: a write deferred to the batch's commit ({@link BatchWrites}) failed. No event can be blamed, so
     * each event of the batch is handled in a savepoint when it comes again, its writes sent at once: the one that
     * fails is parked.
     */
    private void failedAtCommit(UnitOfWork<?> batch, List<String> events) {
        Throwable cause = batch.getExecutionResult() == null ? null : batch.getExecutionResult().getExceptionResult();
        if (cause == null || cause instanceof RetriedInSavepoint || backEndAway(cause)) {
            return;
        }
        log.warn("A batch of {} failed as it committed ({}); its {} events are handled again, each in a savepoint",
                processor, cause.toString(), events.size());
        events.forEach(id -> failedWithoutSavepoint.put(id, Boolean.TRUE));
    }

    /** Runs {@code work} in a savepoint of the transaction in progress (a transaction of its own if none). */
    static <T> T inSavepoint(TransactionTemplate transactions, Callable<T> work) throws Exception {
        try {
            return nested(transactions).execute(status -> {
                try {
                    return work.call();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new Checked(e);
                }
            });
        } catch (Checked checked) {
            throw (Exception) checked.getCause();
        }
    }

    /** Whether {@code failure} says the database (or another back-end) is unreachable, rather than the event being wrong. */
    static boolean backEndAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof NonTransientDataAccessResourceException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof InterruptedException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("40")
                        || H2_GONE.contains(sql.getErrorCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An event's handler failed outside a savepoint: thrown to the processor so that it rolls back the whole batch
     * (which is not the event's doing, so it is never parked for this) and handles it again, that event in a savepoint.
     */
    static final class RetriedInSavepoint extends RuntimeException {
        RetriedInSavepoint(Throwable cause) {
            super("A handler failed; the batch is handled again, this event in a savepoint", cause);
        }
    }

    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
