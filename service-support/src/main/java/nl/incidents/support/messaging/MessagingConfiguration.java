package nl.incidents.support.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the one {@link RefusalInterceptor} on the command bus and the query bus of the service.
 * It is deliberately not a bean of type {@code MessageHandlerInterceptor}: Axon's Spring Boot support
 * would register such a bean on every bus whose messages it accepts, the event processors included,
 * where a refusal has no sender to go back to.
 */
@AutoConfiguration
public class MessagingConfiguration {

    @Bean
    SmartInitializingSingleton refusalInterceptorRegistration(CommandBus commandBus, QueryBus queryBus) {
        RefusalInterceptor interceptor = new RefusalInterceptor();
        return () -> {
            commandBus.registerHandlerInterceptor(interceptor);
            queryBus.registerHandlerInterceptor(interceptor);
        };
    }
}
