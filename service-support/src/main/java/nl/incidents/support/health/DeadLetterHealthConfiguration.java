package nl.incidents.support.health;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.incidents.support.axon.DeadLetters;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * {@code deadLetters} in health: per processing group how many events are parked and for which cases.
 * Parked events make it {@value #DEGRADED} (and so the service's overall health, still HTTP 200): the
 * service works, but those cases are missing from a projection or wait for the saga until an operator
 * retries them. Not part of readiness: the instance can take requests.
 */
// Before Axon's actuator configuration too: its Axon Server status aggregator stands back only when a
// SimpleStatusAggregator is already defined (otherwise, on Axon Server, health finds two aggregators and the
// service does not start).
@AutoConfiguration(afterName = "nl.incidents.support.axon.DeadLetterConfiguration",
        before = HealthEndpointAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonServerActuatorAutoConfiguration")
@ConditionalOnBean(DeadLetters.class)
public class DeadLetterHealthConfiguration {

    /** The status of a service with parked events; ordered between OUT_OF_SERVICE and UP (see below). */
    public static final String DEGRADED = "DEGRADED";
    private static final int CASES_SHOWN = 20;

    /**
     * The order in which the components' statuses make the service's own: any part DOWN makes it DOWN,
     * then OUT_OF_SERVICE, then parked events ({@value #DEGRADED}), then UP. Spring's own order with
     * {@value #DEGRADED} in its place, and Axon Server's {@code WARN} (a connection of the instance's that is
     * away) before it, as Axon's own aggregator, which this one replaces, orders it; the health groups
     * (readiness, liveness) use it too. Declared as a {@link SimpleStatusAggregator}: Axon's stands back
     * only for one of that type.
     */
    @Bean
    SimpleStatusAggregator healthStatusAggregator() {
        return new SimpleStatusAggregator(Status.DOWN, Status.OUT_OF_SERVICE, new Status("WARN"), new Status(DEGRADED),
                Status.UP, Status.UNKNOWN);
    }

    @Bean
    HealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return () -> {
            Map<String, Map<String, Object>> summary = deadLetters.summary(CASES_SHOWN);
            long total = summary.values().stream().mapToLong(group -> (Long) group.get("parked")).sum();
            return Health.status(total == 0 ? Status.UP : new Status(DEGRADED, total + " events parked"))
                    .withDetails(new LinkedHashMap<>(summary)).build();
        };
    }
}
