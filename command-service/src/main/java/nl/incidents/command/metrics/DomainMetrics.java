package nl.incidents.command.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.StepOverdue;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The domain's own metrics, counted where the events happen: each instance of the command service
 * counts the events it stores (Prometheus sums the instances; a restart starts the counters afresh,
 * as counters do). A subscribing processor, so nothing is counted twice or replayed, and a failure
 * here is logged, never the command's failure (see {@link MetricsConfiguration}).
 */
@Component
@ProcessingGroup(MetricsConfiguration.GROUP)
class DomainMetrics {

    /** From minutes to a week: the range in which a school board acts, or should have. */
    private static final Duration[] BUCKETS = {Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1),
            Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(7)};

    private final MeterRegistry registry;
    private final EventStore eventStore;

    DomainMetrics(MeterRegistry registry, EventStore eventStore) {
        this.registry = registry;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(DerailingDiscussionReported event) {
        for (Harm harm : event.harms()) {
            Counter.builder("incidents.reported")
                    .description("Cases reported, counted once for each kind of harm a case names")
                    .tag("severity", event.severity().name()).tag("harm", harm.name())
                    .register(registry).increment();
        }
    }

    @EventHandler
    void on(IncidentEscalated event) {
        Counter.builder("incidents.escalations").description("Cases escalated, by the level they went to")
                .tag("level", event.assignee().level().name()).register(registry).increment();
    }

    @EventHandler
    void on(StepOverdue event) {
        Counter.builder("incidents.overdue.steps").description("Steps not taken by their deadline, by step")
                .tag("step", event.step().name()).register(registry).increment();
    }

    @EventHandler
    void on(EscalationAcknowledged event, @Timestamp Instant at) {
        Timer.builder("incidents.time.to.acknowledgement")
                .description("From the report to each acknowledgement, by the level that acknowledged")
                .tag("level", event.assignee().level().name()).serviceLevelObjectives(BUCKETS)
                .register(registry).record(Duration.between(reportedAt(event.incidentId()), at));
    }

    @EventHandler
    void on(CommunicationsDepartmentNotified event, @Timestamp Instant at) {
        Timer.builder("incidents.time.to.communications.notified")
                .description("From the report to the communications department's notification")
                .serviceLevelObjectives(BUCKETS)
                .register(registry).record(Duration.between(reportedAt(event.incidentId()), at));
    }

    /** When the case was reported: its first event. */
    private Instant reportedAt(IncidentId incident) {
        return eventStore.readEvents(incident.toString()).asStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no events for incident " + incident)).getTimestamp();
    }
}
