package nl.incidents.support.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Health a load balancer and an operator can act on, answered at once ({@link TimeLimitedHealth}).
 * {@code eventStore} says whether the event store answers; with the database's own {@code db} it makes
 * readiness: an instance that reaches its store can take requests. {@code eventProcessors} shows each
 * processor's state and how many events it is behind; a processor behind during a burst is ordinary
 * load, not a reason to take the only instance out (its lag is the metric {@code eventProcessor_latency}
 * and the alert in {@code docker/prometheus/alerts.yml}), so it is not part of readiness. A processor in
 * error (its store away) makes it DOWN.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(EventStore.class)
public class AxonHealthConfiguration {

    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        return () -> {
            try {
                return Health.up().withDetail("headPosition", head(eventStore)).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore) {
        return () -> {
            long head;
            try {
                head = head(eventStore);
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
            boolean up = true;
            Map<String, Object> details = new LinkedHashMap<>();
            for (var entry : processing.eventProcessors().entrySet()) {
                if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                    continue;
                }
                Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
                boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
                long behind = segments.values().stream()
                        .mapToLong(segment -> head - segment.getCurrentPosition().orElse(-1))
                        .max().orElse(0);
                details.put(entry.getKey(), Map.of("running", processor.isRunning(), "error", error,
                        "segments", segments.size(), "behind", Math.max(behind, 0)));
                up &= processor.isRunning() && !error;
            }
            return (up ? Health.up() : Health.down()).withDetails(details).build();
        };
    }

    private static long head(EventStore eventStore) {
        TrackingToken token = eventStore.createHeadToken();
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }
}
