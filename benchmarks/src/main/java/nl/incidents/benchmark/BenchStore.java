package nl.incidents.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh store for one run of the services: an embedded H2 file in a new directory, or a new
 * database on a PostgreSQL server (dropped again at the end). The benchmark reaches the same
 * database with plain JDBC, for the JDBC ceiling and to see how far the escalation has got.
 */
final class BenchStore implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/?]+)(/[^?]*)?(\\?.*)?");

    private final String label;
    private final Map<String, String> serviceEnvironment;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String serverUrl; // PostgreSQL only: where to drop the database again
    private final String database;

    private BenchStore(String label, Map<String, String> serviceEnvironment, String jdbcUrl, String user,
                       String password, String serverUrl, String database) {
        this.label = label;
        this.serviceEnvironment = serviceEnvironment;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.serverUrl = serverUrl;
        this.database = database;
    }

    /** The embedded default: one H2 file both services share, the second one over H2's TCP server (AUTO_SERVER). */
    static BenchStore embedded(Path dataDir) {
        return new BenchStore("embedded H2", Map.of("INCIDENTS_DATA_DIR", dataDir.toString()),
                "jdbc:h2:file:" + dataDir + "/incidents;AUTO_SERVER=TRUE", "sa", "", null, null);
    }

    /** A new database on the server named by {@code serverUrl}, whose user may create databases. */
    static BenchStore postgres(String serverUrl) throws SQLException {
        Matcher url = POSTGRES_URL.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host[:port]/database url: "
                    + serverUrl.replaceAll("(?i)(password=)[^&]*", "$1***"));
        }
        String database = "bench_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = DriverManager.getConnection(serverUrl); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String query = url.group(3) == null ? "" : url.group(3);
        String jdbcUrl = "jdbc:postgresql://" + url.group(1) + "/" + database + query;
        return new BenchStore("PostgreSQL", Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "SPRING_DATASOURCE_URL", jdbcUrl,
                // Empty means none: the user and password in the url apply.
                "SPRING_DATASOURCE_USERNAME", "",
                "SPRING_DATASOURCE_PASSWORD", ""), jdbcUrl, null, null, serverUrl, database);
    }

    String label() {
        return label;
    }

    boolean isPostgres() {
        return database != null;
    }

    Map<String, String> serviceEnvironment() {
        return serviceEnvironment;
    }

    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(jdbcUrl) : DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public void close() throws SQLException {
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(serverUrl); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
