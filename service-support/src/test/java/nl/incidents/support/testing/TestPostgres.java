package nl.incidents.support.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh PostgreSQL databases for tests, on the server named by {@value #URL_VARIABLE} (a JDBC url
 * such as {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, whose user may create
 * databases). Each test class, and each end-to-end run, gets a database of its own, dropped again
 * when it is done with it or when the JVM exits. Plain JDBC, so the end-to-end module can use it
 * without Spring.
 */
public final class TestPostgres {

    public static final String URL_VARIABLE = "INCIDENTS_TEST_POSTGRES_URL";

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/?]+)(/[^?]*)?(\\?.*)?");

    private TestPostgres() {
    }

    /** One database of the test server: its JDBC url, and the user and password (null if none) to reach it with. */
    public record Database(String name, String url, String user, String password) {

        /** Drops the database once its last connection is gone (it waits a few seconds for a pool to close). */
        public void drop() {
            try (Connection admin = DriverManager.getConnection(serverUrl())) {
                Instant patience = Instant.now().plus(Duration.ofSeconds(8));
                while (connections(admin) > 0 && Instant.now().isBefore(patience)) {
                    Thread.sleep(100);
                }
                try (Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                System.err.println("Could not drop test database " + name + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private int connections(Connection admin) throws SQLException {
            try (PreparedStatement query = admin.prepareStatement(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }
    }

    /** Whether a server is named in the environment. */
    public static boolean configured() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    /** The server's url, or a failure saying how to name one: a run that asked for PostgreSQL never skips it. */
    public static String serverUrl() {
        if (!configured()) {
            throw new IllegalStateException("This run is on PostgreSQL but " + URL_VARIABLE + " is not set: set it to a "
                    + "JDBC url of a server whose user may create databases, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        }
        return System.getenv(URL_VARIABLE).trim();
    }

    /**
     * Creates an empty database named after {@code label}, to be dropped when the JVM exits (or earlier by
     * {@link Database#drop()}). Fails, never skips, when the server cannot be reached.
     */
    public static Database create(String label) {
        String server = serverUrl();
        Matcher url = JDBC_URL.matcher(server);
        if (!url.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " is not a jdbc:postgresql://host[:port]/database url: "
                    + redacted(server));
        }
        String name = ("it_" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).replaceAll("_+", "_");
        try (Connection admin = DriverManager.getConnection(server); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on the PostgreSQL server "
                    + redacted(server) + " (" + URL_VARIABLE + "): " + e.getMessage(), e);
        }
        String query = url.group(3) == null ? "" : url.group(3);
        Database database = new Database(name, "jdbc:postgresql://" + url.group(1) + "/" + name + query,
                parameter(query, "user"), parameter(query, "password"));
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop, "drop " + name));
        return database;
    }

    private static String parameter(String query, String key) {
        for (String pair : query.replaceFirst("^\\?", "").split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
