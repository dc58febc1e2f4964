package nl.incidents.support.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool which failures mean the connection itself is gone, so that it is closed
 * instead of handed out again. The pool knows the standard's connection errors (SQLState class 08, and
 * PostgreSQL's shutdown states); H2 reports a lost server or a closed database with codes of its own
 * (90067 connection broken, 90098 database closed, 90121 database shut down, 90028/90031 I/O), which
 * without this would leave broken connections in the pool until each had failed once more.
 * Configured as {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class BrokenConnections implements SQLExceptionOverride {

    private static final Set<Integer> H2_CONNECTION_GONE = Set.of(90067, 90098, 90121, 90028, 90031, 90007);

    @java.lang.Override
    public Override adjudicate(SQLException exception) {
        return connectionGone(exception) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }

    /** Whether H2 says, by one of its own codes, that the connection to the database is gone. */
    public static boolean connectionGone(SQLException exception) {
        for (SQLException e = exception; e != null; e = e.getNextException()) {
            if (H2_CONNECTION_GONE.contains(e.getErrorCode()) && String.valueOf(e.getErrorCode()).equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
