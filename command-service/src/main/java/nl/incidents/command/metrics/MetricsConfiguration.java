package nl.incidents.command.metrics;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain metrics count in a subscribing processor whose failures are only logged. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    static final String GROUP = "domain-metrics";

    @Bean
    ConfigurerModule domainMetricsProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, c -> new LoggingErrorHandler());
    }
}
