package nl.incidents.support.store;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database a command-line tool of a service works on (the command service's {@code verify-history}, the query
 * service's {@code rebuild-projections}), found as the service finds it, without starting the service: {@code --url=},
 * {@code --user=}, {@code --password=}; else {@code SPRING_DATASOURCE_URL}, {@code _USERNAME}, {@code _PASSWORD}; else,
 * with {@code SPRING_PROFILES_ACTIVE} naming {@code postgres} or {@code axonserver}, the profiles' default
 * ({@code jdbc:postgresql://localhost:5432/incidents}, user {@code incidents}); else the embedded store in
 * {@code INCIDENTS_DATA_DIR} ({@code ./data}): through the running command service's H2 server
 * ({@code INCIDENTS_H2_PORT}, 9081), or the file itself while the command service is stopped.
 */
public final class ToolConnection {

    private static final String POSTGRES_DEFAULT = "jdbc:postgresql://localhost:5432/incidents";

    private ToolConnection() {
    }

    /**
     * A tool's {@code --name=value} arguments by name: the connection's ({@code url}, {@code user}, {@code password})
     * and the tool's own {@code more}; the tool's {@code command} itself is passed over.
     *
     * @param usage the arguments the tool takes, for the message
     * @return null after telling {@code err} which argument is unknown (a password never shown)
     */
    public static Map<String, String> options(List<String> args, String command, List<String> more, String usage,
                                              PrintStream err) {
        List<String> known = Stream.concat(more.stream(), Stream.of("url", "user", "password")).collect(Collectors.toList());
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals(command)) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !known.contains(arg.substring(2, eq))) {
                err.println("Unknown argument " + arg.replaceAll("(?i)^--password=.*", "--password=***")
                        + ". Use: " + command + " " + usage);
                return null;
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    /**
     * A data source that answered a first connection.
     *
     * @throws SQLException          the database could not be reached
     * @throws IllegalStateException there is no embedded store where the settings say
     */
    public static DataSource open(Map<String, String> options, Map<String, String> env) throws SQLException {
        String url = options.getOrDefault("url", env.get("SPRING_DATASOURCE_URL"));
        if ((url == null || url.isBlank()) && Arrays.stream(env.getOrDefault("SPRING_PROFILES_ACTIVE", "").split(","))
                .map(String::trim).anyMatch(profile -> profile.equals("postgres") || profile.equals("axonserver"))) {
            url = POSTGRES_DEFAULT;
        }
        if (url != null && !url.isBlank()) {
            String user = url.equals(POSTGRES_DEFAULT) ? "incidents" : "";
            return reachable(new DriverManagerDataSource(url,
                    options.getOrDefault("user", env.getOrDefault("SPRING_DATASOURCE_USERNAME", user)),
                    options.getOrDefault("password", env.getOrDefault("SPRING_DATASOURCE_PASSWORD", ""))));
        }
        Path dir = Path.of(env.getOrDefault("INCIDENTS_DATA_DIR", "./data"));
        if (!Files.isDirectory(dir) || EmbeddedStore.at(dir).passwordMissing()) {
            throw new IllegalStateException("there is no embedded store in " + dir.toAbsolutePath()
                    + " (set INCIDENTS_DATA_DIR, or --url)");
        }
        String password = EmbeddedStore.at(dir).password();
        try {
            return reachable(new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:" + env.getOrDefault("INCIDENTS_H2_PORT", "9081")
                    + "/incidents;NETWORK_TIMEOUT=15000", "sa", password));
        } catch (SQLException serviceNotRunning) {
            return reachable(new DriverManagerDataSource("jdbc:h2:file:" + dir.toAbsolutePath() + "/incidents;IFEXISTS=TRUE",
                    "sa", password));
        }
    }

    private static DataSource reachable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return dataSource;
        }
    }
}
