package nl.incidents.command.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.support.testing.TestStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An instance that died while it held the deadlines' rows, the recurring sweep's among them: the
 * next one to start acts on the steps missed meanwhile at once, and takes the dead one's rows over
 * once their heartbeat is old.
 */
@Tag(TestStore.TAG)
class SweepAtStartUpTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final String[] SETTINGS = {
            "incidents.escalation.timings.critical.acknowledge=2s",
            "incidents.escalation.timings.critical.notify-communications=1h",
            "incidents.escalation.timings.critical.police-decision=1h",
            "incidents.escalation.timings.critical.reminder-interval=1h",
            "incidents.escalation.sweep.grace=1s"};

    @Test
    void aStepMissedWhileDownIsActedOnAtStartUpWhateverADeadInstanceHolds() throws Exception {
        ServiceOnStore store = new ServiceOnStore("sweep-at-start-up");
        IncidentId id = IncidentId.random();
        Instant due;
        try (ConfigurableApplicationContext before = store.start(SETTINGS)) {
            before.getBean(Scheduler.class).pause(); // the deadline must not fire before the "crash"
            before.getBean(IncidentCommands.class).send(new ReportDerailingDiscussion(id, "school-1", Platform.TIKTOK,
                    "https://www.tiktok.com/@x/video/1", "A video mocks a teacher.", Stage.DERAILED, Set.of(Harm.BULLYING),
                    Severity.CRITICAL, List.of(), Instant.now().minusSeconds(60)), TEACHER);
            EventStore events = before.getBean(EventStore.class);
            due = await().atMost(Duration.ofSeconds(10)).until(() -> events.readEvents(id.toString()).asStream()
                    .map(DomainEventMessage::getPayload).filter(DeadlineSet.class::isInstance).map(DeadlineSet.class::cast)
                    .filter(d -> d.step() == Step.ACKNOWLEDGE).map(DeadlineSet::dueAt).findFirst().orElse(null), d -> d != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> rows(store.jdbc(), "task_name = 'AxonDeadline'") == 2);
        }

        // The instance died holding them: picked, its heartbeat a moment ago.
        JdbcClient jdbc = store.jdbc();
        assertThat(jdbc.sql("""
                        UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-host', last_heartbeat = :now,
                            version = version + 1 WHERE task_name IN ('AxonDeadline', 'escalation-sweep')""")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update())
                .as("the deadlines and the recurring sweep").isEqualTo(3);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due.plusSeconds(2)).toMillis()));

        try (ConfigurableApplicationContext after = store.start(SETTINGS)) {
            EventStore events = after.getBean(EventStore.class);
            List<StepOverdue> overdue = ofType(events, id, StepOverdue.class);
            assertThat(overdue).as("acted on while the service started").hasSize(1);
            assertThat(overdue.get(0).dueAt()).isEqualTo(due);
            assertThat(causes(events, id)).anyMatch(cause -> cause.startsWith("sweep: ACKNOWLEDGE due "));
            await().atMost(Duration.ofSeconds(5)).until(() -> ofType(events, id, IncidentEscalated.class).stream()
                    .anyMatch(e -> e.assignee().level() == EscalationLevel.BOARD));
            assertThat(rows(jdbc, "picked_by = 'dead-host'")).as("still held by the dead instance").isEqualTo(3);

            // A minute later their heartbeat is old: this instance takes them over (it looks every 20 s), the
            // recurring sweep runs again, and the held deadline fires for a step already dealt with.
            jdbc.sql("UPDATE scheduled_tasks SET last_heartbeat = :minuteAgo WHERE picked_by = 'dead-host'")
                    .param("minuteAgo", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2)).update();
            await().atMost(Duration.ofSeconds(45)).until(() -> rows(jdbc, "picked_by = 'dead-host'") == 0
                    && rows(jdbc, "task_name = 'escalation-sweep' AND last_success IS NOT NULL") == 1
                    && rows(jdbc, "task_name = 'AxonDeadline' AND execution_time < CURRENT_TIMESTAMP") == 0);
            assertThat(ofType(events, id, StepOverdue.class)).filteredOn(o -> o.dueAt().equals(due))
                    .as("the case acted once on the manager's deadline").hasSize(1);
        }
    }

    private static long rows(JdbcClient jdbc, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE " + condition).query(Long.class).single();
    }

    private static <T> List<T> ofType(EventStore events, IncidentId id, Class<T> type) {
        return events.readEvents(id.toString()).asStream().map(DomainEventMessage::getPayload).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static List<String> causes(EventStore events, IncidentId id) {
        return events.readEvents(id.toString()).asStream().map(e -> (String) e.getMetaData().get("cause"))
                .filter(cause -> cause != null).toList();
    }
}
