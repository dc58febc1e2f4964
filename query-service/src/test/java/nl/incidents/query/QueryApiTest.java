package nl.incidents.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.RawHttp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service in its real context on a store of its own (an embedded H2 file, or a fresh PostgreSQL
 * database in the build's PostgreSQL run). The events are appended to the store directly, standing in for
 * the command service, and read back through the HTTP API as each role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@Import(EventStoreSchema.class)
class QueryApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "query-api");
    }


    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    private final IncidentId school1Case = IncidentId.random();
    private final IncidentId school2Case = IncidentId.random();
    private final String pupil = "pupil-" + school1Case.value().toString().substring(0, 8);

    @BeforeEach
    void givenTwoCases() {
        append(school1Case, new Actor(new PersonId("teacher"), ActorRole.STAFF), reported(school1Case, "school-1", "teacher"));
        append(school1Case, Actor.SYSTEM, new IncidentEscalated(school1Case, Assignee.manager(new PersonId("manager")), "reported"));
        append(school1Case, new Actor(new PersonId("manager"), ActorRole.MANAGER),
                new EscalationAcknowledged(school1Case, Assignee.manager(new PersonId("manager")), null));
        append(school1Case, new Actor(new PersonId("manager"), ActorRole.MANAGER),
                new CommunicationsDepartmentNotified(school1Case, "Threats on Facebook"));
        append(school1Case, new Actor(new PersonId("board"), ActorRole.BOARD),
                new MeasureImposed(school1Case, new PersonId(pupil), PartyRole.PUPIL, Measure.SUSPENSION, "Threats"));
        append(school1Case, new Actor(new PersonId("manager"), ActorRole.MANAGER),
                new CorrespondenceRecorded(school1Case, new PersonId(pupil), PartyRole.PUPIL, "Letter to parents"));

        append(school2Case, new Actor(new PersonId("teacher2"), ActorRole.STAFF), reported(school2Case, "school-2", "teacher2"));
        append(school2Case, Actor.SYSTEM, new IncidentEscalated(school2Case, Assignee.manager(new PersonId("manager2")), "reported"));

        await().atMost(Duration.ofSeconds(60)).until(() -> ids("board").containsAll(List.of(school1Case.toString(), school2Case.toString()))
                && get("board", "/api/people/" + pupil + "/dossier").getStatusCode() == HttpStatus.OK
                && get("board", "/api/people/" + pupil + "/dossier").getBody().path("entries").size() == 2);
    }

    @Test
    void eachRoleSeesOnlyItsCases() {
        assertThat(ids("teacher")).contains(school1Case.toString()).doesNotContain(school2Case.toString());
        assertThat(ids("teacher2")).contains(school2Case.toString()).doesNotContain(school1Case.toString());
        assertThat(ids("manager")).contains(school1Case.toString()).doesNotContain(school2Case.toString());
        assertThat(ids("manager2")).contains(school2Case.toString()).doesNotContain(school1Case.toString());
        assertThat(ids("comms")).contains(school1Case.toString()).doesNotContain(school2Case.toString());

        assertThat(get("teacher2", "/api/incidents/" + school1Case).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("manager", "/api/incidents/" + school1Case).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theDossierShowsTheCaseAsItStands() {
        JsonNode dossier = get("manager", "/api/incidents/" + school1Case).getBody();
        assertThat(dossier.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(dossier.path("escalation").path("assignee").path("personId").asText()).isEqualTo("manager");
        assertThat(dossier.path("escalation").path("acknowledgedBy").path("id").asText()).isEqualTo("manager");
        assertThat(dossier.path("report").path("harms").toString()).isEqualTo("[\"INSULTING\",\"THREATENING\"]");
        assertThat(dossier.path("measures").get(0).path("measure").asText()).isEqualTo("SUSPENSION");
        assertThat(dossier.path("timeline")).hasSize(6);
        assertThat(dossier.path("timeline").get(4).path("text").asText()).isEqualTo("Measure SUSPENSION imposed on " + pupil + " (PUPIL)");
        // The steps the manager may take now, by the kernel's rules (communications was informed already).
        assertThat(dossier.path("actions").toString()).isEqualTo("[\"ESCALATE_TO_NEXT_LEVEL\",\"AGREE_STRATEGY\","
                + "\"IMPOSE_LIGHT_MEASURE\",\"RECORD_CORRESPONDENCE\",\"CLOSE\",\"ATTACH_EVIDENCE\"]");
        assertThat(get("comms", "/api/incidents/" + school1Case).getBody().path("actions")).isEmpty();

        JsonNode list = get("manager", "/api/incidents").getBody().path("items");
        JsonNode summary = null;
        for (JsonNode node : list) {
            if (node.path("incidentId").asText().equals(school1Case.toString())) {
                summary = node;
            }
        }
        assertThat(summary.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(summary.path("assignee").path("personId").asText()).isEqualTo("manager");
    }

    @Test
    void theReporterAndTheCommunicationsDepartmentReadTheCourseOfTheCaseButNotTheMeasures() {
        for (String user : List.of("teacher", "comms")) {
            JsonNode dossier = get(user, "/api/incidents/" + school1Case).getBody();
            assertThat(dossier.path("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(dossier.path("escalation").path("assignee").path("personId").asText()).isEqualTo("manager");
            assertThat(dossier.has("measures")).as("measures shown to %s", user).isFalse();
            assertThat(dossier.has("correspondence")).isFalse();
            assertThat(dossier.has("inspectorReports")).isFalse();
            assertThat(dossier.toString()).doesNotContain("SUSPENSION").doesNotContain("Letter to parents");
        }
        assertThat(get("teacher", "/api/incidents/" + school1Case).getBody().has("communicationsNotifications")).isFalse();
        assertThat(get("comms", "/api/incidents/" + school1Case).getBody().path("communicationsNotifications")).hasSize(1);
        assertThat(get("teacher", "/api/incidents/" + school1Case).getBody().path("timeline")).hasSize(3);
    }

    @Test
    void onlyTheBoardReviewsTheHistory() {
        ResponseEntity<JsonNode> history = get("board", "/api/incidents/" + school1Case + "/history");
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody()).hasSize(6);
        assertThat(history.getBody().get(1).path("actor").path("role").asText()).isEqualTo("SYSTEM");
        assertThat(history.getBody().get(4).path("payload").path("measure").asText()).isEqualTo("SUSPENSION");
        for (String user : List.of("manager", "comms", "teacher")) {
            ResponseEntity<JsonNode> refused = get(user, "/api/incidents/" + school1Case + "/history");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        assertThat(get("board", "/api/incidents/" + IncidentId.random() + "/history").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPupilsDossierIsReadByTheBoardAndTheSchoolsManagerOnly() {
        JsonNode dossier = get("manager", "/api/people/" + pupil + "/dossier").getBody();
        assertThat(dossier.path("kind").asText()).isEqualTo("PUPIL");
        List<String> types = new ArrayList<>();
        dossier.path("entries").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("MEASURE", "CORRESPONDENCE");
        assertThat(dossier.path("entries").get(0).path("incidentId").asText()).isEqualTo(school1Case.toString());
        assertThat(get("manager2", "/api/people/" + pupil + "/dossier").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("teacher", "/api/people/" + pupil + "/dossier").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("comms", "/api/people/" + pupil + "/dossier").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("teacher", "/api/people/teacher/dossier").getBody().path("kind").asText()).isEqualTo("PERSONNEL");
        assertThat(get("board", "/api/people/" + pupil + "/dossier?kind=PERSONNEL").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onesOwnDossierIsThePersonnelDossierNeverAPupilDossierUnderTheSameId() {
        // The board used a staff member's login id as a parent's id: two people, two dossiers.
        IncidentId mixUp = IncidentId.random();
        append(mixUp, new Actor(new PersonId("teacher"), ActorRole.STAFF), reported(mixUp, "school-1", "teacher"));
        append(mixUp, new Actor(new PersonId("board"), ActorRole.BOARD),
                new MeasureImposed(mixUp, new PersonId("teacher2"), PartyRole.PARENT, Measure.WARNING, "Parent's posts"));
        await().until(() -> get("board", "/api/people/teacher2/dossier?kind=PUPIL").getStatusCode() == HttpStatus.OK);

        JsonNode own = get("teacher2", "/api/people/teacher2/dossier").getBody();
        assertThat(own.path("kind").asText()).isEqualTo("PERSONNEL");
        assertThat(own.path("entries")).isEmpty();
        assertThat(get("teacher2", "/api/people/teacher2/dossier?kind=PUPIL").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("board", "/api/people/teacher2/dossier?kind=PUPIL").getBody().path("entries")).hasSize(1);
    }

    @Test
    void aManagerNamedInACaseOfTheirSchoolNeitherListsNorReadsIt() {
        IncidentId aboutTheManager = IncidentId.random();
        String target = "pupil-" + aboutTheManager.value().toString().substring(0, 8);
        append(aboutTheManager, new Actor(new PersonId("teacher"), ActorRole.STAFF), new DerailingDiscussionReported(
                aboutTheManager, "school-1", Platform.WHATSAPP_GROUP, "https://chat.whatsapp.com/x", "The director insults a pupil",
                Stage.DERAILED, Set.of(Harm.INSULTING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId("manager"), PartyRole.STAFF, Part.AUTHOR),
                        new InvolvedParty(new PersonId(target), PartyRole.PUPIL, Part.TARGET)),
                Instant.parse("2026-11-01T10:00:00Z"), new PersonId("teacher")));
        append(aboutTheManager, Actor.SYSTEM, new IncidentEscalated(aboutTheManager, Assignee.board(), "The manager is involved"));
        append(aboutTheManager, new Actor(new PersonId("board"), ActorRole.BOARD),
                new CorrespondenceRecorded(aboutTheManager, new PersonId(target), PartyRole.PUPIL, "Letter to the parents"));
        await().until(() -> get("board", "/api/people/" + target + "/dossier").getStatusCode() == HttpStatus.OK);

        assertThat(ids("board")).contains(aboutTheManager.toString());
        assertThat(ids("teacher")).contains(aboutTheManager.toString());
        assertThat(ids("manager")).doesNotContain(aboutTheManager.toString()).contains(school1Case.toString());
        assertThat(get("manager", "/api/incidents?school=school-1&size=200").getBody().toString())
                .doesNotContain(aboutTheManager.toString());
        for (String path : List.of("/api/incidents/" + aboutTheManager, "/api/incidents/" + aboutTheManager + "/history")) {
            ResponseEntity<JsonNode> refused = get("manager", path);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().path("detail").asText()).doesNotContain("involved").doesNotContain("named")
                    .doesNotContain("author");
        }
        // The entries about the pupil from this case are not the manager's to read either.
        assertThat(get("manager", "/api/people/" + target + "/dossier").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("board", "/api/incidents/" + aboutTheManager).getBody().path("correspondence")).hasSize(1);
    }

    @Test
    void refusalsAreProblemJsonThatNamesTheParameterAndWhatItTakes() {
        RawHttp raw = new RawHttp(port);
        assertThat(raw.get("board", "/api/people/" + pupil + "/dossier?kind=ALUMNUS").assertProblem(400, "kind"))
                .isEqualTo("kind must be one of PERSONNEL, PUPIL, OTHER.");
        // Read exactly: no trimming, no other spelling, no class name in front.
        raw.get("board", "/api/people/" + pupil + "/dossier?kind=%20PUPIL").assertProblem(400, "kind");
        raw.get("board", "/api/people/" + pupil + "/dossier?kind=pupil").assertProblem(400, "kind");
        raw.get("board", "/api/people/" + pupil + "/dossier?kind=nl.incidents.kernel.query.PersonDossier.Kind.PUPIL")
                .assertProblem(400, "kind");
        assertThat(raw.get("board", "/api/people/" + pupil + "/dossier?kind=PUPIL").status()).isEqualTo(200);
        assertThat(raw.get("board", "/api/incidents/1-1-1-1-1").assertProblem(400, "id"))
                .isEqualTo("id must be an id in the form 3f2b6c1e-5d4a-4c3b-9a8e-7f6d5c4b3a21.");
        raw.get("board", "/api/inbox?limit=0x10").assertProblem(400, "limit");
        raw.get("board", "/api/inbox?limit=%2010").assertProblem(400, "limit");
        assertThat(raw.get("board", "/api/inbox?limit=10").status()).isEqualTo(200);
        raw.get("board", "/api/incidents?sort=nonsense").assertProblem(400, "sort");
        raw.get("teacher2", "/api/incidents/" + school1Case).assertProblem(403, null);
        raw.get("board", "/api/incidents/" + IncidentId.random() + "/history").assertProblem(404, null);
        raw.get(null, "/api/incidents").assertProblem(401, null);
        raw.get(null, "/error").assertProblem(404, null);
        raw.get("board", "/api/nothing-here").assertProblem(404, null);
        raw.get("board", "/api/incidents/a%2Fb").assertProblem(400, null);
        raw.get("board", "/api/incidents/x;y").assertProblem(400, null);
        // A client that asks for HTML gets the problem as JSON all the same.
        raw.send(raw.request("board", "/api/incidents/not-an-id").header("Accept", "text/html").GET().build())
                .assertProblem(400, "id");
    }

    @Test
    void theApiDocumentationNamesTheApiHowToSignInAndEveryAnswer() {
        JsonNode docs = new RawHttp(port).get(null, "/v3/api-docs").json();
        assertThat(docs.path("info").path("title").asText()).isEqualTo("Incidents query API");
        assertThat(docs.path("info").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(docs.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(docs.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
        assertThat(docs.path("security").get(0).has("bearer")).isTrue();
        assertThat(docs.path("security").get(1).has("basic")).isTrue();
        assertThat(docs.path("paths").path("/api/me").path("get").path("responses").has("403")).isTrue();
        JsonNode dossier = docs.path("paths").path("/api/incidents/{id}").path("get");
        assertThat(dossier.path("summary").asText()).isNotBlank();
        assertThat(dossier.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText()).endsWith("/IncidentDossier");
        for (String refusal : List.of("400", "401", "403", "404", "503")) {
            assertThat(dossier.path("responses").path(refusal).path("content").path("application/problem+json")
                    .path("schema").path("$ref").asText()).as("answer %s", refusal).isEqualTo("#/components/schemas/Problem");
        }
        List<String> withoutSummary = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (op.getValue().path("summary").asText().isBlank()) {
                withoutSummary.add(op.getKey() + " " + path.getKey());
            }
        }));
        assertThat(withoutSummary).isEmpty();
        assertThat(docs.path("paths").has("/error")).isFalse();
    }

    @Test
    void projectionsAndTheirTokensAreStoredInTheirRowsNeverAsLargeObjects() throws Exception {
        TestStore.assertBinaryColumnsInline(dataSource, "query_token_entry.token", "domain_event_entry.payload",
                "query_dead_letter_entry.payload", "query_dead_letter_entry.meta_data", "query_dead_letter_entry.token",
                "query_dead_letter_entry.diagnostics");
    }

    private DerailingDiscussionReported reported(IncidentId id, String school, String reporter) {
        return new DerailingDiscussionReported(id, school, Platform.FACEBOOK, "https://facebook.com/x", "Threats",
                Stage.DERAILED, Set.of(Harm.THREATENING, Harm.INSULTING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId(pupil), PartyRole.PUPIL, Part.AUTHOR)),
                Instant.parse("2026-11-01T10:00:00Z"), new PersonId(reporter));
    }

    private final Map<IncidentId, Long> sequences = new java.util.HashMap<>();

    private void append(IncidentId id, Actor actor, Object event) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event, actor.asMetaData()));
    }

    private List<String> ids(String user) {
        List<String> ids = new ArrayList<>();
        get(user, "/api/incidents").getBody().path("items").forEach(n -> ids.add(n.path("incidentId").asText()));
        return ids;
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        // Every event appended so far is projected before the read; see CaughtUp.
        CaughtUp.await(eventStore, processing);
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }
}
