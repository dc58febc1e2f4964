package nl.incidents.command.integrity;

import javax.sql.DataSource;
import nl.incidents.support.chain.EventStoreStoredEvents;
import nl.incidents.support.chain.HistoryVerifier;
import nl.incidents.support.chain.JdbcStoredEvents;
import nl.incidents.support.chain.StoredEventSource;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the verification of the history reads the events from: the event store's table itself on the JDBC store
 * (embedded H2 or PostgreSQL: the stored bytes, as the command-line tool reads them), Axon's event store API on Axon
 * Server.
 */
@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

    @Bean
    StoredEventSource storedEventSource(EventStore eventStore, DataSource dataSource,
                              @Qualifier("eventSerializer") Serializer eventSerializer) {
        return eventStore instanceof EmbeddedEventStore ? new JdbcStoredEvents(dataSource)
                : new EventStoreStoredEvents(eventStore, eventSerializer);
    }

    @Bean
    HistoryVerifier historyVerifier(StoredEventSource storedEventSource) {
        return new HistoryVerifier(storedEventSource);
    }
}
