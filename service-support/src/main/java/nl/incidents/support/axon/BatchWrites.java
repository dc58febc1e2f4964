package nl.incidents.support.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes an event handler defers to the end of its processor's batch: each statement is kept with its parameters and
 * sent as one JDBC batch per statement when the batch's unit of work prepares to commit, in the batch's transaction,
 * before its token is stored with it. A processor behind (a replay) then pays one round trip per statement and batch
 * of events instead of one per event.
 * <p>
 * Only for writes that no handler of the same processor reads back within the batch unless it calls {@link #flush}
 * first, and whose order among different statements does not matter (statements of one text keep their order). A
 * statement meant to be safe to repeat says so itself (for instance {@code INSERT ... SELECT ... WHERE NOT EXISTS}).
 * <p>
 * Outside a unit of work, and while an event is handled inside a savepoint ({@link DeadLetterParking}, which sends
 * what the batch deferred before it sets the savepoint), the statement is executed at once, so that rolling back to the
 * savepoint undoes it with the event's other writes and nothing of the other events.
 */
public final class BatchWrites {

    private static final String PENDING = BatchWrites.class.getName() + "/pending";
    static final String IN_SAVEPOINT = BatchWrites.class.getName() + "/inSavepoint";

    private BatchWrites() {
    }

    /**
     * Sends {@code sql} with {@code parameters} (one value per {@code ?}) when the batch commits, or at once outside a
     * batch.
     */
    public static void add(JdbcTemplate jdbc, String sql, Object... parameters) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, parameters);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.resources().containsKey(IN_SAVEPOINT)) {
            jdbc.update(sql, parameters);
            return;
        }
        Pending pending = pending(root);
        pending.jdbc = jdbc;
        pending.statements.computeIfAbsent(sql, s -> new ArrayList<>()).add(parameters);
    }

    /**
     * A handler's own state for the current batch under {@code key}, made by {@code create} at its first use in the
     * batch and handed to {@code send} when the batch commits (after the deferred statements) or is {@link #flush
     * flushed}, after which the next use makes it anew. For a handler that reads a row once per batch and folds every
     * event of it in memory, writing the result once. {@code null} outside a batch and while an event is handled inside
     * a savepoint: the handler then reads and writes at once.
     */
    public static <T> T state(String key, Supplier<T> create, Consumer<T> send) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.resources().containsKey(IN_SAVEPOINT)) {
            return null;
        }
        Pending pending = pending(root);
        @SuppressWarnings("unchecked")
        State<T> state = (State<T>) pending.states.computeIfAbsent(key, k -> new State<>(create.get(), send));
        return state.value;
    }

    private static Pending pending(UnitOfWork<?> root) {
        return root.getOrComputeResource(PENDING, key -> {
            Pending created = new Pending();
            root.onPrepareCommit(u -> created.send());
            return created;
        });
    }

    /** Sends what the current batch deferred so far: before a handler reads what such statements write. */
    public static void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(PENDING);
            if (pending != null) {
                pending.send();
            }
        }
    }

    private record State<T>(T value, Consumer<T> send) {
        void sendIt() {
            send.accept(value);
        }
    }

    private static final class Pending {

        private JdbcTemplate jdbc;
        private final Map<String, List<Object[]>> statements = new LinkedHashMap<>();
        private final Map<String, State<?>> states = new LinkedHashMap<>();

        void send() {
            for (Map.Entry<String, List<Object[]>> statement : statements.entrySet()) {
                jdbc.batchUpdate(statement.getKey(), statement.getValue());
            }
            statements.clear();
            List<State<?>> sent = new ArrayList<>(states.values());
            states.clear();
            sent.forEach(State::sendIt);
        }
    }
}
