package nl.incidents.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.privacy.PersonalDataKeys;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Personal data as the stores keep it, on H2 and on PostgreSQL: a marker typed into a report and a pupil's id are
 * nowhere readable in the event store (payload and metadata) nor in the history's copy, while the board reads the
 * case in full; once the pupil's keys are deleted, the raw database holds nothing of theirs that can be read, the
 * dossier and the history say {@code [verwijderd]} for what concerned them, and the case's own text, the other
 * pupil and another case still read in full.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class PersonalDataEncryptionTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "personal-data");
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
    PersonalDataKeys keys;

    private final Map<IncidentId, Long> sequences = new HashMap<>();

    @Test
    void personalDataIsStoredEncryptedAndReadsErasedOnceItsKeyIsGone() {
        String marker = "MARKER" + UUID.randomUUID().toString().substring(0, 8);
        PersonId pupil = new PersonId("pupil-" + marker);
        PersonId otherPupil = new PersonId("pupil-other-" + marker);
        IncidentId id = reported(marker + " threatens a teacher", pupil, otherPupil);
        append(id, BOARD, new MeasureImposed(id, pupil, PartyRole.PUPIL, Measure.SUSPENSION, "Suspended: " + marker));
        append(id, BOARD, new CorrespondenceRecorded(id, otherPupil, PartyRole.PUPIL, "Letter to the parents of " + marker));
        IncidentId otherCase = reported("Another case of " + marker, otherPupil, new PersonId("pupil-third-" + marker));
        CaughtUp.await(eventStore, processing);

        assertThat(readableIn("domain_event_entry", marker)).as("the event store, payload and metadata").isZero();
        assertThat(readableIn("incident_history", marker)).as("the history's copy of the events").isZero();
        JsonNode dossier = get("/api/incidents/" + id);
        assertThat(dossier.path("report").path("summary").asText()).isEqualTo(marker + " threatens a teacher");
        assertThat(dossier.path("report").path("involvedParties").toString()).contains(pupil.value(), otherPupil.value());
        assertThat(get("/api/incidents/" + id + "/history").toString()).contains("Suspended: " + marker);
        // The same event serialized again gives the same bytes: the hash chain over the stored form relies on it.
        assertThat(storedPayloads(id)).doesNotHaveDuplicates().allSatisfy(payload -> assertThat(payload).contains("pd1:"));

        assertThat(keys.deletePerson(pupil)).as("the pupil's keys (one case)").isEqualTo(1);

        assertThat(readableIn("domain_event_entry", pupil.value())).isZero();
        assertThat(readableIn("incident_history", pupil.value())).isZero();
        assertThat(readableIn("personal_data_key", pupil.value())).as("the key table names the pupil no more").isZero();
        await().untilAsserted(() -> {
            JsonNode history = get("/api/incidents/" + id + "/history");
            assertThat(history.toString()).doesNotContain("Suspended: " + marker).doesNotContain(pupil.value());
            JsonNode measure = history.get(1).path("payload");
            assertThat(measure.path("personId").asText()).isEqualTo("[verwijderd]");
            assertThat(measure.path("reason").asText()).isEqualTo("[verwijderd]");
            assertThat(measure.path("measure").asText()).isEqualTo("SUSPENSION");
            assertThat(history.get(2).path("payload").path("summary").asText()).isEqualTo("Letter to the parents of " + marker);
        });
        JsonNode after = get("/api/incidents/" + id);
        assertThat(after.path("report").path("summary").asText()).as("the case's own text").isEqualTo(marker + " threatens a teacher");
        assertThat(after.path("report").path("involvedParties").toString())
                .contains("[verwijderd]", otherPupil.value()).doesNotContain(pupil.value());
        assertThat(get("/api/incidents/" + otherCase).path("report").path("summary").asText())
                .isEqualTo("Another case of " + marker);

        assertThat(keys.deleteCase(id)).as("the case's own key, the other pupil's, the reporter's (also its actor) "
                + "and the board member's as actor").isEqualTo(4);
        JsonNode erased = get("/api/incidents/" + id);
        assertThat(erased.path("report").path("summary").asText()).isEqualTo("[verwijderd]");
        assertThat(erased.toString()).doesNotContain(marker);
        assertThat(get("/api/incidents/" + otherCase).toString()).contains("Another case of " + marker, otherPupil.value());
    }

    private IncidentId reported(String summary, PersonId... involved) {
        IncidentId id = IncidentId.random();
        append(id, TEACHER, new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK, "https://facebook.com/x",
                summary, Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH,
                List.of(new InvolvedParty(involved[0], PartyRole.PUPIL, Part.AUTHOR),
                        new InvolvedParty(involved[1], PartyRole.PUPIL, Part.TARGET)),
                Instant.parse("2026-11-02T08:00:00Z"), TEACHER.id()));
        return id;
    }

    /** Rows of the table with the text in any column, read as the database's own text (binary columns as UTF-8). */
    private long readableIn(String table, String text) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return jdbc.query("SELECT * FROM " + table, (rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                Object value = rs.getObject(column);
                row.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value))
                        .append('|');
            }
            return row.toString();
        }).stream().filter(row -> row.contains(text)).count();
    }

    private List<String> storedPayloads(IncidentId id) {
        return new JdbcTemplate(dataSource).query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), id.toString());
    }

    private void append(IncidentId id, Actor actor, Object event) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event,
                MetaData.from(actor.asMetaData())));
    }

    private JsonNode get(String path) {
        CaughtUp.await(eventStore, processing);
        ResponseEntity<JsonNode> response = http.withBasicAuth("board", "demo").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
