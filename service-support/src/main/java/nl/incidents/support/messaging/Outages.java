package nl.incidents.support.messaging;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import nl.incidents.support.store.BrokenConnections;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.event.util.EventStoreClientException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that means "a back end is away for now" (the database, Axon Server, every instance
 * that handles a command or query) from a fault in the code. The first is answered 503 with
 * {@code Retry-After} and retried by the client; only the second is a bug to log with its trace.
 */
public final class Outages {

    /** What a client hears while a back end is away. */
    public static final String SENTENCE =
            "The service cannot reach its database or message router right now. Please try again in a moment.";

    /** How long a client should wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private Outages() {
    }

    /**
     * The serializable mark of an outage, carried as the details of a command's or query's execution
     * exception, so that the sender knows it also when Axon Server routed the message from another
     * process and the exception itself stayed there.
     */
    public record BackEndAway(String message) {
    }

    /** Whether {@code failure}, or anything that caused it, means a back end is away. */
    public static boolean backEndAway(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (isOutage(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari closes a connection it finds broken while the code still holds it; the next statement on it
     * then fails with a bare "Connection is closed", without the SQLState of the break that caused it.
     */
    private static boolean closedByThePool(SQLException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage())
                && trace.length > 0 && trace[0].getClassName().startsWith("com.zaxxer.hikari.");
    }

    private static boolean isOutage(Throwable t) {
        return t instanceof DataAccessResourceFailureException       // incl. CannotGetJdbcConnectionException
                || t instanceof TransientDataAccessException         // timeouts, lock waits, a failed-over server
                || t instanceof SQLTransientException                // incl. a pool that found no connection in time
                || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException   // a connection refused or broken
                || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                || (t instanceof SQLException sql && closedByThePool(sql))
                || (t instanceof SQLException sql && BrokenConnections.connectionGone(sql)) // H2's own codes
                || t instanceof CannotCreateTransactionException      // no connection to begin the unit of work
                || t instanceof AxonServerException
                || t instanceof io.axoniq.axonserver.connector.AxonServerException
                || t instanceof CommandDispatchException
                || t instanceof AxonServerQueryDispatchException
                || t instanceof EventStoreClientException
                || t instanceof NoHandlerForCommandException          // no instance serves this command now
                || t instanceof NoHandlerForQueryException
                || t instanceof AxonTimeoutException
                || t instanceof TimeoutException
                || t instanceof LockAcquisitionFailedException;      // the case is held by a command that hangs
    }
}
