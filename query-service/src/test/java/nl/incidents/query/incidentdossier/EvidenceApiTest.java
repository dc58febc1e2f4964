package nl.incidents.query.incidentdossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EvidenceAttached;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.evidence.EvidenceStore;
import nl.incidents.support.privacy.PersonalDataKeys;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.RawDatabase;
import nl.incidents.support.testing.TestStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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

/**
 * A case's evidence and its police package through the query API, in the service's real context on its own store (H2,
 * and PostgreSQL in the build's PostgreSQL run). The teacher reported a case at school-1 and attached a screenshot and a
 * saved page, stored as the command service stores them. Everyone who reads the case downloads each byte for byte with
 * the SHA-256 the case recorded; someone who does not read it gets nothing; each download is in the access log. The
 * board's police package holds both files, a manifest whose hashes match every file in it, and the timeline in Dutch.
 * Once the case is erased, its evidence cannot be read and is gone.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class EvidenceApiTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "evidence-api");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EvidenceStore evidence;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final IncidentId id = IncidentId.random();
    private final String marker = "PAGE-" + id.value();
    private final byte[] screenshot = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private final byte[] page = ("<html><body>" + marker + ": the thread as it stood</body></html>")
            .getBytes(StandardCharsets.UTF_8);
    private final UUID shotId = UUID.randomUUID();
    private final UUID pageId = UUID.randomUUID();
    private long sequence;

    @BeforeEach
    void aReportedCaseWithTwoPiecesOfEvidence() {
        append(TEACHER, new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK, "https://facebook.com/x",
                "Parents insult a teacher", Stage.DERAILED, Set.of(Harm.INSULTING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId("ouder-1"), PartyRole.PARENT, Part.AUTHOR)),
                OffsetDateTime.now().minusMinutes(5).toInstant(), TEACHER.id()));
        append(Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(new PersonId("manager")),
                "Reported: the manager hears of it at once."));
        attach(TEACHER, shotId, "screenshot 1.png", "image/png", screenshot);
        attach(BOARD, pageId, "saved-thread.html", "text/html", page);
        CaughtUp.await(eventStore, processing);
    }

    @Test
    void whoeverReadsTheCaseDownloadsEachFileByteForByteAndEachReadIsLogged() {
        for (String reader : List.of("teacher", "manager", "board")) {
            ResponseEntity<byte[]> shot = get(reader, "/api/incidents/" + id + "/evidence/" + shotId);
            assertThat(shot.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
            assertThat(shot.getBody()).isEqualTo(screenshot);
            assertThat(shot.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(sha256(screenshot));
            assertThat(shot.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
            assertThat(shot.getHeaders().getContentDisposition().getFilename()).isEqualTo("screenshot 1.png");
        }
        ResponseEntity<byte[]> saved = get("teacher", "/api/incidents/" + id + "/evidence/" + pageId);
        assertThat(saved.getBody()).isEqualTo(page);
        assertThat(saved.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(sha256(page));
        assertThat(saved.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(saved.getHeaders().getContentDisposition().isAttachment()).isTrue();

        JsonNode dossier = json(get("teacher", "/api/incidents/" + id));
        assertThat(dossier.path("evidence")).hasSize(2);
        assertThat(dossier.path("evidence").get(0).path("sha256").asText()).isEqualTo(sha256(screenshot));
        assertThat(dossier.path("evidence").get(1).path("fileName").asText()).isEqualTo("saved-thread.html");
        assertThat(dossier.path("actions").toString()).contains("ATTACH_EVIDENCE");

        // A teacher of another school and the communications department do not read the case: no file.
        assertThat(get("teacher2", "/api/incidents/" + id + "/evidence/" + shotId).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("comms", "/api/incidents/" + id + "/evidence/" + shotId).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("board", "/api/incidents/" + id + "/evidence/" + UUID.randomUUID()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(jdbc.sql("SELECT reader_id FROM access_log WHERE incident_id = ? AND kind = 'EVIDENCE' AND NOT refused"
                + " ORDER BY entry_id").param(id.toString()).query(String.class).list())
                .containsExactly("teacher", "manager", "board", "teacher");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE incident_id = ? AND kind = 'EVIDENCE' AND refused")
                .param(id.toString()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theBoardsPolicePackageHoldsEveryFileAManifestThatVerifiesAndTheTimelineInDutch() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<byte[]> answer = get("board", "/api/incidents/" + id + "/police-package");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/zip");
        ContentDisposition download = answer.getHeaders().getContentDisposition();
        assertThat(download.getFilename()).startsWith("politiepakket-" + id).endsWith(".zip");
        Map<String, byte[]> files = unzip(answer.getBody());
        assertThat(files.keySet()).containsExactly("bewijs/01-screenshot_1.png", "bewijs/02-saved-thread.html",
                "timeline.pdf", "timeline.json", "manifest.json", "manifest.csv");
        assertThat(files.get("bewijs/01-screenshot_1.png")).isEqualTo(screenshot);
        assertThat(files.get("bewijs/02-saved-thread.html")).isEqualTo(page);

        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
        assertThat(manifest.path("incidentId").asText()).isEqualTo(id.toString());
        assertThat(OffsetDateTime.parse(manifest.path("createdAt").asText()).toInstant()).isAfterOrEqualTo(before);
        assertThat(manifest.path("files")).hasSize(4);
        for (JsonNode listed : manifest.path("files")) {
            byte[] file = files.get(listed.path("file").asText());
            assertThat(file).as(listed.toString()).isNotNull();
            assertThat(sha256(file)).as(listed.path("file").asText()).isEqualTo(listed.path("sha256").asText());
            assertThat(listed.path("sizeBytes").asLong()).isEqualTo(file.length);
        }
        JsonNode shot = manifest.path("files").get(0);
        assertThat(shot.path("attachedByRole").asText()).isEqualTo("STAFF");
        assertThat(OffsetDateTime.parse(shot.path("receivedAt").asText()).toInstant())
                .isEqualTo(evidence.read(id, shotId).orElseThrow().stored().receivedAt());

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .get().parse(new StringReader(new String(files.get("manifest.csv"), StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(4);
        for (CSVRecord row : rows) {
            assertThat(sha256(files.get(row.get("file")))).as(row.get("file")).isEqualTo(row.get("sha256"));
        }
        assertThat(rows.get(1).get("received_at")).isEqualTo(manifest.path("files").get(1).path("receivedAt").asText());

        String timeline = text(files.get("timeline.pdf"));
        assertThat(timeline).contains("Verloop van zaak " + id, "Gemeld", "Door het systeem doorgezet", "Bewijsmateriaal toegevoegd",
                "saved-thread.html", "Nederlandse tijd");
        assertThat(new ObjectMapper().readTree(files.get("timeline.json"))).hasSize(4);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE incident_id = ? AND kind = 'POLICE_PACKAGE' AND NOT refused")
                .param(id.toString()).query(Long.class).single()).isOne();
        // The reporter reads the case but does not handle it: no package.
        ResponseEntity<byte[]> teacher = get("teacher", "/api/incidents/" + id + "/police-package");
        assertThat(teacher.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new String(teacher.getBody(), StandardCharsets.UTF_8)).contains("police-package.handlers-only");
    }

    @Test
    void onceTheCaseIsErasedItsEvidenceCannotBeReadAndIsGone() {
        append(BOARD, new IncidentClosed(id, "Settled."));
        append(BOARD, new CaseErased(id, "AVG-2026-031", ErasureGround.NO_LONGER_NEEDED, ErasureRequester.BOARD));
        // What the command service does in the erasure's transaction (ErasureKeys): the keys first, then the rows.
        keys.deleteCase(id);
        assertThatThrownBy(() -> evidence.read(id, pageId)).as("without the case's key")
                .isInstanceOf(IllegalStateException.class);
        evidence.deleteCase(id);
        CaughtUp.await(eventStore, processing);

        assertThat(get("board", "/api/incidents/" + id + "/evidence/" + pageId).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(evidence.read(id, pageId)).isEmpty();
        assertThat(RawDatabase.rowsContaining(dataSource, marker)).isEmpty();
    }

    private void attach(Actor actor, UUID evidenceId, String fileName, String mediaType, byte[] content) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String sha = sha256(content);
        append(actor, new EvidenceAttached(id, evidenceId, sha, receivedAt, content.length, mediaType, fileName, null));
        evidence.put(new EvidenceStore.Stored(evidenceId, id, sha, receivedAt, content.length, mediaType), content);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(ResponseEntity<byte[]> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        try {
            return new ObjectMapper().readTree(answer.getBody());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<byte[]> get(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private void append(Actor actor, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence++, event, actor.asMetaData()));
    }
}
