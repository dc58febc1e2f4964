package nl.incidents.query.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
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
import nl.incidents.support.testing.TestStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.http.ContentDisposition;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board's export for a request under the right of access (art. 15 AVG), in the query service's real context on
 * its own store (H2, and PostgreSQL in the build's PostgreSQL run). A case at school-1 names a pupil and a second
 * pupil; the board imposes a measure on each and records correspondence about each. The export of the first pupil, as
 * JSON and as a PDF, holds their entries, the case with their role and the steps about them, and who read the case
 * before; nothing of the second pupil nor the case's own texts. Only the board exports; each export is itself recorded
 * in the access log as a read of the person's dossier; data whose key was deleted reads {@code [verwijderd]}, and once
 * the board erased the pupil the export holds nothing of them.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class SubjectAccessExportApiTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.forLanguageTag("nl"));

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "subject-access-api");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    private final IncidentId id = IncidentId.random();
    private final String marker = id.value().toString().substring(0, 8);
    private final String pupil = "pupil-" + marker;
    private final String otherPupil = "other-" + marker;
    private long sequence;

    @BeforeEach
    void aCaseWithAMeasureAndCorrespondenceAboutTwoPupils() {
        append(TEACHER, new DerailingDiscussionReported(id, "school-1", Platform.TIKTOK,
                "https://www.tiktok.com/@someone/video/" + marker, "Case text " + marker + ": pupils insult a classmate",
                Stage.DERAILED, Set.of(Harm.INSULTING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId(pupil), PartyRole.PUPIL, Part.TARGET),
                        new InvolvedParty(new PersonId(otherPupil), PartyRole.PUPIL, Part.AUTHOR)),
                OffsetDateTime.now().minusMinutes(5).toInstant(), TEACHER.id()));
        append(Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(new PersonId("manager")),
                "Reported: the manager hears of it at once."));
        append(BOARD, new MeasureImposed(id, new PersonId(pupil), PartyRole.PUPIL, Measure.WARNING,
                "Warned for sharing the video"));
        append(BOARD, new CorrespondenceRecorded(id, new PersonId(pupil), PartyRole.PUPIL, "Letter to the parents"));
        append(BOARD, new MeasureImposed(id, new PersonId(otherPupil), PartyRole.PUPIL, Measure.SUSPENSION,
                "Other pupil suspended " + marker));
        append(BOARD, new CorrespondenceRecorded(id, new PersonId(otherPupil), PartyRole.PUPIL,
                "Other pupil's letter " + marker));
        CaughtUp.await(eventStore, processing);
    }

    @Test
    void theJsonHoldsThePupilsEntriesTheirCaseAndAnEarlierReadAndNothingOfTheOtherPupil() {
        assertThat(get("manager", "/api/incidents/" + id, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> response = get("board", "/api/people/" + pupil + "/export", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertDownloadNamedWithoutThePerson(response.getHeaders(), ".json");
        JsonNode export = response.getBody();
        assertThat(export.path("personId").asText()).isEqualTo(pupil);
        assertThat(export.path("exportedBy").path("id").asText()).isEqualTo("board");
        assertThat(export.path("exportedBy").path("role").asText()).isEqualTo("BOARD");
        assertInDutchTime(export.path("exportedAt").asText());

        List<JsonNode> dossier = list(export.path("dossier"));
        assertThat(dossier).extracting(e -> e.path("type").asText() + " " + e.path("measure").asText("-") + " "
                        + e.path("text").asText() + " " + e.path("recordedBy").path("id").asText())
                .containsExactly("MEASURE WARNING Warned for sharing the video board",
                        "CORRESPONDENCE - Letter to the parents board");
        assertThat(dossier).allSatisfy(e -> {
            assertThat(e.path("incidentId").asText()).isEqualTo(id.toString());
            assertThat(e.path("schoolId").asText()).isEqualTo("school-1");
            assertThat(e.path("schoolName").asText()).isEqualTo("OBS De Esch");
            assertThat(e.path("partyRole").asText()).isEqualTo("PUPIL");
            assertInDutchTime(e.path("recordedAt").asText());
        });

        JsonNode theCase = single(list(export.path("cases")));
        assertThat(theCase.path("incidentId").asText()).isEqualTo(id.toString());
        assertThat(theCase.path("schoolName").asText()).isEqualTo("OBS De Esch");
        assertThat(theCase.path("status").asText()).isEqualTo("ESCALATED");
        assertThat(theCase.has("closedAt")).as("still open").isFalse();
        assertThat(theCase.path("platform").asText()).isEqualTo("TIKTOK");
        assertThat(theCase.path("severity").asText()).isEqualTo("HIGH");
        assertThat(theCase.path("partyRole").asText()).isEqualTo("PUPIL");
        assertThat(theCase.path("part").asText()).isEqualTo("TARGET");
        assertInDutchTime(theCase.path("reportedAt").asText());
        assertThat(list(theCase.path("steps"))).extracting(s -> s.path("type").asText() + " " + s.path("text").asText())
                .containsExactly("MEASURE_IMPOSED Warned for sharing the video", "CORRESPONDENCE_RECORDED Letter to the parents");

        JsonNode read = single(list(export.path("reads")));
        assertThat(read.path("reader").path("id").asText()).isEqualTo("manager");
        assertThat(read.path("reader").path("role").asText()).isEqualTo("MANAGER");
        assertThat(read.path("kind").asText()).isEqualTo("INCIDENT_DOSSIER");
        assertThat(read.path("incidentId").asText()).isEqualTo(id.toString());
        assertThat(read.path("channel").asText()).isEqualTo("API");
        assertThat(read.path("refused").asBoolean()).isFalse();
        assertThat(read.has("address")).as("the reader's address is theirs, not the pupil's").isFalse();

        // Art. 15(4): nothing of the other pupil, and none of the case's own texts.
        assertThat(export.toString()).doesNotContain(otherPupil, "Other pupil", "Case text", "tiktok.com", "manager hears");
    }

    @Test
    void thePdfHoldsTheSameEntriesAndDatesAsTheJsonInDutch() throws IOException {
        get("manager", "/api/incidents/" + id, JsonNode.class);
        JsonNode json = get("board", "/api/people/" + pupil + "/export", JsonNode.class).getBody();

        ResponseEntity<byte[]> response = get("board", "/api/people/" + pupil + "/export.pdf", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertDownloadNamedWithoutThePerson(response.getHeaders(), ".pdf");
        String pdf = text(response.getBody());

        assertThat(pdf).contains("Inzageverzoek: wat er over deze persoon is vastgelegd", pupil, "Dossier", "Zaken",
                "Wie las de gegevens", "Pagina 1 van", "Nederlandse tijd");
        for (JsonNode entry : json.path("dossier")) {
            assertThat(pdf).contains(entry.path("text").asText(), dutch(entry.path("recordedAt").asText()),
                    entry.path("incidentId").asText().substring(0, 8));
        }
        assertThat(pdf).contains("Maatregel:", "waarschuwing", "(leerling)", "Correspondentie", "OBS De Esch",
                "board (bestuur)");
        JsonNode theCase = json.path("cases").get(0);
        assertThat(pdf).contains("Zaak " + id, dutch(theCase.path("reportedAt").asText()),
                "geëscaleerd, wacht op bevestiging", "TikTok", "hoog", "leerling", "doelwit", "nog niet gesloten");
        for (JsonNode step : theCase.path("steps")) {
            assertThat(pdf).contains(dutch(step.path("at").asText()), step.path("text").asText());
        }
        // Every read the JSON listed, with its time, reader and what was read; the JSON export itself came after.
        for (JsonNode read : json.path("reads")) {
            assertThat(pdf).contains(dutch(read.path("at").asText()),
                    read.path("reader").path("id").asText() + " (leidinggevende)", "dossier van zaak " + id.toString().substring(0, 8));
        }
        assertThat(pdf).contains("dossier van deze persoon", "board (bestuur)", "ingezien");
        assertThat(pdf).doesNotContain(otherPupil, "Other pupil", "Case text", "tiktok.com");
    }

    @Test
    void onlyTheBoardExportsAndEveryExportIsRecordedAsAReadOfThePersonsDossier() {
        for (String path : List.of("/export", "/export.pdf")) {
            // Asked as a download is: for the PDF, the PDF; the refusal comes as problem+json all the same.
            MediaType accept = path.endsWith(".pdf") ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_JSON;
            ResponseEntity<JsonNode> refused = get("manager", "/api/people/" + pupil + path, accept, JsonNode.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().path("code").asText()).isEqualTo("subject-access.board-only");
            assertThat(refused.getBody().toString()).doesNotContain("Warned");
        }
        assertThat(get("teacher", "/api/people/teacher/export", JsonNode.class).getStatusCode())
                .as("not even about oneself: the board answers such a request").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> badId = get("board", "/api/people/not a person/export", JsonNode.class);
        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody().path("field").asText()).isEqualTo("personId");

        assertThat(get("board", "/api/people/" + pupil + "/export", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("board", "/api/people/" + pupil + "/export.pdf", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

        List<JsonNode> log = list(get("board", "/api/people/" + pupil + "/access-log", JsonNode.class).getBody().path("entries"));
        assertThat(log).extracting(e -> e.path("kind").asText() + " " + e.path("reader").path("id").asText() + " "
                        + e.path("personId").asText() + " " + (e.path("refused").asBoolean() ? "refused" : "read"))
                .containsExactly("PERSON_DOSSIER board " + pupil + " read", "PERSON_DOSSIER board " + pupil + " read",
                        "PERSON_DOSSIER manager " + pupil + " refused", "PERSON_DOSSIER manager " + pupil + " refused");
        // And the next export lists them among who read about the pupil.
        List<JsonNode> reads = list(get("board", "/api/people/" + pupil + "/export", JsonNode.class).getBody().path("reads"));
        assertThat(reads).hasSize(4).allSatisfy(r -> assertThat(r.path("kind").asText()).isEqualTo("PERSON_DOSSIER"));
    }

    @Test
    void someoneWithNothingRecordedGetsAnExportThatSaysSo() throws IOException {
        String stranger = "nobody-" + marker;
        assertThat(text(get("board", "/api/people/" + stranger + "/export.pdf", byte[].class).getBody()))
                .contains("Er staat niets in het dossier van deze persoon.", "Er is geen zaak over deze persoon vastgelegd.",
                        "Niemand heeft gegevens over deze persoon ingezien.");
        JsonNode export = get("board", "/api/people/" + stranger + "/export", JsonNode.class).getBody();
        assertThat(export.path("personId").asText()).isEqualTo(stranger);
        assertThat(export.path("dossier")).isEmpty();
        assertThat(export.path("cases")).isEmpty();
        assertThat(export.path("reads")).as("nothing recorded about them, so no read logged under their reference")
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE person_id = ?").param(stranger).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE person_id = '[verwijderd]' AND reader_id = 'board'")
                .query(Long.class).single()).as("the two exports, logged with a neutral subject").isGreaterThanOrEqualTo(2);
    }

    @Test
    void onceThePupilsKeysAreDeletedTheirTextsAndPartReadErasedNeverAnError() throws IOException {
        assertThat(keys.deletePerson(new PersonId(pupil))).isEqualTo(1);

        await().untilAsserted(() -> {
            ResponseEntity<JsonNode> response = get("board", "/api/people/" + pupil + "/export", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode export = response.getBody();
            assertThat(list(export.path("dossier"))).hasSize(2)
                    .allSatisfy(e -> assertThat(e.path("text").asText()).isEqualTo("[verwijderd]"));
            JsonNode theCase = single(list(export.path("cases")));
            assertThat(theCase.path("part").asText()).isEqualTo("[verwijderd]");
            assertThat(theCase.path("partyRole").asText()).as("as the dossier's copy has it").isEqualTo("PUPIL");
            assertThat(list(theCase.path("steps"))).extracting(s -> s.path("type").asText() + " " + s.path("text").asText())
                    .containsExactly("MEASURE_IMPOSED [verwijderd]", "CORRESPONDENCE_RECORDED [verwijderd]");
            assertThat(export.toString()).doesNotContain("Warned", "Letter to the parents");
        });
        ResponseEntity<byte[]> pdf = get("board", "/api/people/" + pupil + "/export.pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(pdf.getBody())).contains("[verwijderd]").doesNotContain("Warned", "Letter to the parents");
    }

    @Test
    void onceTheBoardErasedThePupilTheExportHoldsNothingOfThemAndTheOtherPupilsStill() {
        get("manager", "/api/incidents/" + id, JsonNode.class);
        get("board", "/api/people/" + pupil + "/export", JsonNode.class);
        // As the command service stores an erasure: the event, and the pupil's key of the case deleted with it, in one
        // transaction (one after the other, the projection could see the event while the key was still there, and
        // rightly keep the access log's reads of someone it still holds data of).
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            append(BOARD, new PersonErased(id, new PersonId(pupil), "AVG-2026-020", ErasureGround.OBJECTION,
                    ErasureRequester.PARENT_OR_GUARDIAN));
            keys.deletePersonFromCase(id, new PersonId(pupil));
        });
        CaughtUp.await(eventStore, processing);

        JsonNode erased = get("board", "/api/people/" + pupil + "/export", JsonNode.class).getBody();
        assertThat(erased.path("dossier")).isEmpty();
        assertThat(erased.path("cases")).isEmpty();
        assertThat(erased.path("reads")).as("the reads stay in the log, no longer about the pupil").isEmpty();
        JsonNode other = get("board", "/api/people/" + otherPupil + "/export", JsonNode.class).getBody();
        assertThat(list(other.path("dossier"))).extracting(e -> e.path("text").asText())
                .containsExactly("Other pupil suspended " + marker, "Other pupil's letter " + marker);
        assertThat(single(list(other.path("cases"))).path("part").asText()).isEqualTo("AUTHOR");
        assertThat(other.toString()).doesNotContain(pupil, "Warned", "AVG-2026-020");
    }

    private void assertDownloadNamedWithoutThePerson(HttpHeaders headers, String extension) {
        ContentDisposition disposition = headers.getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).matches("inzage-\\d{8}-\\d{6}\\" + extension).doesNotContain(pupil);
    }

    /** An ISO time with the offset Amsterdam had then, as every time the API gives. */
    private static void assertInDutchTime(String text) {
        OffsetDateTime at = OffsetDateTime.parse(text);
        assertThat(at.getOffset()).isEqualTo(ZoneId.of("Europe/Amsterdam").getRules().getOffset(at.toInstant()));
    }

    /** A time of the JSON as the PDF writes it: {@code 30 november 2026 10:15}. */
    private static String dutch(String isoTime) {
        return DUTCH.format(OffsetDateTime.parse(isoTime));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static JsonNode single(List<JsonNode> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return get(user, path, null, type);
    }

    private <T> ResponseEntity<T> get(String user, String path, MediaType accept, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        if (accept != null) {
            headers.setAccept(List.of(accept));
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }

    private void append(Actor actor, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence++, event, actor.asMetaData()));
    }
}
