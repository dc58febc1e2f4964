package nl.incidents.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live stream in the query service's real context on its own store: members follow {@code GET /api/changes}, a
 * report is appended to the store (standing in for the command service), and within a second the school's manager
 * hears {@code case-changed} with its id and {@code inbox-changed}, while the other school's manager hears nothing of
 * it; the stream is refused to nobody signed in, bounded per person, ended when the access token it was opened with
 * runs out, and ended when the service stops.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class LiveChangesApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "live-changes");
    }

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ChangesController changes;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<InputStream> streams = new ArrayList<>();

    @AfterEach
    void closeStreams() throws Exception {
        for (InputStream stream : streams) {
            stream.close();
        }
    }

    @Test
    void theSchoolsManagerHearsOfANewReportAndOfTheNoticeAndTheOtherManagerDoesNot() throws Exception {
        BlockingQueue<String> manager = follow("manager");
        BlockingQueue<String> otherManager = follow("manager2");
        // The processors have started: a first case is projected (and so heard) however long that takes.
        IncidentId first = IncidentId.random();
        report(first);
        CaughtUp.await(eventStore, processing);
        heard(manager, Set.of("case-changed " + first, "inbox-changed inbox"), Duration.ofSeconds(30));
        Thread.sleep(200);
        manager.clear();
        otherManager.clear();
        IncidentId id = IncidentId.random();

        report(id);

        // Two processing groups project the case list and the inbox, so the two come in either order; each of the
        // case's events tells of it once.
        assertThat(heard(manager, Set.of("case-changed " + id, "inbox-changed inbox"), Duration.ofSeconds(1)))
                .containsExactlyInAnyOrder("case-changed " + id, "inbox-changed inbox");
        assertThat(otherManager.poll(1, TimeUnit.SECONDS)).as("manager2 hears of a case of another school").isNull();
    }

    @Test
    void notSignedInIs401AndTooManyStreamsOfOnePersonIs429() throws Exception {
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(changes()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        for (int i = 0; i < ChangesController.STREAMS_PER_PERSON; i++) {
            follow("board");
        }
        HttpResponse<String> oneMore = client.send(request("board"), HttpResponse.BodyHandlers.ofString());
        assertThat(oneMore.statusCode()).isEqualTo(429);
        assertThat(oneMore.body()).contains("At most " + ChangesController.STREAMS_PER_PERSON + " live streams");

        // A stream closed by its client frees its place: a heartbeat or two later, the write fails.
        streams.remove(0).close();
        long until = System.nanoTime() + ChangesController.HEARTBEAT.multipliedBy(3).toNanos();
        int status = 0;
        while (System.nanoTime() < until && status != 200) {
            HttpResponse<InputStream> again = client.send(request("board"), HttpResponse.BodyHandlers.ofInputStream());
            status = again.statusCode();
            streams.add(again.body());
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void aStreamOpenedWithAnAccessTokenEndsWhenTheTokenRunsOut() throws Exception {
        String token = TestTokens.shared().token("manager").expiresAt(Instant.now().plusSeconds(3)).sign();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(changes())
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long opened = System.nanoTime();
        try (InputStream body = response.body()) {
            while (body.read() >= 0) {
                // heartbeats until the end
            }
        }
        Duration open = Duration.ofNanos(System.nanoTime() - opened);
        assertThat(open).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    void whenTheServiceStopsItsOpenStreamsEndSoItsShutdownDoesNotWaitForThem() throws Exception {
        HttpResponse<InputStream> response = client.send(request("teacher"), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        streams.add(response.body());
        java.util.concurrent.CompletableFuture<Boolean> ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (InputStream body = response.body()) {
                while (body.read() >= 0) {
                    // the first heartbeat, then nothing until the end
                }
                return true;
            } catch (java.io.IOException e) {
                return true;
            }
        });
        assertThat(ended).isNotDone();

        changes.stop(); // what the context does first when it closes
        try {
            assertThat(ended.get(5, TimeUnit.SECONDS)).as("the stream ended").isTrue();
        } finally {
            changes.start();
        }
    }

    /** Opens the user's stream; its lines (blank lines and comments left out) arrive in the queue. */
    private BlockingQueue<String> follow(String user) throws Exception {
        HttpResponse<InputStream> response = client.send(request(user), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        streams.add(response.body());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty() && !line.startsWith(":")) {
                        lines.add(line);
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The events heard within {@code within}, each as its name and data, until all {@code expected} were heard. */
    private static Set<String> heard(BlockingQueue<String> lines, Set<String> expected, Duration within)
            throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        Set<String> events = new java.util.HashSet<>();
        String name = null;
        while (!events.containsAll(expected)) {
            String line = lines.poll(Math.max(until - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.startsWith("event:")) {
                name = line.substring("event:".length());
            } else if (line.startsWith("data:")) {
                events.add(name + " " + line.substring("data:".length()));
            }
        }
        return events;
    }

    private HttpRequest request(String user) {
        return HttpRequest.newBuilder(changes())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .build();
    }

    private URI changes() {
        return URI.create("http://localhost:" + port + "/api/changes");
    }

    private void report(IncidentId id) {
        Actor teacher = new Actor(new PersonId("teacher"), ActorRole.STAFF);
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), 0,
                new DerailingDiscussionReported(id, "school-1", Platform.TIKTOK, "https://www.tiktok.com/@someone/video/2",
                        "Pupils insult a classmate", Stage.DERAILED, Set.of(Harm.INSULTING), Severity.HIGH,
                        List.of(new InvolvedParty(new PersonId("pupil-live"), PartyRole.PUPIL, Part.TARGET)),
                        Instant.now().minusSeconds(60), new PersonId("teacher")), teacher.asMetaData()),
                new GenericDomainEventMessage<>("Incident", id.toString(), 1,
                        new IncidentEscalated(id, Assignee.manager(new PersonId("manager")), "Reported"),
                        Actor.SYSTEM.asMetaData()));
    }
}
