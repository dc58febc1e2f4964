package nl.incidents.support.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Health a load balancer and an operator can act on: {@code eventStore} says whether the event store
 * answers, {@code eventProcessors} whether this service's processors run without error and keep up
 * with it. Both are part of readiness: an instance whose projections lag far behind, or that cannot
 * reach its events, should not take requests.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(EventStore.class)
public class AxonHealthConfiguration {

    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        return () -> {
            try {
                TrackingToken head = eventStore.createHeadToken();
                OptionalLong position = head == null ? OptionalLong.empty() : head.position();
                return Health.up().withDetail("headPosition", position.isPresent() ? position.getAsLong() : -1).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    @Bean
    HealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing, EventStore eventStore,
            @Value("${incidents.health.max-processor-lag:1000}") long maxLag) {
        return () -> {
            long head;
            try {
                TrackingToken token = eventStore.createHeadToken();
                head = token == null ? -1 : token.position().orElse(-1);
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
            Status status = Status.UP;
            Map<String, Object> details = new LinkedHashMap<>();
            for (var entry : processing.eventProcessors().entrySet()) {
                if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                    continue;
                }
                Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
                boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
                long lag = segments.values().stream()
                        .mapToLong(segment -> head - segment.getCurrentPosition().orElse(-1))
                        .max().orElse(0);
                details.put(entry.getKey(), Map.of("running", processor.isRunning(), "error", error,
                        "segments", segments.size(), "lag", Math.max(lag, 0)));
                if (error || !processor.isRunning()) {
                    status = Status.DOWN;
                } else if (lag > maxLag && status == Status.UP) {
                    status = Status.OUT_OF_SERVICE;
                }
            }
            return Health.status(status).withDetails(details).build();
        };
    }
}
