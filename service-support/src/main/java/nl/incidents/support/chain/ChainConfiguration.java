package nl.incidents.support.chain;

import nl.incidents.support.axon.EventStoreConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every event a service stores enters its case's hash chain: the {@link ChainingInterceptor} on the event store (the
 * JDBC store or Axon Server), registered once every bean is made, so after any dispatch interceptor registered while
 * the beans were made, and before the first command is handled.
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, EventStoreConfiguration.class})
public class ChainConfiguration {

    @Bean
    SmartInitializingSingleton historyChainOnTheEventStore(EventStore eventStore,
                                                           @Qualifier("eventSerializer") Serializer eventSerializer) {
        return () -> eventStore.registerDispatchInterceptor(new ChainingInterceptor(eventSerializer, eventStore));
    }
}
