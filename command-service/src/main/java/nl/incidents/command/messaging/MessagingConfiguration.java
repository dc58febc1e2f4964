package nl.incidents.command.messaging;

import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the command side adds to Axon's handling of messages. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * The actor who sent a command, as a handler parameter. Axon's Spring integration adds every
     * {@link ParameterResolverFactory} bean to the resolvers of all handlers; a test fixture registers
     * it itself.
     */
    @Bean
    ParameterResolverFactory actorParameterResolverFactory() {
        return new ActorParameterResolverFactory();
    }
}
