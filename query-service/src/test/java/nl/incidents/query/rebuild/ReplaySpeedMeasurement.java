package nl.incidents.query.rebuild;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not a test: a measurement, run only when asked ({@code -Dincidents.measure.events=100000}). Fills the store with that
 * many events (cases of seven events, encrypted as the command service stores them), then in one run times a raw keyset
 * scan of the event table (every column of 1,000 rows per query) and a rebuild of every projection (the same code as
 * {@code rebuild-projections}, then the processors replaying from the first event), and prints both in events/s.
 * README, "Rebuilding the projections", has the figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@Import(EventStoreSchema.class)
@EnabledIfSystemProperty(named = "incidents.measure.events", matches = "\\d+")
class ReplaySpeedMeasurement {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "replay-speed");
    }

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    @Test
    void replayBesideARawScan() throws Exception {
        int events = Integer.parseInt(System.getProperty("incidents.measure.events"));
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        long filling = System.nanoTime();
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int made = 0; made < events; ) {
            List<EventMessage<?>> story = story(IncidentId.random(), made / 7);
            batch.addAll(story);
            made += story.size();
            if (batch.size() >= 700) {
                eventStore.publish(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            eventStore.publish(batch);
        }
        long head = eventStore.createHeadToken().position().orElseThrow();
        System.out.printf("MEASURE filled %d events in %.1f s (head %d)%n", events, (System.nanoTime() - filling) / 1e9, head);

        for (int round = 1; round <= 2; round++) {
            long scanStart = System.nanoTime();
            long scanned = rawScan();
            double scanSeconds = (System.nanoTime() - scanStart) / 1e9;

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            long rebuildStart = System.nanoTime();
            if (ProjectionRebuild.rebuild(dataSource, Instant.now(), print, print) != ProjectionRebuild.EMPTIED) {
                throw new IllegalStateException(out.toString(StandardCharsets.UTF_8));
            }
            processing.eventProcessors().values().forEach(EventProcessor::start);
            java.util.Map<String, Integer> where = new java.util.HashMap<>();
            while (!caughtUp(head)) {
                Thread.sleep(20);
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    if (!thread.getName().startsWith("WorkPackage") || thread.getState() == Thread.State.WAITING
                            || thread.getState() == Thread.State.TIMED_WAITING) {
                        return;
                    }
                    String ours = java.util.Arrays.stream(stack).map(StackTraceElement::toString)
                            .filter(frame -> frame.contains("nl.incidents")).findFirst().orElse("(axon)");
                    String top = java.util.Arrays.stream(stack).map(StackTraceElement::toString)
                            .filter(frame -> !frame.contains("java.base")).findFirst().orElse("");
                    where.merge(thread.getName().replaceAll("-\\d+$", "") + " | " + ours + " | " + top, 1, Integer::sum);
                });
            }
            where.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(e -> System.out.println("MEASURE sample " + e.getValue() + " " + e.getKey()));
            double replaySeconds = (System.nanoTime() - rebuildStart) / 1e9;
            processing.eventProcessors().values().forEach(EventProcessor::shutDown);
            System.out.printf("MEASURE round %d on %s: raw keyset scan %d events in %.2f s = %.0f events/s; "
                            + "rebuild of every projection %d events in %.2f s = %.0f events/s (%.2fx the scan)%n",
                    round, TestStore.onPostgres() ? "PostgreSQL" : "H2", scanned, scanSeconds, scanned / scanSeconds,
                    events, replaySeconds, events / replaySeconds, (events / replaySeconds) / (scanned / scanSeconds));
        }
    }

    /** {@code SELECT} every column, 1,000 rows at a time by global index, reading every value. */
    private long rawScan() throws Exception {
        long rows = 0;
        long last = -1;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                         payload_type, payload_revision, payload, meta_data
                     FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1000""")) {
            while (true) {
                select.setLong(1, last);
                int read = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getString(8);
                        rs.getBytes(9);
                        rs.getBytes(10);
                        read++;
                    }
                }
                rows += read;
                if (read == 0) {
                    return rows;
                }
            }
        }
    }

    private boolean caughtUp(long head) {
        return processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).allMatch(processor -> {
                    double covered = 0;
                    for (EventTrackerStatus segment : processor.processingStatus().values()) {
                        if (segment.getCurrentPosition().orElse(-1) < head) {
                            return false;
                        }
                        covered += 1.0 / (segment.getSegment().getMask() + 1);
                    }
                    return covered > 0.999;
                });
    }

    /** Seven events of one case, as QueryApiTest has them; every fifth case closed. */
    private static List<EventMessage<?>> story(IncidentId id, int number) {
        String pupil = "pupil-" + (number % 500);
        String school = "school-" + (1 + number % 2);
        String manager = number % 2 == 0 ? "manager" : "manager2";
        List<Object[]> steps = new ArrayList<>();
        steps.add(new Object[] {new Actor(new PersonId("teacher"), ActorRole.STAFF), new DerailingDiscussionReported(id,
                school, Platform.FACEBOOK, "https://facebook.com/x", "Threats", Stage.DERAILED, Set.of(Harm.THREATENING),
                Severity.HIGH, List.of(new InvolvedParty(new PersonId(pupil), PartyRole.PUPIL, Part.AUTHOR)),
                Instant.parse("2026-11-01T10:00:00Z"), new PersonId("teacher"))});
        steps.add(new Object[] {Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(new PersonId(manager)), "reported")});
        Actor acting = new Actor(new PersonId(manager), ActorRole.MANAGER);
        steps.add(new Object[] {acting, new EscalationAcknowledged(id, Assignee.manager(new PersonId(manager)), null)});
        steps.add(new Object[] {acting, new CommunicationsDepartmentNotified(id, "Threats on Facebook")});
        steps.add(new Object[] {new Actor(new PersonId("board"), ActorRole.BOARD),
                new MeasureImposed(id, new PersonId(pupil), PartyRole.PUPIL, Measure.SUSPENSION, "Threats")});
        steps.add(new Object[] {acting, new CorrespondenceRecorded(id, new PersonId(pupil), PartyRole.PUPIL, "Letter")});
        steps.add(new Object[] {acting, number % 5 == 0 ? new IncidentClosed(id, "Removed by the platform")
                : new CorrespondenceRecorded(id, new PersonId(pupil), PartyRole.PUPIL, "Second letter")});
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < steps.size(); sequence++) {
            Actor actor = (Actor) steps.get(sequence)[0];
            messages.add(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, steps.get(sequence)[1],
                    actor.asMetaData()));
        }
        return messages;
    }
}
