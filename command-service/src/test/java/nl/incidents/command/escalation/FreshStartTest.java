package nl.incidents.command.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service as it comes up and goes down: the first report after a fresh start is escalated as
 * soon as any later one, and the deadlines run only while Axon's processors and command bus do.
 */
@Tag(TestStore.TAG)
class FreshStartTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);

    @Test
    void theFirstReportAfterAFreshStartIsEscalatedAtOnce() {
        try (ConfigurableApplicationContext service = new ServiceOnStore("fresh-start").start()) {
            IncidentId id = report(service);
            EventStore events = service.getBean(EventStore.class);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> events.readEvents(id.toString()).asStream()
                            .anyMatch(e -> e.getPayload() instanceof IncidentEscalated));
        }
    }

    @Test
    void deadlinesStartAfterTheProcessorsAndPauseBeforeTheyStop() {
        ConfigurableApplicationContext service = new ServiceOnStore("lifecycle").start(new Class<?>[] {Order.class});
        report(service);
        Order order = service.getBean(Order.class);
        service.close();
        assertThat(order.atSchedulersFirstRound.get()).as("the saga's processor when the scheduler first ran")
                .isEqualTo("running");
        assertThat(order.whenAxonStops.get()).as("the scheduler when Axon began to stop")
                .isEqualTo("paused, nothing running");
    }

    private static IncidentId report(ApplicationContext service) {
        IncidentId id = IncidentId.random();
        service.getBean(IncidentCommands.class).send(new ReportDerailingDiscussion(id, "school-1", Platform.TIKTOK,
                "https://www.tiktok.com/@x/video/1", "A video mocks a teacher.", Stage.DERAILED, Set.of(Harm.BULLYING),
                Severity.HIGH, List.of(), Instant.now().minusSeconds(60)), TEACHER);
        return id;
    }

    /** Notes the state of the one when the other starts or stops. */
    @Configuration(proxyBeanMethods = false)
    static class Order {

        final AtomicReference<String> atSchedulersFirstRound = new AtomicReference<>();
        final AtomicReference<String> whenAxonStops = new AtomicReference<>();

        @Bean
        SchedulerListener firstRound(ApplicationContext context) {
            return new AbstractSchedulerListener() {
                @Override
                public void onSchedulerEvent(SchedulerEventType type) {
                    atSchedulersFirstRound.compareAndSet(null, context.getBean(EventProcessingConfiguration.class)
                            .eventProcessor("EscalationSagaProcessor").map(EventProcessor::isRunning)
                            .map(running -> running ? "running" : "not running").orElse("absent"));
                }
            };
        }

        @Bean
        ConfigurerModule axonStops(ApplicationContext context) {
            return configurer -> configurer.onShutdown(Phase.INSTRUCTION_COMPONENTS + 1, () -> {
                Scheduler scheduler = context.getBean(Scheduler.class);
                whenAxonStops.set((scheduler.getSchedulerState().isPaused() ? "paused" : "not paused")
                        + (scheduler.getCurrentlyExecuting().isEmpty() ? ", nothing running" : ", running deadlines"));
            });
        }
    }
}
