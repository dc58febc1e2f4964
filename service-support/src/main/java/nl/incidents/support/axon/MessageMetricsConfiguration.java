package nl.incidents.support.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's message metrics as {@link MessageMetrics} has them, in place of Axon's own set: defined before Axon's
 * Micrometer configuration, whose module then stands back.
 */
@AutoConfiguration(before = MicrometerMetricsAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
public class MessageMetricsConfiguration {

    @Bean
    MetricsConfigurerModule messageMetrics(ObjectProvider<MeterRegistry> registry) {
        return new MessageMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
