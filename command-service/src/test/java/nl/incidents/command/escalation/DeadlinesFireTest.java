package nl.incidents.command.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.support.testing.TestStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The deadlines really fire: db-scheduler on the service's own database, the saga, the case. A
 * CRITICAL case counts the clock, so these tests shrink its policy to seconds.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(properties = {
        "incidents.escalation.timings.critical.acknowledge=2s",
        "incidents.escalation.timings.critical.notify-communications=3s",
        "incidents.escalation.timings.critical.police-decision=4s",
        "incidents.escalation.timings.critical.inspector-consultation=1h",
        "incidents.escalation.timings.critical.reminder-interval=2s",
        "db-scheduler.polling-interval=200ms",
        // The sweep stays out of the way: these tests are about the deadlines themselves.
        "incidents.escalation.sweep.grace=1h"})
class DeadlinesFireTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "deadlines-fire");
    }

    @Autowired
    IncidentCommands commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    MeterRegistry metrics;

    @Test
    void unansweredStepsClimbNotifyAndRemindUntilSomeoneActsAndClosingStopsThem() throws Exception {
        double overdueBefore = overdueCount(Step.NOTIFY_COMMUNICATIONS);
        IncidentId id = report(Set.of(Harm.THREATENING));

        // The manager does not acknowledge: after 2 s the case is the board's.
        await().atMost(Duration.ofSeconds(10)).until(() -> escalatedTo(id, EscalationLevel.BOARD));
        DomainEventMessage<?> overdue = first(id, StepOverdue.class);
        assertThat(((StepOverdue) overdue.getPayload()).step()).isEqualTo(Step.ACKNOWLEDGE);
        assertThat(overdue.getMetaData()).containsEntry("actorRole", "SYSTEM");
        assertThat((String) overdue.getMetaData().get("cause")).startsWith("deadline: ACKNOWLEDGE due ");
        assertThat(Duration.between(((StepOverdue) overdue.getPayload()).dueAt(), overdue.getTimestamp()))
                .as("fired soon after it was due").isLessThan(Duration.ofSeconds(2));

        // Nobody told the communications department: the system does, and says why.
        await().atMost(Duration.ofSeconds(10)).until(() -> !ofType(id, CommunicationsDepartmentNotified.class).isEmpty());
        DomainEventMessage<?> notified = first(id, CommunicationsDepartmentNotified.class);
        assertThat(notified.getMetaData()).containsEntry("actorRole", "SYSTEM");
        assertThat((String) notified.getMetaData().get("cause")).startsWith("deadline: NOTIFY_COMMUNICATIONS due ");
        assertThat(overdueCount(Step.NOTIFY_COMMUNICATIONS) - overdueBefore).as("overdue steps, by kind").isEqualTo(1);

        // The board leaves the police decision open: it is reminded, again and again.
        await().atMost(Duration.ofSeconds(15)).until(() -> ofType(id, BoardReminded.class).stream()
                .map(e -> (BoardReminded) e.getPayload())
                .anyMatch(r -> r.step() == Step.POLICE_DECISION && r.reminder() >= 2));

        commands.send(new AcknowledgeEscalation(id, "On it."), BOARD);
        commands.send(new FileWithPolice(id, "Threat (art. 285 Sr)", null), BOARD);
        commands.send(new CloseIncident(id, "Filed; the post is gone."), BOARD);
        int atClosure = events(id).size();
        Thread.sleep(3_000);
        assertThat(events(id)).as("nothing fires after closure").hasSize(atClosure);
    }

    @Test
    void anAcknowledgementInTimeStopsTheDeadline() throws Exception {
        IncidentId id = report(Set.of(Harm.BULLYING));
        await().atMost(Duration.ofSeconds(10)).until(() -> escalatedTo(id, EscalationLevel.MANAGER));
        commands.send(new AcknowledgeEscalation(id, "Seen."), MANAGER);
        Instant due = ofType(id, DeadlineSet.class).stream().map(e -> (DeadlineSet) e.getPayload())
                .filter(d -> d.step() == Step.ACKNOWLEDGE).findFirst().orElseThrow().dueAt();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 1_500);
        assertThat(ofType(id, StepOverdue.class)).extracting(e -> ((StepOverdue) e.getPayload()).step())
                .doesNotContain(Step.ACKNOWLEDGE);
        assertThat(escalatedTo(id, EscalationLevel.BOARD)).isFalse();
    }

    private double overdueCount(Step step) {
        var counter = metrics.find("incidents.overdue.steps").tag("step", step.name()).counter();
        return counter == null ? 0 : counter.count();
    }

    private IncidentId report(Set<Harm> harms) {
        IncidentId id = IncidentId.random();
        commands.send(new ReportDerailingDiscussion(id, "school-1", Platform.TIKTOK, "https://www.tiktok.com/@x/video/1",
                "A video mocks a teacher.", Stage.DERAILED, harms, Severity.CRITICAL, List.of(),
                Instant.now().minusSeconds(60)), TEACHER);
        return id;
    }

    private boolean escalatedTo(IncidentId id, EscalationLevel level) {
        return ofType(id, IncidentEscalated.class).stream()
                .anyMatch(e -> ((IncidentEscalated) e.getPayload()).assignee().level() == level);
    }

    private List<? extends DomainEventMessage<?>> events(IncidentId id) {
        return eventStore.readEvents(id.toString()).asStream().toList();
    }

    private List<DomainEventMessage<?>> ofType(IncidentId id, Class<?> type) {
        return events(id).stream().filter(e -> type.isInstance(e.getPayload())).<DomainEventMessage<?>>map(e -> e).toList();
    }

    private DomainEventMessage<?> first(IncidentId id, Class<?> type) {
        return ofType(id, type).get(0);
    }
}
