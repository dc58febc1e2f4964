package nl.incidents.query;

import javax.sql.DataSource;
import nl.incidents.support.testing.TestStore;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** In production the command service creates the event store and the keys' table; in the query service's tests the test does. */
@TestConfiguration
public class EventStoreSchema {

    @Bean
    InitializingBean eventStoreMigration(DataSource dataSource) {
        return () -> Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/eventstore/" + TestStore.flywayVendor(),
                        "classpath:db/privacy/" + TestStore.flywayVendor())
                .table("eventstore_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
}
