package nl.incidents.command.erasure;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The erasure's key deletion runs in a subscribing processor whose failures propagate: the command that erases
 * then fails and its unit of work, the event included, rolls back.
 */
@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {

    static final String GROUP = "erasure-keys";

    @Bean
    ConfigurerModule erasureKeysProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
    }
}
