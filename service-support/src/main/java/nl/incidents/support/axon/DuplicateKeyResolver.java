package nl.incidents.support.axon;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells the JDBC event store that an append hit a unique key: another command got to the aggregate first.
 * Axon's own {@code JdbcSQLErrorCodesResolver} only knows {@link SQLIntegrityConstraintViolationException},
 * which H2 throws but PostgreSQL's driver does not (AxonFramework#313): there a duplicate is a plain
 * {@link SQLException} with SQLState 23505, and without this the conflict would surface as a storage
 * failure instead of a {@code ConcurrencyException}.
 */
public class DuplicateKeyResolver implements PersistenceExceptionResolver {

    /** The SQL standard's unique_violation, used by PostgreSQL and H2 alike. */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
