package nl.incidents.command.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
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
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cases keep moving whatever state db-scheduler's rows are in: a deadline's row held by an instance
 * that died, or a deadline's row gone. One segment, so every case goes through the same saga
 * segment; heartbeats so rare that nothing here declares a row dead by itself.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(properties = {
        "incidents.axon.segments=1",
        "db-scheduler.heartbeat-interval=1h",
        "db-scheduler.polling-interval=200ms",
        "incidents.escalation.timings.critical.acknowledge=3s",
        "incidents.escalation.timings.critical.notify-communications=1h",
        "incidents.escalation.timings.critical.police-decision=1h",
        "incidents.escalation.timings.critical.reminder-interval=1h",
        "incidents.escalation.sweep.interval=1s",
        "incidents.escalation.sweep.grace=1s"})
class DeadlineRowsTest {

    private static final String DEADLINES = "AxonDeadline";
    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "deadline-rows");
    }

    @Autowired
    IncidentCommands commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler scheduler;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aDeadlineHeldByADeadInstanceNeitherStallsTheSagaNorTheNextReportAndFiresLaterForNothing() {
        Set<String> before = deadlineRows().keySet();
        IncidentId held = report(Severity.HIGH);
        String acknowledgement = rowOf(held, Step.ACKNOWLEDGE, before);
        jdbc.sql("""
                        UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-host', last_heartbeat = :longAgo,
                            version = version + 1
                        WHERE task_name = :deadlines AND task_instance = :id""")
                .param("longAgo", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)).param("deadlines", DEADLINES)
                .param("id", acknowledgement).update();

        // The step is taken: the saga cannot cancel the held deadline, and goes on.
        commands.send(new AcknowledgeEscalation(held, "Seen."), MANAGER);
        IncidentId next = report(Severity.HIGH);
        await().atMost(Duration.ofSeconds(2)).until(() -> escalatedTo(next, EscalationLevel.MANAGER));
        assertThat(saga().processingStatus().values()).noneMatch(status -> status.isErrorState());

        // Taken over (as db-scheduler revives a dead instance's rows): it fires, and the case ignores it.
        jdbc.sql("""
                        UPDATE scheduled_tasks SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL,
                            execution_time = :now, version = version + 1
                        WHERE task_name = :deadlines AND task_instance = :id""")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("deadlines", DEADLINES)
                .param("id", acknowledgement).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> !deadlineRows().containsKey(acknowledgement));
        assertThat(ofType(held, StepOverdue.class)).isEmpty();
        assertThat(escalatedTo(held, EscalationLevel.BOARD)).isFalse();
    }

    @Test
    void aStepWhoseDeadlineRowIsGoneIsCaughtByTheSweepWithTheCasesOwnDueTime() {
        scheduler.pause(); // nothing fires while the deadline's row is taken away
        Set<String> before = deadlineRows().keySet();
        IncidentId id;
        Clock kept = GenericEventMessage.clock;
        // Due times with digits below the microsecond, as cases made before times were kept at one precision have.
        GenericEventMessage.clock = new Clock() {
            @Override
            public Instant instant() {
                return Instant.now().truncatedTo(ChronoUnit.MICROS).plusNanos(789);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        try {
            id = report(Severity.CRITICAL);
            rowOf(id, Step.ACKNOWLEDGE, before);
        } finally {
            GenericEventMessage.clock = kept;
        }
        DeadlineSet acknowledge = deadlineOf(id, Step.ACKNOWLEDGE);
        assertThat(acknowledge.dueAt().getNano() % 1_000).as("nanoseconds in the due time").isEqualTo(789);
        Set<String> rowsOfCase = new HashSet<>(deadlineRows().keySet());
        rowsOfCase.removeAll(before);
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = :deadlines AND task_instance IN (:ids)")
                .param("deadlines", DEADLINES).param("ids", rowsOfCase).update();
        scheduler.resume();

        // Grace 1 s, a sweep every second: well within a few seconds of the due time.
        Duration wait = Duration.between(Instant.now(), acknowledge.dueAt()).plusSeconds(1 + 1 + 5);
        await().atMost(wait).until(() -> !ofType(id, StepOverdue.class).isEmpty());
        DomainEventMessage<?> overdue = ofType(id, StepOverdue.class).get(0);
        assertThat(((StepOverdue) overdue.getPayload()).dueAt()).as("the case's own due time").isEqualTo(acknowledge.dueAt());
        assertThat((String) overdue.getMetaData().get("cause")).startsWith("sweep: ACKNOWLEDGE due ");
        await().atMost(Duration.ofSeconds(5)).until(() -> escalatedTo(id, EscalationLevel.BOARD));
    }

    private IncidentId report(Severity severity) {
        IncidentId id = IncidentId.random();
        commands.send(new ReportDerailingDiscussion(id, "school-1", Platform.TIKTOK, "https://www.tiktok.com/@x/video/1",
                "A video mocks a teacher.", Stage.DERAILED, Set.of(Harm.BULLYING), severity, List.of(),
                Instant.now().minusSeconds(60)), TEACHER);
        return id;
    }

    /**
     * The row of the case's deadline for this step, once the saga has scheduled it: the one, among the
     * rows that were not there before the case, due when the case says the step is (to the microsecond
     * the database keeps, rounded).
     */
    private String rowOf(IncidentId id, Step step, Set<String> before) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            Instant due = deadlineOf(id, step) == null ? null : deadlineOf(id, step).dueAt();
            return deadlineRows().entrySet().stream()
                    .filter(row -> !before.contains(row.getKey()) && due != null
                            && Duration.between(row.getValue(), due).abs().toNanos() < 1_000)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }, row -> row != null);
    }

    /** The deadlines in db-scheduler's table: id, and when each is due. */
    private Map<String, Instant> deadlineRows() {
        Map<String, Instant> rows = new HashMap<>();
        jdbc.sql("SELECT task_instance, execution_time FROM scheduled_tasks WHERE task_name = ?").param(DEADLINES)
                .query(rs -> {
                    rows.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                });
        return rows;
    }

    private DeadlineSet deadlineOf(IncidentId id, Step step) {
        return ofType(id, DeadlineSet.class).stream().map(e -> (DeadlineSet) e.getPayload()).filter(d -> d.step() == step)
                .reduce((first, last) -> last).orElse(null);
    }

    private PooledStreamingEventProcessor saga() {
        return processing.eventProcessor("EscalationSagaProcessor", PooledStreamingEventProcessor.class).orElseThrow();
    }

    private boolean escalatedTo(IncidentId id, EscalationLevel level) {
        return ofType(id, IncidentEscalated.class).stream()
                .anyMatch(e -> ((IncidentEscalated) e.getPayload()).assignee().level() == level);
    }

    private List<DomainEventMessage<?>> ofType(IncidentId id, Class<?> type) {
        return eventStore.readEvents(id.toString()).asStream().filter(e -> type.isInstance(e.getPayload()))
                .<DomainEventMessage<?>>map(e -> e).toList();
    }
}
