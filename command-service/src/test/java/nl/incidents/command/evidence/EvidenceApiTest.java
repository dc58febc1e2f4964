package nl.incidents.command.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.incidents.kernel.incident.EvidenceAttached;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.support.evidence.EvidenceStore;
import nl.incidents.support.testing.RawDatabase;
import nl.incidents.support.testing.TestStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Evidence through the command API on a real store (embedded H2, or PostgreSQL in the build's PostgreSQL run): the
 * reporter uploads a screenshot; it is kept byte for byte with the SHA-256 of what was sent and the moment it arrived,
 * encrypted (its text is nowhere readable in the database), and the case's history records it. A file of another kind,
 * an empty one or one too large is refused naming the field {@code file}, and so is someone who may not attach to the
 * case; nothing is stored then. Once the closed case is erased, its evidence is gone and its text nowhere. On
 * PostgreSQL the database itself refuses to alter or delete a stored file outside an erasure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"incidents.evidence.max-file-size=64KB", "incidents.evidence.max-form-size=96KB"})
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
class EvidenceApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "evidence");
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
    EvidenceStore evidence;

    @Test
    void theReporterAttachesAScreenshotKeptByteForByteEncryptedAndGoneWithTheErasedCase() throws Exception {
        String id = handledCase();
        String marker = "EVIDENCE-" + UUID.randomUUID();
        byte[] page = ("<html><body><p>" + marker + ": the post as it stood</p></body></html>").getBytes(StandardCharsets.UTF_8);
        Instant before = Instant.now().minusMillis(1);

        ResponseEntity<JsonNode> answer = upload("teacher", id, "saved-post.html", MediaType.TEXT_HTML, page,
                "The post before it was removed");

        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(page));
        assertThat(answer.getBody().path("sha256").asText()).isEqualTo(sha256);
        Instant receivedAt = Instant.parse(answer.getBody().path("receivedAt").asText());
        assertThat(receivedAt).isAfter(before).isBeforeOrEqualTo(Instant.now());
        UUID evidenceId = UUID.fromString(answer.getBody().path("evidenceId").asText());
        assertThat(answer.getHeaders().getLocation().toString()).endsWith("/api/incidents/" + id + "/evidence/" + evidenceId);

        EvidenceStore.Evidence kept = evidence.read(IncidentId.of(id), evidenceId).orElseThrow();
        assertThat(kept.content()).isEqualTo(page);
        assertThat(kept.stored().sha256()).isEqualTo(sha256);
        assertThat(kept.stored().mediaType()).isEqualTo("text/html");
        assertThat(lastEvent(id)).isEqualTo(new EvidenceAttached(IncidentId.of(id), evidenceId, sha256, receivedAt,
                page.length, "text/html", "saved-post.html", "The post before it was removed"));
        assertThat(RawDatabase.rowsContaining(dataSource, marker)).as("tables that read the file's text").isEmpty();

        post("board", "/api/incidents/" + id + "/closure", Map.of("outcome", "Settled."), HttpStatus.OK);
        post("board", "/api/incidents/" + id + "/erasure", Map.of("request", "AVG-2026-030", "ground",
                "NO_LONGER_NEEDED", "requestedBy", "BOARD"), HttpStatus.OK);

        assertThat(evidence.read(IncidentId.of(id), evidenceId)).as("the erased case's evidence").isEmpty();
        assertThat(evidence.listOf(IncidentId.of(id))).isEmpty();
        assertThat(count(id)).isZero();
        assertThat(RawDatabase.rowsContaining(dataSource, marker)).isEmpty();
    }

    @Test
    void wrongKindEmptyOrTooLargeFilesAndOutsidersAreRefusedAndNothingIsStored() {
        String id = handledCase();
        int events = eventsOf(id).size();

        JsonNode zip = refused(upload("teacher", id, "photos.zip", MediaType.parseMediaType("application/zip"),
                new byte[]{'P', 'K', 3, 4}, null), HttpStatus.BAD_REQUEST);
        assertThat(zip.path("field").asText()).isEqualTo("file");
        assertThat(zip.path("code").asText()).isEqualTo("evidence.file.type");
        assertThat(zip.path("detail").asText()).contains("PNG", "PDF").doesNotContain("Exception", "MultipartFile");

        JsonNode empty = refused(upload("teacher", id, "empty.png", MediaType.IMAGE_PNG, new byte[0], null),
                HttpStatus.BAD_REQUEST);
        assertThat(empty.path("field").asText()).isEqualTo("file");

        JsonNode large = refused(upload("teacher", id, "large.png", MediaType.IMAGE_PNG, new byte[64 * 1024 + 1], null),
                HttpStatus.BAD_REQUEST);
        assertThat(large.path("field").asText()).isEqualTo("file");
        assertThat(large.path("detail").asText()).contains("64 KB");

        JsonNode huge = refused(upload("teacher", id, "huge.png", MediaType.IMAGE_PNG, new byte[200 * 1024], null),
                HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(huge.path("field").asText()).isEqualTo("file");

        // A teacher of the other school, and the communications department: neither reported nor handles the case.
        assertThat(refused(upload("teacher2", id, "shot.png", MediaType.IMAGE_PNG, png(), null), HttpStatus.FORBIDDEN)
                .path("code").asText()).isEqualTo("policy.evidence");
        refused(upload("comms", id, "shot.png", MediaType.IMAGE_PNG, png(), null), HttpStatus.FORBIDDEN);

        assertThat(count(id)).as("stored files").isZero();
        assertThat(eventsOf(id)).as("the case's events").hasSize(events);

        assertThat(upload("manager", id, "shot.png", MediaType.IMAGE_PNG, png(), null).getStatusCode())
                .as("the case's manager").isEqualTo(HttpStatus.CREATED);
        assertThat(count(id)).isOne();
        if (TestStore.onPostgres()) {
            // Never altered: the database itself refuses, whatever the code; only the erasure deletes.
            assertThatThrownBy(() -> jdbc.sql("UPDATE evidence SET content = ? WHERE incident_id = ?")
                    .params(new byte[]{1, 2, 3}, id).update()).rootCause().hasMessageContaining("never altered");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM evidence WHERE incident_id = ?").param(id).update())
                    .rootCause().hasMessageContaining("never altered");
            assertThat(count(id)).isOne();
        }
    }

    /** A small PNG: its signature and a few bytes. */
    private static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    }

    private long count(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence WHERE incident_id = ?").param(id).query(Long.class).single();
    }

    private ResponseEntity<JsonNode> upload(String user, String id, String fileName, MediaType type, byte[] content,
                                            String description) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(type);
        part.setContentDispositionFormData("file", fileName);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, part));
        if (description != null) {
            form.add("description", description);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth(user, "demo");
        return http.postForEntity("/api/incidents/" + id + "/evidence", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static JsonNode refused(ResponseEntity<JsonNode> answer, HttpStatus expected) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(expected);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return answer.getBody();
    }

    /** A case of school-1 reported by the teacher, escalated to the manager by the system and acknowledged. */
    private String handledCase() {
        JsonNode reported = post("teacher", "/api/incidents", Map.of("schoolId", "school-1", "platform", "TIKTOK",
                "location", "https://www.tiktok.com/@x/video/1", "summary", "A video mocks a teacher.", "stage", "DERAILED",
                "harms", List.of("BULLYING"), "severity", "LOW", "involvedParties", List.of(
                        Map.of("personId", "llnr-e1", "role", "PUPIL", "part", "AUTHOR"),
                        Map.of("personId", "llnr-e2", "role", "PUPIL", "part", "TARGET")),
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

    private IncidentEvent lastEvent(String id) {
        List<IncidentEvent> events = eventsOf(id);
        return events.get(events.size() - 1);
    }

    private JsonNode post(String user, String path, Object body, HttpStatus expected) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").postForEntity(path, body, JsonNode.class);
        assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(expected);
        return answer.getBody();
    }
}
