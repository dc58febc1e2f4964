package nl.incidents.command.escalation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.incidents.command.CommandServiceApplication;
import nl.incidents.support.store.EmbeddedStore;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The command service started in the test's JVM as it starts in production, on a store of the test's
 * own (a fresh embedded H2 file, or a fresh PostgreSQL database in the build's PostgreSQL run), for
 * tests of what happens at start-up and across a restart. The store outlives the service: start it
 * again on the same store to restart. A PostgreSQL database is dropped when the JVM exits.
 */
final class ServiceOnStore {

    private final Map<String, String> store = new LinkedHashMap<>();
    private final boolean postgres = TestStore.onPostgres();
    private Path dataDir;

    ServiceOnStore(String label) {
        if (postgres) {
            TestPostgres.Database database = TestPostgres.create(label);
            store.put("spring.datasource.url", database.url());
            store.put("spring.datasource.username", database.user() == null ? "" : database.user());
            store.put("spring.datasource.password", database.password() == null ? "" : database.password());
        } else {
            try {
                Path dir = Files.createTempDirectory(label);
                dataDir = dir;
                store.put("incidents.data-dir", dir.toString());
                // One process only: no AUTO_SERVER, and the file stays open until Spring has stopped.
                store.put("spring.datasource.url", "jdbc:h2:file:" + dir + "/incidents;DB_CLOSE_ON_EXIT=FALSE");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        store.put("incidents.demo.enabled", "true");
        store.putAll(TestTokens.shared().settings());
    }

    /** The store itself, reached directly, also while the service is down. */
    JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(store.get("spring.datasource.url"),
                store.getOrDefault("spring.datasource.username", "sa"),
                postgres ? store.get("spring.datasource.password") : EmbeddedStore.at(dataDir).password()));
    }

    /** Starts the service on this store with these settings ({@code name=value}); close the context to stop it. */
    ConfigurableApplicationContext start(String... settings) {
        return start(new Class<?>[0], settings);
    }

    /** Starts the service with test configurations of its own beside the service's. */
    ConfigurableApplicationContext start(Class<?>[] testConfigurations, String... settings) {
        // Any free port for the web server and the embedded store's H2 server: a service started by hand on this
        // machine (./run.sh, on 8081 and 9081) must not fail the tests.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--incidents.h2.port=0"));
        if (postgres) {
            args.add("--spring.profiles.active=postgres");
        }
        store.forEach((key, value) -> args.add("--" + key + "=" + value));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new SpringApplicationBuilder(CommandServiceApplication.class).sources(testConfigurations)
                .run(args.toArray(String[]::new));
    }
}
