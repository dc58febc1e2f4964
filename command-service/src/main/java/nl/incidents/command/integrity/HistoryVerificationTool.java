package nl.incidents.command.integrity;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.incidents.support.chain.CaseVerification;
import nl.incidents.support.chain.HistoryVerifier;
import nl.incidents.support.chain.JdbcStoredEvents;
import nl.incidents.support.chain.StoreVerification;
import nl.incidents.support.store.ToolConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator's check of the history from the command line (controle vanaf de opdrachtregel), without starting the
 * service: {@code java -jar command-service-<version>-exec.jar verify-history [--case=<id>]}. Reads the JDBC event
 * store directly (its stored bytes), recomputes every case's hash chain, or one case's, and recomputes every kept
 * daily digest. Exit code: 0 intact, 1 broken (a case, or a kept day's digest), 2 could not read (no store, no such
 * case, a wrong setting).
 *
 * <p>Where it reads: as {@link ToolConnection} finds the database ({@code --url=}, {@code --user=}, {@code --password=},
 * else the service's own settings, else the embedded store in {@code INCIDENTS_DATA_DIR}). On Axon Server the events
 * are not in a database: the board verifies them through the API.
 */
public final class HistoryVerificationTool {

    /** The first argument that starts the tool instead of the service. */
    public static final String COMMAND = "verify-history";

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int UNREADABLE = 2;

    private HistoryVerificationTool() {
    }

    /** Runs the tool and ends the process with its exit code. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** Runs the tool with these arguments (the first may be {@value #COMMAND}) and environment; answers the exit code. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = ToolConnection.options(args, COMMAND, List.of("case"),
                "[--case=<id>] [--url=<jdbc url> --user=<user> --password=<password>]", err);
        if (options == null) {
            return UNREADABLE;
        }
        DataSource store;
        try {
            store = ToolConnection.open(options, env);
        } catch (RuntimeException | SQLException e) {
            err.println("Could not open the event store: " + e.getMessage());
            return UNREADABLE;
        }
        try {
            HistoryVerifier verifier = new HistoryVerifier(new JdbcStoredEvents(store));
            if (options.containsKey("case")) {
                CaseVerification result = verifier.verifyCase(options.get("case"));
                if (result.events() == 0) {
                    err.println("The store holds no case " + options.get("case") + ".");
                    return UNREADABLE;
                }
                out.println(line(result));
                return result.intact() ? INTACT : BROKEN;
            }
            return verifyStore(store, verifier, out);
        } catch (RuntimeException e) {
            err.println("Could not read the event store: " + e.getMessage());
            return UNREADABLE;
        }
    }

    private static int verifyStore(DataSource store, HistoryVerifier verifier, PrintStream out) {
        record Kept(LocalDate day, Instant upTo, String digest) {
        }
        JdbcTemplate jdbc = new JdbcTemplate(store);
        List<Kept> kept = new ArrayList<>();
        if (hasTable(store, "history_digest")) {
            kept.addAll(jdbc.query("SELECT digest_day, up_to, digest FROM history_digest ORDER BY digest_day",
                    (rs, row) -> new Kept(rs.getObject("digest_day", LocalDate.class),
                            rs.getObject("up_to", OffsetDateTime.class).toInstant(), rs.getString("digest"))));
        }
        StoreVerification result = verifier.verifyStore(kept.stream().map(Kept::upTo).toList());
        result.broken().forEach(broken -> out.println(line(broken)));
        int changed = 0;
        for (int i = 0; i < kept.size(); i++) {
            String now = result.digestsAt().get(i).digest();
            if (!now.equals(kept.get(i).digest())) {
                changed++;
                out.println("Digest of " + kept.get(i).day() + " CHANGED: kept " + kept.get(i).digest() + ", now " + now);
            }
        }
        out.println(result.cases() + " cases, " + result.events() + " events, " + result.chainedCases() + " chained; "
                + result.brokenCases() + " broken. " + kept.size() + " daily digests checked, " + changed + " changed.");
        out.println("Digest of all heads now: " + result.heads().digest());
        boolean intact = result.intact() && changed == 0;
        out.println(intact ? "INTACT" : "BROKEN");
        return intact ? INTACT : BROKEN;
    }

    static String line(CaseVerification result) {
        if (result.intact()) {
            return "Case " + result.caseId() + ": intact, " + result.events() + " events, head "
                    + (result.head() == null ? "none" : result.head());
        }
        // Numbered as the board's pages number them (the first event is event 1), with the stored sequence number.
        return "Case " + result.caseId() + ": BROKEN at event " + (result.firstBreak().sequenceNumber() + 1)
                + " (sequence number " + result.firstBreak().sequenceNumber() + ", " + result.firstBreak().eventId() + ", "
                + result.firstBreak().type() + "): " + result.firstBreak().kind();
    }

    private static boolean hasTable(DataSource store, String table) {
        try (Connection connection = store.getConnection()) {
            for (String name : List.of(table, table.toUpperCase())) {
                try (var tables = connection.getMetaData().getTables(null, null, name, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
