package nl.incidents.support.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The embedded default's store: an H2 database in the data directory ({@code incidents.data-dir}),
 * owned and served by the service whose datasource opens the file ({@code jdbc:h2:file:}, the command
 * service), reached over TCP by the other ({@code jdbc:h2:tcp:}, the query service). For either, an H2
 * datasource without a configured password gets the generated one of the data directory; the
 * directory and its files are made the owner's only. PostgreSQL and Axon Server are untouched.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
public class EmbeddedStoreConfiguration {

    static final String FILE = "jdbc:h2:file:";
    /** The H2 server's port unless {@code incidents.h2.port} says otherwise (0: any free port). */
    static final int DEFAULT_PORT = 9081;

    @Bean
    static BeanPostProcessor embeddedStorePassword(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && embedded(pool.getJdbcUrl())
                        && (pool.getPassword() == null || pool.getPassword().isEmpty())) {
                    EmbeddedStore store = store(pool.getJdbcUrl(), environment);
                    if (pool.getJdbcUrl().startsWith(FILE)) {
                        protectUnprotectedDatabase(pool.getJdbcUrl(), pool.getUsername(), store);
                    } else if (store.passwordMissing()) {
                        throw new IllegalStateException("There is no database password in " + store.directory()
                                + ": the command service creates it when it first starts. Start the command service "
                                + "first, with the same INCIDENTS_DATA_DIR.");
                    }
                    pool.setPassword(store.password());
                }
                return bean;
            }
        };
    }

    /** Where this service's datasource opens the database file: it owns the database and serves it. */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('" + FILE + "')")
    H2TcpServer h2TcpServer(DataSource dataSource, Environment environment) throws SQLException {
        String url = environment.getRequiredProperty("spring.datasource.url");
        EmbeddedStore store = store(url, environment);
        return new H2TcpServer(dataSource, store, environment.getProperty("incidents.h2.port", Integer.class, DEFAULT_PORT),
                store.password());
    }

    /**
     * Where this service owns the database file: the housekeeping H2 does not do with {@code WRITE_DELAY=0}, every
     * {@code incidents.h2.housekeeping-interval} (1 s unless set; 0 leaves it out, and the file grows by a chunk per
     * commit, as the growth benchmark shows).
     */
    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('" + FILE + "') "
            + "&& '${incidents.h2.housekeeping-interval:1s}' != '0'")
    EmbeddedStoreHousekeeping embeddedStoreHousekeeping(DataSource dataSource, Environment environment) {
        return new EmbeddedStoreHousekeeping(dataSource,
                Binder.get(environment).bind("incidents.h2.housekeeping-interval", Duration.class)
                        .orElse(Duration.ofSeconds(1)));
    }

    /**
     * The embedded store's data directory when this service's datasource is the embedded H2 (its file or its
     * server); empty on any other database.
     */
    public static Optional<EmbeddedStore> of(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return embedded(url) ? Optional.of(store(url, environment)) : Optional.empty();
    }

    private static boolean embedded(String url) {
        return url != null && (url.startsWith(FILE) || url.startsWith("jdbc:h2:tcp:"));
    }

    /** The data directory: the database file's own for the owner, {@code incidents.data-dir} for a client. */
    private static EmbeddedStore store(String url, Environment environment) {
        return EmbeddedStore.at(url.startsWith(FILE) ? databaseFile(url).getParent()
                : Path.of(environment.getProperty("incidents.data-dir", "./data")));
    }

    private static Path databaseFile(String url) {
        String path = url.substring(FILE.length());
        int settings = path.indexOf(';');
        return Path.of(settings < 0 ? path : path.substring(0, settings)).toAbsolutePath().normalize();
    }

    /**
     * A database made before passwords were generated has its user without one: it gets the generated
     * password the first time a service owns it, before anyone else can reach it.
     */
    private static void protectUnprotectedDatabase(String url, String user, EmbeddedStore store) {
        Path file = databaseFile(url);
        if (!store.passwordMissing() || !Files.exists(file.resolveSibling(file.getFileName() + ".mv.db"))) {
            return;
        }
        String password = store.password();
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER \"" + user.toUpperCase(java.util.Locale.ROOT) + "\" SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("The database " + file + " has a password, but " + EmbeddedStore.PASSWORD_FILE
                    + " was missing and has now been generated: write the database's password into "
                    + store.directory().resolve(EmbeddedStore.PASSWORD_FILE) + " instead", e);
        }
    }
}
