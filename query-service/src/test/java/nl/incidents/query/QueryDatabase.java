package nl.incidents.query;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import nl.incidents.query.access.InvolvedPartiesFromTheHistory;
import nl.incidents.query.dashboard.DashboardFromTheHistory;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database of the test's store (an H2 file, or a PostgreSQL database in the build's PostgreSQL
 * run) with the query service's schema migrated as the service migrates it, for tests of the schema and
 * its SQL without the service around it.
 */
public final class QueryDatabase {

    private final DataSource dataSource;

    private QueryDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static QueryDatabase fresh(String label) throws Exception {
        if (TestStore.onPostgres()) {
            TestPostgres.Database database = TestPostgres.create(label);
            return new QueryDatabase(new DriverManagerDataSource(database.url(),
                    database.user() == null ? "" : database.user(), database.password() == null ? "" : database.password()));
        }
        Path dir = Files.createTempDirectory(label);
        return new QueryDatabase(new DriverManagerDataSource("jdbc:h2:file:" + dir + "/incidents;DB_CLOSE_DELAY=-1", "sa", ""));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Migrates up to and including {@code version}, or to the newest with null. */
    public QueryDatabase migrate(String version) {
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/query/" + TestStore.flywayVendor(), "classpath:db/query/common")
                .table("query_schema_history")
                .javaMigrations(new InvolvedPartiesFromTheHistory(), new DashboardFromTheHistory())
                .target(version == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(version))
                .load().migrate();
        return this;
    }
}
