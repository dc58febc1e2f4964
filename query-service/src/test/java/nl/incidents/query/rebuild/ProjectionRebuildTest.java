package nl.incidents.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator's rebuild ({@code rebuild-projections}): after the projections are emptied and replayed from the first
 * event, every reader gets the same answers as before (the case list, a case's dossier, the inbox with what its owner
 * marked read, a person's dossier, the board's dashboard), and the access log keeps every read it recorded. It refuses,
 * changing nothing, while the service runs. On the real store (H2 file, or PostgreSQL in the build's second run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@Import(EventStoreSchema.class)
class ProjectionRebuildTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "projection-rebuild");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final Map<IncidentId, Long> sequences = new HashMap<>();

    @Test
    void aRebuildGivesEveryReaderTheSameAnswersAndKeepsTheAccessLog() throws Exception {
        IncidentId open = IncidentId.random();
        IncidentId closed = IncidentId.random();
        String pupil = "pupil-" + open.value().toString().substring(0, 8);
        story(open, pupil, false);
        story(closed, pupil, true);
        CaughtUp.await(eventStore, processing);
        // The manager reads one notice: a record of theirs, which the rebuild keeps.
        String entry = get("manager", "/api/inbox").get(0).path("id").asText();
        assertThat(http.withBasicAuth("manager", "demo").postForEntity("/api/inbox/" + entry + "/read", null, Void.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
        Map<String, JsonNode> before = answers(open, closed, pupil);
        List<Map<String, Object>> accessLog = accessLog();
        assertThat(accessLog).as("the reads above are in the access log").isNotEmpty();

        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ProjectionRebuild.rebuild(dataSource, Instant.now(), print(out), print(new ByteArrayOutputStream())))
                .isEqualTo(ProjectionRebuild.EMPTIED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Emptied incident_summary").contains("Kept access_log");
        assertThat(count("incident_summary")).isZero();
        assertThat(count("query_token_entry")).isZero();
        assertThat(accessLog()).as("the access log, untouched").isEqualTo(accessLog);

        processing.eventProcessors().values().forEach(EventProcessor::start);
        CaughtUp.await(eventStore, processing);
        Map<String, JsonNode> after = answers(open, closed, pupil);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((answer, was) -> assertThat(after.get(answer)).as(answer).isEqualTo(was));
        assertThat(accessLog().subList(0, accessLog.size())).as("every earlier read still recorded").isEqualTo(accessLog);
    }

    @Test
    void aRebuildWhileTheServiceRunsIsRefusedAndChangesNothing() throws SQLException {
        IncidentId id = IncidentId.random();
        story(id, "pupil-" + id.value().toString().substring(0, 8), false);
        CaughtUp.await(eventStore, processing);
        long summaries = count("incident_summary");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ProjectionRebuild.rebuild(dataSource, Instant.now(), print(new ByteArrayOutputStream()), print(err));

        assertThat(exit).isEqualTo(ProjectionRebuild.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("The query service is running").contains("Nothing was changed");
        assertThat(count("incident_summary")).isEqualTo(summaries);
    }

    @Test
    void aDatabaseThatCannotBeReachedEndsWithACodeAndASentence() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ProjectionRebuild.run(List.of(ProjectionRebuild.COMMAND, "--url=jdbc:postgresql://127.0.0.1:1/none"),
                Map.of(), print(new ByteArrayOutputStream()), print(err));
        assertThat(exit).isEqualTo(ProjectionRebuild.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Could not reach the query service's database");
    }

    /** A table added to the query service without saying whether a rebuild empties it fails here. */
    @Test
    void everyTableOfTheQueryServiceIsEitherRebuiltOrKept() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?(\\w+)");
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath*:db/query/**/*.sql")) {
            Matcher matcher = create.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                tables.add(matcher.group(1).toLowerCase());
            }
        }
        Set<String> classified = new TreeSet<>(ProjectionRebuild.PROJECTIONS);
        classified.addAll(ProjectionRebuild.PROCESSOR_STATE);
        classified.addAll(ProjectionRebuild.RECORDS);
        classified.remove("query_schema_history"); // Flyway's, made by no migration
        assertThat(tables).isNotEmpty().isEqualTo(classified);
    }

    /** A case reported, escalated, acknowledged, the communications department told, a measure and a letter; maybe closed. */
    private void story(IncidentId id, String pupil, boolean close) {
        append(id, new Actor(new PersonId("teacher"), ActorRole.STAFF), new DerailingDiscussionReported(id, "school-1",
                Platform.FACEBOOK, "https://facebook.com/x", "Threats", Stage.DERAILED, Set.of(Harm.THREATENING),
                Severity.HIGH, List.of(new InvolvedParty(new PersonId(pupil), PartyRole.PUPIL, Part.AUTHOR)),
                Instant.parse("2026-11-01T10:00:00Z"), new PersonId("teacher")));
        append(id, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(new PersonId("manager")), "reported"));
        append(id, new Actor(new PersonId("manager"), ActorRole.MANAGER),
                new EscalationAcknowledged(id, Assignee.manager(new PersonId("manager")), null));
        append(id, new Actor(new PersonId("manager"), ActorRole.MANAGER),
                new CommunicationsDepartmentNotified(id, "Threats on Facebook"));
        append(id, new Actor(new PersonId("board"), ActorRole.BOARD),
                new MeasureImposed(id, new PersonId(pupil), PartyRole.PUPIL, Measure.SUSPENSION, "Threats"));
        append(id, new Actor(new PersonId("manager"), ActorRole.MANAGER),
                new CorrespondenceRecorded(id, new PersonId(pupil), PartyRole.PUPIL, "Letter to parents"));
        if (close) {
            append(id, new Actor(new PersonId("manager"), ActorRole.MANAGER), new IncidentClosed(id, "Removed by the platform"));
        }
    }

    private Map<String, JsonNode> answers(IncidentId open, IncidentId closed, String pupil) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String user : List.of("board", "manager", "teacher")) {
            answers.put(user + " list", get(user, "/api/incidents"));
            answers.put(user + " inbox", get(user, "/api/inbox"));
            answers.put(user + " unread", get(user, "/api/inbox/unread"));
        }
        for (IncidentId id : List.of(open, closed)) {
            answers.put("dossier " + id, get("board", "/api/incidents/" + id));
            answers.put("history " + id, get("board", "/api/incidents/" + id + "/history"));
        }
        answers.put("person dossier", get("board", "/api/people/" + pupil + "/dossier"));
        // The dashboard's own "at" is the moment it was asked.
        answers.put("dashboard", ((ObjectNode) get("board", "/api/dashboard")).without("at"));
        return answers;
    }

    private JsonNode get(String user, String path) {
        var response = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, Object>> accessLog() {
        return new ArrayList<>(jdbc.sql("SELECT * FROM access_log ORDER BY entry_id").query().listOfRows());
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private void append(IncidentId id, Actor actor, Object event) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event, actor.asMetaData()));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
