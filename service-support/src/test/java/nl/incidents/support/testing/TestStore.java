package nl.incidents.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which store a Spring-context test runs on. By default a fresh embedded H2 file, as the services use
 * out of the box; with the system property {@code incidents.test.store=postgres} (set by the build's
 * second test run when {@value TestPostgres#URL_VARIABLE} is set) the {@code postgres} profile on a fresh
 * PostgreSQL database of that server. Tests that run on either are tagged {@value #TAG}; the PostgreSQL
 * run picks them by that tag.
 */
public final class TestStore {

    public static final String PROPERTY = "incidents.test.store";
    public static final String TAG = "store";
    /** The master key of personal data every test context gets: 32 bytes in base64, the tests' own. */
    public static final String MASTER_KEY = "dGVzdHMtb25seS1tYXN0ZXIta2V5LTMyLWJ5dGVzISE=";

    private TestStore() {
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty(PROPERTY));
    }

    /** The vendor directory of the Flyway migrations for this store, as Spring Boot resolves {@code {vendor}}. */
    public static String flywayVendor() {
        return onPostgres() ? "postgresql" : "h2";
    }

    /**
     * The datasource of the test's context, the demo school board whose users the tests sign in as (HTTP
     * Basic, password {@code demo}), and the test provider ({@link TestTokens#shared()}) whose access tokens
     * the context accepts (the production profiles require an issuer).
     */
    public static void register(DynamicPropertyRegistry registry, String label) throws IOException {
        if (onPostgres()) {
            TestPostgres.Database database = TestPostgres.create(label);
            registry.add("spring.datasource.url", database::url);
            // Empty means "none": the url's own user and password, if any, then apply.
            registry.add("spring.datasource.username", () -> database.user() == null ? "" : database.user());
            registry.add("spring.datasource.password", () -> database.password() == null ? "" : database.password());
        } else {
            Path dir = Files.createTempDirectory(label);
            registry.add("incidents.data-dir", dir::toString);
            // The command service's own settings; its H2 server takes any free port (tests run side by side).
            registry.add("spring.datasource.url", () -> h2Url(dir));
            registry.add("incidents.h2.port", () -> "0");
        }
        registry.add("incidents.demo.enabled", () -> "true");
        // The postgres profile requires a master key (the embedded store generates its own into the data directory).
        registry.add("incidents.privacy.master-key", () -> MASTER_KEY);
        TestTokens.shared().register(registry);
    }

    /** The url by which the command service owns the embedded store in {@code dir}, with its settings. */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir + "/incidents;WRITE_DELAY=0;RETENTION_TIME=5000;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
    }

    /** For {@code @ActiveProfiles(resolver = ...)}: the postgres profile on PostgreSQL, the default otherwise. */
    public static final class Profiles implements ActiveProfilesResolver {

        @Override
        public String[] resolve(Class<?> testClass) {
            return onPostgres() ? new String[] {"postgres"} : new String[0];
        }
    }

    /**
     * Asserts that the test really runs on the store it was asked for, that the given columns
     * ({@code table.column}) keep their bytes in the row (bytea on PostgreSQL, BINARY VARYING on H2,
     * which writes a BLOB of more than a few hundred bytes apart from its row, in its large-object
     * store), and that no column of the schema is an oid and no large object exists: OID large
     * objects outlive their rows.
     */
    public static void assertBinaryColumnsInline(DataSource dataSource, String... columns) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName())
                    .isEqualTo(onPostgres() ? "PostgreSQL" : "H2");
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Map<String, Object>> schema = jdbc.queryForList("""
                SELECT lower(table_name) AS table_name, lower(column_name) AS column_name, lower(data_type) AS data_type
                FROM information_schema.columns WHERE lower(table_schema) = 'public'""");
        assertThat(schema).as("the tables of the schema").isNotEmpty();
        assertThat(schema).filteredOn(c -> "oid".equals(c.get("data_type"))).as("oid columns").isEmpty();
        for (String column : columns) {
            String[] parts = column.toLowerCase().split("\\.");
            assertThat(schema).filteredOn(c -> parts[0].equals(c.get("table_name")) && parts[1].equals(c.get("column_name")))
                    .as("the type of %s", column).singleElement()
                    .extracting(c -> c.get("data_type"))
                    .isEqualTo(onPostgres() ? "bytea" : "binary varying");
        }
        if (onPostgres()) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_largeobject_metadata", Long.class))
                    .as("large objects").isZero();
        }
    }
}
