package nl.incidents.support.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.incidents.kernel.json.IncidentsJson;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two commands that decide on the same case at once: the second append of the same sequence number is a
 * conflict over the case (which the API answers with 409), never a storage failure; any other integrity
 * failure stays a storage failure. On the real store: a fresh H2 file, or a fresh PostgreSQL database.
 */
@Tag(TestStore.TAG)
class EventStoreConflictTest {

    private final PersistenceExceptionResolver resolver = new EventStoreConfiguration().persistenceExceptionResolver();
    private TestPostgres.Database database;
    private JdbcEventStorageEngine engine;

    @BeforeEach
    void eventStore() throws Exception {
        DataSource dataSource;
        if (TestStore.onPostgres()) {
            database = TestPostgres.create("event_store_conflict");
            dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        } else {
            Path dir = Files.createTempDirectory("event-store-conflict");
            dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir + "/incidents", "sa", "");
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/eventstore/" + TestStore.flywayVendor())
                .load().migrate();
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(IncidentsJson.messageMapper()).build();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new AxonConfiguration().incidentsEventSchema())
                .eventSerializer(serializer).snapshotSerializer(serializer)
                .persistenceExceptionResolver(resolver)
                .build();
    }

    @AfterEach
    void drop() {
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void theSecondDecisionOnTheSameStepOfACaseIsAConflict() {
        engine.appendEvents(event(0, "reported"), event(1, "escalated"));

        assertThatThrownBy(() -> engine.appendEvents(event(1, "escalated again")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("case-1").asStream().map(e -> (Object) e.getPayload()).toList())
                .containsExactly("reported", "escalated");
    }

    @Test
    void otherIntegrityFailuresAreStorageFailures() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("null value in column \"payload\"", "23502")))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isTrue();
        // An id longer than its column: the store refuses it, but no other command got there first.
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Incident", "x".repeat(300), 0, "?")))
                .isInstanceOf(EventStoreException.class).isNotInstanceOf(ConcurrencyException.class);
    }

    private static GenericDomainEventMessage<String> event(long sequence, String payload) {
        return new GenericDomainEventMessage<>("Incident", "case-1", sequence, payload);
    }
}
