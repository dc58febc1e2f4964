package nl.incidents.command.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.support.privacy.PersonalDataCipher;
import nl.incidents.support.testing.RawDatabase;
import nl.incidents.support.testing.TestStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The board's erasures through the command API on a real store (embedded H2, or PostgreSQL in the build's
 * PostgreSQL run): after erasing a pupil, a marker planted in their reference and in every text about them is
 * nowhere readable in any table of the database (event payloads and metadata, keys, tasks, sagas) nor in the log;
 * the other pupil of the same case and another case read in full; the hash chain of every case still verifies; the
 * erasure is an event in each case's history naming the request, the ground and who asked. A case held by the board
 * keeps the pupil; only the board erases; a whole closed case goes the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@ExtendWith(OutputCaptureExtension.class)
class ErasureTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "erasure");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStore eventStore;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void erasingAPupilLeavesNothingReadableOfThemAndEverythingElseIntact(CapturedOutput log) {
        String marker = "M" + UUID.randomUUID().toString().substring(0, 8);
        String pupil = "llnr-" + marker;
        String otherPupil = "llnr-other-" + UUID.randomUUID().toString().substring(0, 8);
        String first = handledCase("A video mocks a teacher.", pupil, otherPupil);
        post("board", "/api/incidents/" + first + "/measures", Map.of("personId", pupil, "measure", "SUSPENSION",
                "reason", "Suspended for two days: " + marker), HttpStatus.OK);
        post("manager", "/api/incidents/" + first + "/correspondence", Map.of("personId", pupil,
                "summary", "Letter to the parents of " + marker), HttpStatus.OK);
        post("manager", "/api/incidents/" + first + "/correspondence", Map.of("personId", otherPupil,
                "summary", "Letter to the other parents"), HttpStatus.OK);
        String second = handledCase("The same pupil again.", pupil, otherPupil);
        String unrelated = handledCase("Another discussion.", otherPupil, "llnr-third");
        assertThat(RawDatabase.rowsContaining(dataSource, marker)).as("the pupil is in the keys' table before")
                .containsKey(quoted("personal_data_key"));

        Map<String, Object> request = Map.of("request", "AVG-2026-014", "ground", "OBJECTION",
                "requestedBy", "PARENT_OR_GUARDIAN");
        JsonNode refused = post("manager", "/api/people/" + pupil + "/erasure", request, HttpStatus.FORBIDDEN);
        assertThat(refused.path("code").asText()).isEqualTo("policy.board-erases");
        JsonNode invalid = post("board", "/api/people/" + pupil + "/erasure", Map.of("request",
                "Mr Jansen phoned, angry", "ground", "OBJECTION", "requestedBy", "DATA_SUBJECT"), HttpStatus.BAD_REQUEST);
        assertThat(invalid.toString()).contains("request");
        assertThat(eventsOf(first)).noneMatch(PersonErased.class::isInstance);

        JsonNode erased = post("board", "/api/people/" + pupil + "/erasure", request, HttpStatus.OK);
        assertThat(erased.path("erasedFrom")).extracting(JsonNode::asText).containsExactlyInAnyOrder(first, second);
        assertThat(erased.path("keptIn")).isEmpty();

        assertThat(RawDatabase.rowsContaining(dataSource, marker)).as("tables with a row that reads the marker").isEmpty();
        assertThat(log.getAll()).as("the log").doesNotContain(marker);

