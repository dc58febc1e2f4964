package nl.incidents.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The access log in the query service's real context on its own store (H2, and PostgreSQL in the build's PostgreSQL
 * run): a case is reported by the teacher about school-1, naming a pupil and teacher2 (staff of another school) as
 * parties, and goes to the manager. Each read of its dossier, its history and a person's dossier is recorded with
 * who, when, what, from which address and through what; refused reads too. The board reads the log per case and per
 * person, nobody else does; teacher2 reads what was read about them, by role.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class AccessLogApiTest {

    /** An address of the documentation range (RFC 5737), as the web module forwards a browser's. */
    private static final String BROWSER = "203.0.113.7";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "access-log-api");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    private final IncidentId id = IncidentId.random();
    private final String pupil = "pupil-" + id.value().toString().substring(0, 8);
    private long sequence;

    @BeforeEach
    void aCaseAtTheManager() {
        append(new Actor(new PersonId("teacher"), ActorRole.STAFF), new DerailingDiscussionReported(id, "school-1",
                Platform.TIKTOK, "https://www.tiktok.com/@someone/video/1", "Pupils insult a classmate in a video",
                Stage.DERAILED, Set.of(Harm.INSULTING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId(pupil), PartyRole.PUPIL, Part.TARGET),
                        new InvolvedParty(new PersonId("teacher2"), PartyRole.STAFF, Part.BYSTANDER)),
                Instant.now().minusSeconds(60), new PersonId("teacher")));
        append(Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(new PersonId("manager")),
                "Reported: the manager hears of it at once."));
        CaughtUp.await(eventStore, processing);
    }

    @Test
    void aDossierTheManagerReadsOnAPageAppearsInTheBoardsLogWithTheManagerTheTimeTheCaseAndTheBrowsersAddress() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(throughTheWebModule("manager", "/api/incidents/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        Instant after = Instant.now();

        JsonNode entry = single(caseLog("board", ""));
        assertThat(entry.path("reader").path("id").asText()).isEqualTo("manager");
        assertThat(entry.path("reader").path("role").asText()).isEqualTo("MANAGER");
        assertThat(entry.path("kind").asText()).isEqualTo("INCIDENT_DOSSIER");
        assertThat(entry.path("incidentId").asText()).isEqualTo(id.toString());
        assertThat(entry.has("personId")).isFalse();
        assertThat(entry.path("address").asText()).isEqualTo(BROWSER);
        assertThat(entry.path("channel").asText()).isEqualTo("PAGE");
        assertThat(entry.path("refused").asBoolean()).isFalse();
        // When, to the millisecond, in Dutch time as every time the API gives.
        OffsetDateTime at = OffsetDateTime.parse(entry.path("at").asText());
        assertThat(at.toInstant()).isBetween(before, after);
        assertThat(at.getOffset()).isEqualTo(ZoneId.of("Europe/Amsterdam").getRules().getOffset(at.toInstant()));
    }

    @Test
    void aDirectApiCallIsRecordedWithItsOwnAddressAndTheWebModulesHeaderFromAnyoneElseIsIgnored() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("board", "demo");
        headers.set(AccessRecording.CLIENT_ADDRESS_HEADER, BROWSER);
        assertThat(http.exchange("/api/incidents/" + id + "/history", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // A token of another client (a script of the board's own) is the API too.
        HttpHeaders script = new HttpHeaders();
        script.setBearerAuth(TestTokens.shared().token("board").claim("azp", "a-script").sign());
        script.set(AccessRecording.CLIENT_ADDRESS_HEADER, BROWSER);
        assertThat(http.exchange("/api/incidents/" + id, HttpMethod.GET, new HttpEntity<>(script), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        List<JsonNode> entries = caseLog("board", "");
        assertThat(entries).extracting(e -> e.path("kind").asText()).containsExactly("INCIDENT_DOSSIER", "HISTORY");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.path("channel").asText()).isEqualTo("API");
            assertThat(e.path("address").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(e.path("reader").path("role").asText()).isEqualTo("BOARD");
        });
    }

    @Test
    void refusedReadsAreRecordedAsRefused() {
        assertThat(get("manager2", "/api/incidents/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("comms", "/api/incidents/" + id + "/history").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        IncidentId unknown = IncidentId.random();
        assertThat(get("board", "/api/incidents/" + unknown).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Bad input is no read: nothing to record.
        assertThat(get("board", "/api/incidents/not-a-case").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        List<JsonNode> entries = caseLog("board", "");
        assertThat(entries).extracting(e -> e.path("reader").path("id").asText() + " " + e.path("kind").asText() + " "
                + e.path("refused").asBoolean())
                .containsExactly("comms HISTORY true", "manager2 INCIDENT_DOSSIER true");
        assertThat(single(log("board", "/api/incidents/" + unknown + "/access-log")).path("refused").asBoolean()).isTrue();
    }

    @Test
    void onlyTheBoardReadsTheLogAndNotOfACaseThatInvolvesThem() {
        for (String path : List.of("/api/incidents/" + id + "/access-log", "/api/people/" + pupil + "/access-log")) {
            for (String user : List.of("manager", "teacher", "comms")) {
                ResponseEntity<JsonNode> refused = get(user, path);
                assertThat(refused.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(refused.getBody().path("code").asText()).isEqualTo("access-log.board-only");
            }
        }
        // Reading the log is not itself a read of a dossier.
        assertThat(caseLog("board", "")).isEmpty();
    }

    @Test
    void theBoardsLogOfAPersonHoldsTheReadsOfTheirDossierAndOfEveryCaseTheyAreInvolvedIn() {
        get("manager", "/api/incidents/" + id);
        get("board", "/api/incidents/" + id + "/history");
        get("board", "/api/people/" + pupil + "/dossier");
        get("board", "/api/people/someone-else/dossier");

        List<JsonNode> entries = log("board", "/api/people/" + pupil + "/access-log");
        assertThat(entries).extracting(e -> e.path("kind").asText() + " " + e.path("reader").path("id").asText())
                .containsExactly("PERSON_DOSSIER board", "HISTORY board", "INCIDENT_DOSSIER manager");
        assertThat(entries.get(0).path("personId").asText()).isEqualTo(pupil);
        assertThat(entries.get(0).path("refused").asBoolean()).isTrue(); // nothing is recorded about the pupil yet: 404
        assertThat(entries.get(1).path("incidentId").asText()).isEqualTo(id.toString());
    }

    @Test
    void aPersonReadsWhatWasReadAboutThemByRoleNotByNameOrAddress() {
        throughTheWebModule("manager", "/api/incidents/" + id);
        assertThat(get("teacher2", "/api/people/teacher2/dossier").getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> own = get("teacher2", "/api/me/access-log");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = new ArrayList<>();
        // teacher2 is a party to every case of this class: this one's reads, and of their own dossier.
        own.getBody().path("entries").forEach(e -> {
            if (e.path("incidentId").asText().equals(id.toString()) || e.path("kind").asText().equals("PERSON_DOSSIER")) {
                entries.add(e);
            }
        });
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("kind").asText()).isEqualTo("PERSON_DOSSIER");
        assertThat(entries.get(0).path("byYou").asBoolean()).isTrue();
        JsonNode managersRead = entries.get(1);
        assertThat(managersRead.path("readerRole").asText()).isEqualTo("MANAGER");
        assertThat(managersRead.path("byYou").asBoolean()).isFalse();
        assertThat(managersRead.path("incidentId").asText()).isEqualTo(id.toString());
        assertThat(managersRead.path("channel").asText()).isEqualTo("PAGE");
        assertThat(own.getBody().toString()).doesNotContain("\"manager\"", BROWSER, "127.0.0.1");
        // Someone involved in nothing has nothing read about them here.
        assertThat(get("comms", "/api/me/access-log").getBody().path("entries")).isEmpty();
    }

    @Test
    void theLogIsPagedNewestFirst() {
        for (int read = 0; read < 3; read++) {
            get("board", "/api/incidents/" + id);
        }
        ResponseEntity<JsonNode> first = get("board", "/api/incidents/" + id + "/access-log?limit=2");
        List<JsonNode> firstEntries = new ArrayList<>();
        first.getBody().path("entries").forEach(firstEntries::add);
        assertThat(firstEntries).hasSize(2);
        long next = first.getBody().path("next").asLong();
        assertThat(next).isEqualTo(firstEntries.get(1).path("id").asLong());
        assertThat(firstEntries.get(0).path("id").asLong()).isGreaterThan(next);
        ResponseEntity<JsonNode> second = get("board", "/api/incidents/" + id + "/access-log?limit=2&before=" + next);
        assertThat(second.getBody().path("entries")).hasSize(1);
        assertThat(second.getBody().has("next")).isFalse();
        ResponseEntity<JsonNode> tooMany = get("board", "/api/incidents/" + id + "/access-log?limit=500");
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody().path("field").asText()).isEqualTo("limit");
    }

    @Test
    void onPostgresTheTableRefusesUpdateDeleteAndTruncate() {
        assumeTrue(TestStore.onPostgres(), "the database's own guard is PostgreSQL's (H2: the code only inserts)");
        get("board", "/api/incidents/" + id);
        assertThat(caseLog("board", "")).hasSize(1);

        // Refused by the revoked privilege (any role but a superuser) or, for a superuser, by the trigger.
        assertThatThrownBy(() -> jdbc.sql("UPDATE access_log SET reader_id = 'someone-else' WHERE incident_id = ?")
                .param(id.toString()).update()).rootCause().message().satisfiesAnyOf(
                        m -> assertThat(m).contains("append-only: UPDATE refused"),
                        m -> assertThat(m).contains("permission denied for table access_log"));
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_log WHERE incident_id = ?").param(id.toString()).update())
                .rootCause().message().satisfiesAnyOf(
                        m -> assertThat(m).contains("append-only: DELETE refused"),
                        m -> assertThat(m).contains("permission denied for table access_log"));
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE access_log").update()).rootCause().message().satisfiesAnyOf(
                m -> assertThat(m).contains("append-only: TRUNCATE refused"),
                m -> assertThat(m).contains("permission denied for table access_log"));
        assertThat(caseLog("board", "")).as("the entry is still there").hasSize(1);
        assertThat(single(caseLog("board", "")).path("reader").path("id").asText()).isEqualTo("board");
    }

    /** A read as the web module makes it: the person's token issued to its client, the browser's address beside it. */
    private ResponseEntity<JsonNode> throughTheWebModule(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.shared().token(user).claim("client_id", "incidents-web").sign());
        headers.set(AccessRecording.CLIENT_ADDRESS_HEADER, BROWSER);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private List<JsonNode> caseLog(String user, String query) {
        return log(user, "/api/incidents/" + id + "/access-log" + query);
    }

    private List<JsonNode> log(String user, String path) {
        ResponseEntity<JsonNode> response = get(user, path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = new ArrayList<>();
        response.getBody().path("entries").forEach(entries::add);
        return entries;
    }

    private static JsonNode single(List<JsonNode> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    private void append(Actor actor, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence++, event, actor.asMetaData()));
    }
}
