package nl.incidents.query.rebuild;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.incidents.support.store.ToolConnection;

/**
 * The operator's rebuild of the query service's projections (opnieuw opbouwen), from the command line, without
 * starting the service: {@code java -jar query-service-<version>-exec.jar rebuild-projections}. In one transaction it
 * empties every projection table ({@link #PROJECTIONS}), the parked events of the query service's processors and their
 * tokens, and exits; the next start of the service replays every event from the first into the projections (each
 * processor starts at the tail of the stream when it finds no token). The records that are not made from events
 * ({@link #RECORDS}: the access log, inbox read marks) are kept as they are.
 * <p>
 * Exit code: 0 emptied, 1 refused (the query service is running: an instance holds a claim on a segment that it
 * renewed within the last {@link #CLAIM_FRESH} seconds; stop every instance first), 2 could not work (the database
 * cannot be reached, an unknown argument). Where it works: as {@link ToolConnection} finds the database, as the service
 * would ({@code --url=}, {@code --user=}, {@code --password=}, or the service's own settings).
 */
public final class ProjectionRebuild {

    /** The first argument that starts the rebuild instead of the service. */
    public static final String COMMAND = "rebuild-projections";

    /**
     * Made from events, so emptied and replayed: the case list (summaries, parties, need-to-know readers, open and late
     * steps), the history, the person dossiers, the board's dashboard rows and the inbox's notices.
     */
    static final List<String> PROJECTIONS = List.of("incident_summary", "incident_party", "need_to_know_reader",
            "incident_due_step", "incident_late_step", "incident_history", "dossier_entry", "dashboard_case",
            "dashboard_step_time", "inbox_entry");

    /**
     * The processors' own state, emptied with the projections: their tokens (so they start again at the first event)
     * and their parked events (the replay hands those events to the handlers again, and parks them again if they
     * still fail; left in place they would park their cases' every event of the replay behind them, unhandled).
     */
    static final List<String> PROCESSOR_STATE = List.of("query_dead_letter_entry", "query_token_entry");

    /**
     * Records of what people did, not made from events, which a replay could not give back: the access log (who read
     * what, AVG art. 30 / NEN 7513) and which inbox entries each person marked read (kept by the entry's event id and
     * recipient, which the replay gives the same entries again). Flyway's own table is neither.
     */
    static final List<String> RECORDS = List.of("access_log", "inbox_read_mark", "query_schema_history");

    /** A claim renewed this recently (seconds) is held by a running instance: Axon renews claims every 5 s. */
    static final long CLAIM_FRESH = 15;

    static final int EMPTIED = 0;
    static final int REFUSED = 1;
    static final int FAILED = 2;

    private ProjectionRebuild() {
    }

    /** Runs the rebuild and ends the process with its exit code. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** Runs the rebuild with these arguments (the first may be {@value #COMMAND}) and environment; answers the exit code. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = ToolConnection.options(args, COMMAND, List.of(),
                "[--url=<jdbc url> --user=<user> --password=<password>]", err);
        if (options == null) {
            return FAILED;
        }
        DataSource database;
        try {
            database = ToolConnection.open(options, env);
        } catch (RuntimeException | SQLException e) {
            err.println("Could not reach the query service's database: " + e.getMessage());
            return FAILED;
        }
        try {
            return rebuild(database, Instant.now(), out, err);
        } catch (SQLException | RuntimeException e) {
            err.println("Could not empty the projections (nothing was changed): " + e.getMessage());
            return FAILED;
        }
    }

    /** Empties the projections and the processors' state in one transaction, unless an instance is running. */
    static int rebuild(DataSource database, Instant now, PrintStream out, PrintStream err) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> claims = freshClaims(connection, now);
                if (!claims.isEmpty()) {
                    connection.rollback();
                    err.println("The query service is running (it holds " + String.join(", ", claims)
                            + "): stop every instance of it, then run rebuild-projections again. Nothing was changed.");
                    return REFUSED;
                }
                Map<String, Long> emptied = new LinkedHashMap<>();
                boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
                try (Statement statement = connection.createStatement()) {
                    for (String table : tables()) {
                        emptied.put(table, count(statement, table));
                    }
                    if (postgres) {
                        // TRUNCATE is transactional on PostgreSQL and frees the space at once.
                        statement.executeUpdate("TRUNCATE " + String.join(", ", tables()));
                    } else {
                        // H2's TRUNCATE commits by itself: DELETE keeps it all one transaction.
                        for (String table : tables()) {
                            statement.executeUpdate("DELETE FROM " + table);
                        }
                    }
                }
                connection.commit();
                emptied.forEach((table, rows) -> out.println("Emptied " + table + " (" + rows + " rows)"));
                out.println("Kept " + String.join(", ", RECORDS) + ".");
                out.println("Done: start the query service; it replays every event into the projections"
                        + " (README: Rebuilding the projections).");
                return EMPTIED;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static List<String> tables() {
        List<String> all = new ArrayList<>(PROJECTIONS);
        all.addAll(PROCESSOR_STATE);
        return all;
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The segments an instance claimed and renewed lately, locked against a start while this transaction runs. */
    private static List<String> freshClaims(Connection connection, Instant now) throws SQLException {
        List<String> claims = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT processor_name, segment, owner, time_stamp FROM query_token_entry FOR UPDATE");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String owner = rows.getString("owner");
                if (owner != null && renewedSince(rows.getString("time_stamp"), now.minus(Duration.ofSeconds(CLAIM_FRESH)))) {
                    claims.add(rows.getString("processor_name") + " segment " + rows.getInt("segment") + " as " + owner);
                }
            }
        }
        return claims;
    }

    private static boolean renewedSince(String timestamp, Instant since) {
        try {
            return timestamp != null && Instant.parse(timestamp).isAfter(since);
        } catch (DateTimeParseException e) {
            return true; // unreadable: take it as held rather than pull the tables from under a running instance
        }
    }
}
