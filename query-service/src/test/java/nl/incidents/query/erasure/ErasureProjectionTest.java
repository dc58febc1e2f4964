package nl.incidents.query.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.privacy.PersonalDataKeys;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.RawDatabase;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An erasure as the query service carries it out, on H2 and on PostgreSQL: the events arrive as the command service
 * stores them (the keys deleted with the erasure event, so the event's person reads {@code [verwijderd]}), and the
 * query service's own copies, which hold personal data decrypted, drop it: the pupil's dossier, their place among the
 * case's parties, and their name as the subject in the access log, while who read it stays. Afterwards nothing in any
 * table or the log reads the marker planted in the pupil's data; the other pupil and another case read in full; the
 * history shows the erasure with its request, ground and requester.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
@ExtendWith(OutputCaptureExtension.class)
class ErasureProjectionTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "erasure-projection");
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

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    PlatformTransactionManager transactions;

    private final Map<IncidentId, Long> sequences = new HashMap<>();

    @Test
    void theQueryServicesCopiesOfAnErasedPupilGo(CapturedOutput log) {
        String marker = "Q" + UUID.randomUUID().toString().substring(0, 8);
        PersonId pupil = new PersonId("llnr-" + marker);
        PersonId otherPupil = new PersonId("llnr-other-" + UUID.randomUUID().toString().substring(0, 8));
        IncidentId id = reported("A video mocks a teacher.", pupil, otherPupil);
        append(id, BOARD, new MeasureImposed(id, pupil, PartyRole.PUPIL, Measure.SUSPENSION, "Suspended: " + marker));
        append(id, BOARD, new CorrespondenceRecorded(id, otherPupil, PartyRole.PUPIL, "Letter to the other parents"));
        IncidentId other = reported("Another case.", otherPupil, new PersonId("llnr-third"));
        assertThat(get("/api/people/" + pupil.value() + "/dossier").toString()).contains("Suspended: " + marker);
        assertThat(RawDatabase.rowsContaining(dataSource, marker)).as("before: the projections hold it decrypted")
                .isNotEmpty();

        long blankedBefore = blankedReadsByTheBoard();
        // As the command service stores an erasure: the event, and the pupil's key of the case deleted with it.
        erase(id, new PersonErased(id, pupil, "AVG-2026-014", ErasureGround.OBJECTION,
                ErasureRequester.PARENT_OR_GUARDIAN), () -> keys.deletePersonFromCase(id, pupil));
        CaughtUp.await(eventStore, processing);

        assertThat(RawDatabase.rowsContaining(dataSource, marker)).as("tables with a row that reads the marker").isEmpty();
        assertThat(log.getAll()).as("the log").doesNotContain(marker);
        assertThat(blankedReadsByTheBoard()).as("the read stays, its subject goes").isEqualTo(blankedBefore + 1);
        ResponseEntity<JsonNode> dossier = http.withBasicAuth("board", "demo")
                .getForEntity("/api/people/" + pupil.value() + "/dossier", JsonNode.class);
        assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode kept = get("/api/incidents/" + id);
        assertThat(kept.path("report").path("summary").asText()).isEqualTo("A video mocks a teacher.");
        assertThat(kept.path("report").path("involvedParties").toString()).contains("[verwijderd]", otherPupil.value());
        assertThat(kept.path("correspondence").get(0).path("summary").asText()).isEqualTo("Letter to the other parents");
        JsonNode erasure = kept.path("erasures").get(0);
        assertThat(erasure.path("scope").asText()).isEqualTo("PERSON");
        assertThat(erasure.path("request").asText()).isEqualTo("AVG-2026-014");
        assertThat(erasure.path("ground").asText()).isEqualTo("OBJECTION");
        assertThat(erasure.path("requestedBy").asText()).isEqualTo("PARENT_OR_GUARDIAN");
        assertThat(kept.path("timeline").toString()).contains("person-erased");
        assertThat(get("/api/people/" + otherPupil.value() + "/dossier").toString()).contains("Letter to the other parents");
        assertThat(get("/api/incidents/" + other).path("report").path("summary").asText()).isEqualTo("Another case.");

        if (TestStore.onPostgres()) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE access_log SET reader_id = 'someone' WHERE person_id = '[verwijderd]'")
                    .update()).as("only the subject may be blanked: the column privilege refuses the rest")
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE reader_id = 'someone'").query(Long.class).single())
                    .isZero();
        }
    }

    /**
     * As it happens between two processes: the query service read the case a moment ago, so it still holds the
     * pupil's key in its cache when the command service deletes it; the erasure must not write the key back (the
     * history's copy is the stored form, never encrypted again here). The board, told of the case, keeps its notices
     * and its own reads in the access log: only the erased pupil goes.
     */
    @Test
    void anErasureSeenWithTheKeyStillCachedDoesNotBringItBackNorTouchOthers() {
        String marker = "W" + UUID.randomUUID().toString().substring(0, 8);
        PersonId pupil = new PersonId("llnr-" + marker);
        IncidentId id = reported("A warm cache.", pupil, new PersonId("llnr-z-" + UUID.randomUUID().toString().substring(0, 8)));
        append(id, Actor.SYSTEM, new IncidentEscalated(id, Assignee.board(), "The case goes to the board."));
        append(id, BOARD, new MeasureImposed(id, pupil, PartyRole.PUPIL, Measure.WARNING, "Warned: " + marker));
        get("/api/incidents/" + id); // the key is in this service's cache now
        get("/api/people/board/dossier");
        long boardNotices = jdbc.sql("SELECT COUNT(*) FROM inbox_entry WHERE incident_id = ?").param(id.toString())
                .query(Long.class).single();
        assertThat(boardNotices).as("the board was told of the case").isPositive();

        // The command service's erasure: its event, and the key deleted in its own process (this cache not told).
        append(id, BOARD, new PersonErased(id, pupil, "AVG-2026-017", ErasureGround.OBJECTION,
                ErasureRequester.DATA_SUBJECT));
        jdbc.sql("DELETE FROM personal_data_key WHERE incident_id = ? AND person_id = ?").params(id.toString(),
                pupil.value()).update();
        CaughtUp.await(eventStore, processing);

        assertThat(keys.casesOf(pupil)).as("no key of the pupil made again").isEmpty();
        assertThat(RawDatabase.rowsContaining(dataSource, marker)).isEmpty();
        assertThat(get("/api/incidents/" + id + "/history").toString()).doesNotContain(marker);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_entry WHERE incident_id = ?").param(id.toString())
                .query(Long.class).single()).as("the board's notices of the case").isEqualTo(boardNotices);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE person_id = 'board'").query(Long.class).single())
                .as("the board's own dossier reads keep their subject").isPositive();
        // A later look-up of the erased pupil does not write their reference back into the log.
        ResponseEntity<JsonNode> gone = http.withBasicAuth("board", "demo")
                .getForEntity("/api/people/" + pupil.value() + "/dossier", JsonNode.class);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(RawDatabase.rowsContaining(dataSource, marker)).as("after the look-up").isEmpty();
    }

    /** A staff member the board let know of a case (need to know) is erased from it: their place as its reader goes. */
    @Test
    void anErasedReaderOfANeedToKnowCaseLeavesNoTrace() {
        String marker = "N" + UUID.randomUUID().toString().substring(0, 8);
        PersonId reader = new PersonId("staff-" + marker);
        IncidentId id = reported("A confidential case.", new PersonId("llnr-n-" + UUID.randomUUID().toString().substring(0, 8)),
                new PersonId("llnr-m-" + UUID.randomUUID().toString().substring(0, 8)));
        append(id, BOARD, new CaseRestrictedToNeedToKnow(id, "A staff member is involved."));
        append(id, BOARD, new NeedToKnowReaderAdded(id, reader));
        CaughtUp.await(eventStore, processing);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM need_to_know_reader WHERE incident_id = ? AND person_id = ?")
                .params(id.toString(), reader.value()).query(Long.class).single()).as("before").isOne();

        erase(id, new PersonErased(id, reader, "AVG-2026-021", ErasureGround.OBJECTION,
                ErasureRequester.DATA_SUBJECT), () -> keys.deletePersonFromCase(id, reader));
        CaughtUp.await(eventStore, processing);

        assertThat(RawDatabase.rowsContaining(dataSource, marker)).as("tables with a row that reads the marker").isEmpty();
        assertThat(get("/api/incidents/" + id).path("needToKnow").toString()).doesNotContain(marker);
    }

    @Test
    void anErasedCaseLeavesNoCopies(CapturedOutput log) {
        String marker = "R" + UUID.randomUUID().toString().substring(0, 8);
        PersonId pupil = new PersonId("llnr-" + marker);
        IncidentId id = reported("Case " + marker, pupil, new PersonId("llnr-y-" + marker));
        append(id, BOARD, new MeasureImposed(id, pupil, PartyRole.PUPIL, Measure.WARNING, "Warned: " + marker));
        append(id, BOARD, new IncidentClosed(id, "Settled: " + marker));
        get("/api/incidents/" + id);
        get("/api/people/" + pupil.value() + "/dossier");

        erase(id, new CaseErased(id, "AVG-2026-016", ErasureGround.UNLAWFULLY_PROCESSED, ErasureRequester.BOARD),
                () -> keys.deleteCase(id));
        CaughtUp.await(eventStore, processing);

        assertThat(RawDatabase.rowsContaining(dataSource, marker)).isEmpty();
        assertThat(log.getAll()).doesNotContain(marker);
        JsonNode erased = get("/api/incidents/" + id);
        assertThat(erased.path("report").path("summary").asText()).isEqualTo("[verwijderd]");
        assertThat(erased.path("erasures").get(0).path("scope").asText()).isEqualTo("CASE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_entry WHERE incident_id = ?").param(id.toString())
                .query(Long.class).single()).as("the case's notices").isZero();
    }

    private long blankedReadsByTheBoard() {
        return jdbc.sql("SELECT COUNT(*) FROM access_log WHERE kind = 'PERSON_DOSSIER' AND person_id = '[verwijderd]'"
                + " AND reader_id = 'board'").query(Long.class).single();
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

    /**
     * Stores an erasure as the command service does on the JDBC stores ({@code ErasureKeys}): the event and the deleted
     * keys in one transaction. One after the other, a processor quick enough handled the erasure while the key was
     * still there, and the access log kept the person (seen in full-module runs, on main as well).
     */
    private void erase(IncidentId id, Object erasure, Runnable deleteKeys) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            append(id, BOARD, erasure);
            deleteKeys.run();
        });
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