        List<IncidentEvent> events = eventsOf(first);
        DerailingDiscussionReported report = (DerailingDiscussionReported) events.get(0);
        assertThat(report.summary()).as("the case's own text").isEqualTo("A video mocks a teacher.");
        assertThat(report.involvedParties()).extracting(p -> p.personId().value())
                .containsExactly(PersonId.ERASED.value(), otherPupil);
        assertThat(events).filteredOn(MeasureImposed.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((MeasureImposed) e).reason()).isEqualTo("[verwijderd]"));
        assertThat(events).filteredOn(CorrespondenceRecorded.class::isInstance)
                .extracting(e -> ((CorrespondenceRecorded) e).summary())
                .containsExactly("[verwijderd]", "Letter to the other parents");
        assertThat(events.get(events.size() - 1)).isEqualTo(new PersonErased(eventsOf(first).get(0).incidentId(),
                PersonId.ERASED, "AVG-2026-014", ErasureGround.OBJECTION, ErasureRequester.PARENT_OR_GUARDIAN));
        assertThat(cipher.actor(events.get(0).incidentId(), lastMetaData(first)))
                .as("the board member who erased, as the erasure's actor").isEqualTo(new Actor(new PersonId("board"),
                        ActorRole.BOARD));
        assertThat(eventsOf(unrelated).get(0)).isInstanceOfSatisfying(DerailingDiscussionReported.class,
                e -> assertThat(e.involvedParties()).extracting(p -> p.personId().value()).contains(otherPupil));
        for (String id : List.of(first, second, unrelated)) {
            assertThat(get("board", "/api/integrity/cases/" + id).path("intact").asBoolean()).as(id).isTrue();
        }
        JsonNode again = post("board", "/api/people/" + pupil + "/erasure", request, HttpStatus.NOT_FOUND);
        assertThat(again.path("code").asText()).isEqualTo("erasure.nothing");
    }

    @Test
    void aHeldCaseKeepsThePersonAndTheRestIsErased() {
        String pupil = "llnr-held-" + UUID.randomUUID().toString().substring(0, 8);
        String free = handledCase("Free to erase.", pupil, "llnr-x1");
        String held = handledCase("Held by the board.", pupil, "llnr-x2");
        post("board", "/api/incidents/" + held + "/legal-hold", Map.of("reason", "A claim was announced."),
                HttpStatus.OK);
        Map<String, Object> request = Map.of("request", "AVG-2026-015", "ground", "CONSENT_WITHDRAWN",
                "requestedBy", "DATA_SUBJECT");

        JsonNode erased = post("board", "/api/people/" + pupil + "/erasure", request, HttpStatus.OK);
        assertThat(erased.path("erasedFrom")).extracting(JsonNode::asText).containsExactly(free);
        assertThat(erased.path("keptIn").get(0).path("incidentId").asText()).isEqualTo(held);
        assertThat(erased.path("keptIn").get(0).path("reasons")).extracting(JsonNode::asText).containsExactly("legal-hold");
        assertThat(((DerailingDiscussionReported) eventsOf(held).get(0)).involvedParties().get(0).personId().value())
                .isEqualTo(pupil);

        JsonNode refused = post("board", "/api/people/" + pupil + "/erasure", request, HttpStatus.CONFLICT);
        assertThat(refused.path("code").asText()).isEqualTo("state.held");
        assertThat(eventsOf(held)).noneMatch(PersonErased.class::isInstance);
    }

    @Test
    void aClosedCaseIsErasedWholeAndAnOpenOneIsNot(CapturedOutput log) {
        String marker = "C" + UUID.randomUUID().toString().substring(0, 8);
        String id = handledCase("Case text " + marker, "llnr-" + marker, "llnr-y-" + marker);
        Map<String, Object> request = Map.of("request", "AVG-2026-016", "ground", "UNLAWFULLY_PROCESSED",
                "requestedBy", "BOARD");
        assertThat(post("board", "/api/incidents/" + id + "/erasure", request, HttpStatus.CONFLICT).path("code")
                .asText()).isEqualTo("state.open");
        post("board", "/api/incidents/" + id + "/closure", Map.of("outcome", "Settled with the parents of " + marker),
                HttpStatus.OK);

        post("board", "/api/incidents/" + id + "/erasure", request, HttpStatus.OK);

        assertThat(RawDatabase.rowsContaining(dataSource, marker)).isEmpty();
        assertThat(log.getAll()).doesNotContain(marker);
        List<IncidentEvent> events = eventsOf(id);
        assertThat(((DerailingDiscussionReported) events.get(0)).summary()).isEqualTo("[verwijderd]");
        assertThat(events.get(events.size() - 1)).isInstanceOf(CaseErased.class);
        assertThat(cipher.actor(IncidentId.of(id), lastMetaData(id))).as("who erased, kept with the erasure")
                .isEqualTo(new Actor(new PersonId("board"), ActorRole.BOARD));
        assertThat(get("board", "/api/integrity/cases/" + id).path("intact").asBoolean()).isTrue();
        assertThat(post("board", "/api/incidents/" + id + "/legal-hold", Map.of("reason", "Too late."),
                HttpStatus.CONFLICT).path("code").asText()).isEqualTo("state.erased");
    }

    @Test
    void erasingAStaffMemberErasesTheirPartAsActorToo() {
        String id = handledCase("Reported by the teacher.", "llnr-s1", "llnr-s2");
        IncidentId incident = IncidentId.of(id);
        List<? extends DomainEventMessage<?>> before = eventStore.readEvents(id).asStream().toList();
        assertThat(before.get(0).getMetaData().get(Actor.ID_KEY).toString()).as("stored encrypted").startsWith("pd1:");
        assertThat(cipher.actor(incident, before.get(0).getMetaData()).id().value()).isEqualTo("teacher");

        post("board", "/api/people/teacher/erasure", Map.of("request", "AVG-2026-020", "ground", "OBJECTION",
                "requestedBy", "DATA_SUBJECT"), HttpStatus.OK);

        List<? extends DomainEventMessage<?>> after = eventStore.readEvents(id).asStream().toList();
        assertThat(cipher.actor(incident, after.get(0).getMetaData()))
                .as("the report's actor").isEqualTo(new Actor(PersonId.ERASED, ActorRole.STAFF));
        assertThat(((DerailingDiscussionReported) after.get(0).getPayload()).reportedBy()).isEqualTo(PersonId.ERASED);
        assertThat(after).extracting(e -> cipher.actor(incident, e.getMetaData()))
                .as("the manager's acknowledgement and the system's steps keep their actors")
                .contains(new Actor(new PersonId("manager"), ActorRole.MANAGER), Actor.SYSTEM);
        assertThat(get("board", "/api/integrity/cases/" + id).path("intact").asBoolean()).isTrue();
    }

    /** A case of school-1 reported by the teacher, escalated to the manager by the system and acknowledged. */
    private String handledCase(String summary, String author, String target) {
        JsonNode reported = post("teacher", "/api/incidents", Map.of("schoolId", "school-1", "platform", "TIKTOK",
                "location", "https://www.tiktok.com/@x/video/1", "summary", summary, "stage", "DERAILED",
                "harms", List.of("BULLYING"), "severity", "LOW", "involvedParties", List.of(
                        Map.of("personId", author, "role", "PUPIL", "part", "AUTHOR"),
                        Map.of("personId", target, "role", "PUPIL", "part", "TARGET")),
                "observedAt", Instant.now().minusSeconds(60).toString()), HttpStatus.CREATED);
        String id = reported.path("incidentId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(Long.class).single() >= 5);
        post("manager", "/api/incidents/" + id + "/acknowledgements", Map.of("note", "Seen."), HttpStatus.OK);
        return id;
    }

    private List<IncidentEvent> eventsOf(String id) {
        return eventStore.readEvents(id).asStream().map(e -> (IncidentEvent) e.getPayload()).toList();
    }

    private Map<String, Object> lastMetaData(String id) {
        List<? extends DomainEventMessage<?>> all = eventStore.readEvents(id).asStream().toList();
        return Map.copyOf(all.get(all.size() - 1).getMetaData());
    }

    private static String quoted(String table) {
        return "\"" + (TestStore.onPostgres() ? table : table.toUpperCase(java.util.Locale.ROOT)) + "\"";
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode post(String user, String path, Object body, HttpStatus expected) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").postForEntity(path, body, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(expected);
        return answer.getBody();
    }
}
