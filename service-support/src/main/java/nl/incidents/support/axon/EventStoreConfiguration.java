package nl.incidents.support.axon;

import nl.incidents.support.IncidentsProperties;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The event store over the JDBC storage engine (embedded H2 or PostgreSQL), when the events are not in
 * Axon Server. With {@code axon.axonserver.enabled} (the axonserver profile) none of this exists and
 * Axon's {@code AxonServerEventStore} stores and streams the events.
 * <p>
 * Ordered after Axon Server's bus configuration and before Axon's JDBC one, so that Axon's JDBC
 * storage engine never appears beside Axon Server's event store: with Axon Server, its event store is
 * defined first and Axon's JDBC engine backs off; without it, the engine and store here are defined
 * first and it backs off too. Axon's JDBC configuration still provides the token and saga stores.
 */
@AutoConfiguration(after = AxonServerBusAutoConfiguration.class, before = JdbcAutoConfiguration.class)
@Conditional(EventStoreConfiguration.EventsInJdbc.class)
public class EventStoreConfiguration {

    /** The SQL standard's unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";
    /** How many events one query of the event table reads at most. */
    static final int READ_BATCH = 1000;

    /**
     * An append that hits the unique key (aggregate id, sequence number) lost a race for the case: Axon then
     * reports a {@code ConcurrencyException}, which the API answers as a conflict. Axon's own resolver, narrowed
     * to the SQL standard's unique_violation (23505) that H2 and PostgreSQL both report; its default (any
     * integrity violation, class 23) would also call a missing value a conflict.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        // Payload and metadata as byte[] (the builder's default): bytea on PostgreSQL, never oid.
        return JdbcEventStorageEngine.builder()
                // Events read per query: 1,000 like a plain keyset scan, so a processor that is far behind (a rebuild)
                // pays one round trip per thousand events rather than per hundred (Axon's default). A case's own events,
                // read to load it, are far fewer than either.
                .batchSize(READ_BATCH)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * Without Axon Server, a service sees another process's events by polling the store; the
     * default second is too slow for a dashboard, so it is {@code incidents.axon.poll-interval-ms}.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  IncidentsProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.axon().pollIntervalMs())
                .build();
    }

    /** Axon Server is off, or on for commands and queries only (the same two switches Axon's own configuration reads). */
    static class EventsInJdbc extends AnyNestedCondition {

        EventsInJdbc() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
        static class WithoutAxonServer {
        }

        @ConditionalOnProperty(name = "axon.axonserver.event-store.enabled", havingValue = "false")
        static class WithoutAxonServerEventStore {
        }
    }
}
