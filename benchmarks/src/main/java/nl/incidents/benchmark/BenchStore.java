package nl.incidents.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
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

    /**
     * The embedded default: the command service owns the H2 file and serves it on a free loopback port to the
     * query service, and to the benchmark, with the password it generates in the data directory.
     */
    static BenchStore embedded(Path dataDir) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new BenchStore("embedded H2", Map.of("INCIDENTS_DATA_DIR", dataDir.toString(),
                "INCIDENTS_H2_PORT", String.valueOf(port)),
                "jdbc:h2:tcp://127.0.0.1:" + port + "/incidents", "sa", null, null, null);
    }

    /** A new database on the server named by {@code serverUrl}, whose user may create databases; dropped at the end. */
    static BenchStore postgres(String serverUrl) throws SQLException {
        return postgres(serverUrl, true);
    }

    /**
     * The {@code axonserver} profile: events, commands and queries through the Axon Server at {@code hostAndPort}, each
     * service's own tables in a new database on the PostgreSQL server named by {@code serverUrl}.
     */
    static BenchStore axonServer(String hostAndPort, String serverUrl) throws SQLException {
        BenchStore postgres = postgres(serverUrl, true);
        Map<String, String> environment = new java.util.HashMap<>(postgres.serviceEnvironment);
        environment.put("SPRING_PROFILES_ACTIVE", "axonserver");
        environment.put("AXON_AXONSERVER_SERVERS", hostAndPort);
        return new BenchStore("Axon Server " + hostAndPort, Map.copyOf(environment), postgres.jdbcUrl, null, null,
                postgres.serverUrl, postgres.database);
    }

    /**
     * A new database on the server named by {@code serverUrl}, whose user may create databases; {@code dropAtEnd}
     * false keeps it (its name is printed).
     */
    static BenchStore postgres(String serverUrl, boolean dropAtEnd) throws SQLException {
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
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        if (!dropAtEnd) {
            System.out.printf("PostgreSQL database %s (kept; INCIDENTS_MASTER_KEY=%s)%n", database,
                    java.util.Base64.getEncoder().encodeToString(key));
        }
        return new BenchStore("PostgreSQL", postgresEnvironment(jdbcUrl, java.util.Base64.getEncoder().encodeToString(key)),
                jdbcUrl, null, null, dropAtEnd ? serverUrl : null, database);
    }

    /**
     * A database on the server named by {@code serverUrl} that {@link StoreGenerator} filled and kept, with the master
     * key it printed; never dropped.
     */
    static BenchStore existingPostgres(String serverUrl, String database, String masterKey) {
        Matcher url = POSTGRES_URL.matcher(serverUrl);
        if (!url.matches() || masterKey.isBlank()) {
            throw new IllegalArgumentException("Give postgres=jdbc:postgresql://host[:port]/database, database=<name> and "
                    + "master-key=<the key the generator printed>");
        }
        String query = url.group(3) == null ? "" : url.group(3);
        String jdbcUrl = "jdbc:postgresql://" + url.group(1) + "/" + database + query;
        return new BenchStore("PostgreSQL", postgresEnvironment(jdbcUrl, masterKey), jdbcUrl, null, null, null, database);
    }

    private static Map<String, String> postgresEnvironment(String jdbcUrl, String masterKey) {
        return Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "SPRING_DATASOURCE_URL", jdbcUrl,
                // Empty means none: the user and password in the url apply.
                "SPRING_DATASOURCE_USERNAME", "",
                "SPRING_DATASOURCE_PASSWORD", "",
                // The production profiles need a master key and a sign-in provider; the benchmarks sign in with the demo
                // board's HTTP Basic, so the provider is never asked.
                "INCIDENTS_MASTER_KEY", masterKey,
                "INCIDENTS_OIDC_ISSUER", "http://localhost:8080",
                "INCIDENTS_DEMO", "true");
    }

    String label() {
        return label;
    }

    boolean isPostgres() {
        return !jdbcUrl.startsWith("jdbc:h2:");
    }

    /** Whether the events are in Axon Server (no event table in the database). */
    boolean eventsInAxonServer() {
        return serviceEnvironment.containsKey("AXON_AXONSERVER_SERVERS");
    }

    Map<String, String> serviceEnvironment() {
        return serviceEnvironment;
    }

    /**
     * The environment of the command and the query service on this store, as {@code run.sh} sets it: the store's own,
     * the demo board, each service's port and where the query service is; a mutable copy, for a caller to add to.
     */
    Map<String, String> servicesEnvironment(ServiceProcess commands, ServiceProcess queries) {
        Map<String, String> environment = new HashMap<>(serviceEnvironment);
        environment.putAll(Map.of(
                "INCIDENTS_DEMO", "true",
                "COMMAND_SERVICE_PORT", String.valueOf(commands.port()),
                "QUERY_SERVICE_PORT", String.valueOf(queries.port()),
                "QUERY_SERVICE_URL", "http://localhost:" + queries.port()));
        return environment;
    }

    Connection connect() throws SQLException {
        if (user == null) {
            return DriverManager.getConnection(jdbcUrl);
        }
        return DriverManager.getConnection(jdbcUrl, user, password != null ? password : embeddedPassword());
    }

    /** The password the command service generated beside the embedded database (it runs by now). */
    private String embeddedPassword() throws SQLException {
        Path file = Path.of(serviceEnvironment.get("INCIDENTS_DATA_DIR"), "incidents.password");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new SQLException("Cannot read the embedded store's password " + file, e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (serverUrl != null) {
            try (Connection admin = DriverManager.getConnection(serverUrl); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
