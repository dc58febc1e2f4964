package nl.incidents.support.chain;

import nl.incidents.support.axon.EventStoreConfiguration;
import nl.incidents.support.privacy.ActorEncryptingInterceptor;
import nl.incidents.support.privacy.PersonalDataCipher;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every event a service stores enters its case's hash chain: the {@link ChainingInterceptor} on the event store (the
 * JDBC store or Axon Server), registered once every bean is made, so after any dispatch interceptor registered while
 * the beans were made, and before the first command is handled; just before it, the {@link ActorEncryptingInterceptor}
 * that encrypts who acted, so the chain covers what is stored.
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, EventStoreConfiguration.class})
public class ChainConfiguration {

    @Bean
    SmartInitializingSingleton historyChainOnTheEventStore(EventStore eventStore,
                                                           @Qualifier("eventSerializer") Serializer eventSerializer,
                                                           ObjectProvider<PersonalDataCipher> cipher) {
        return () -> {
            // The actor is encrypted first, so that the chain covers the form that is stored.
            cipher.ifAvailable(c -> eventStore.registerDispatchInterceptor(new ActorEncryptingInterceptor(c)));
            eventStore.registerDispatchInterceptor(new ChainingInterceptor(eventSerializer, eventStore));
        };
    }
}
