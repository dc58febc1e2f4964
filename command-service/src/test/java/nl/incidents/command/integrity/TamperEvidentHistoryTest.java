package nl.incidents.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.support.chain.HistoryChain;
import nl.incidents.support.chain.HistoryDigest;
import nl.incidents.support.testing.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tamper-evident history on a real store (embedded H2, or PostgreSQL in the build's PostgreSQL run): every
 * stored event carries its hash; a byte changed in a stored event or an event deleted in the database is found and
 * named through the API and by the command-line tool; the daily digest is written and shows a later rewrite; only
 * the board verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@ExtendWith(OutputCaptureExtension.class)
class TamperEvidentHistoryTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    /** The cases this class broke on purpose, so far (the methods run one after another on one store). */
    private static final Set<String> BROKEN = new LinkedHashSet<>();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "tamper-evident-history");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    IncidentCommands commands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    HistoryIntegrity integrity;

    @Test
    void everyStoredEventCarriesItsHashAndTheCaseVerifies() {
        String id = reportedCase();
        assertThat(jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(id).query(byte[].class).list())
                .hasSize(5)
                .allSatisfy(metaData -> assertThat(HistoryChain.readMetaData(metaData).hash()).isNotNull());

        JsonNode answer = get("board", "/api/integrity/cases/" + id);
        assertThat(answer.path("intact").asBoolean()).isTrue();
        assertThat(answer.path("events").asLong()).isEqualTo(5);
        assertThat(answer.path("head").asText()).matches("[0-9a-f]{64}");
        assertThat(answer.has("firstBreak")).isFalse();
    }

    @Test
    void oneByteChangedInAStoredPayloadIsFoundAndNamed() {
        String id = reportedCase();
        Row strategy = row(id, 1);
        byte[] payload = strategy.payload().clone();
        int at = new String(payload, StandardCharsets.ISO_8859_1).indexOf("\"clock\"");
        assertThat(at).as("a field of the stored payload").isPositive();
        payload[at + 1] = (byte) 'C'; // "clock" becomes "Clock": one byte
        update(strategy.eventId(), payload);
        BROKEN.add(id);

        JsonNode answer = get("board", "/api/integrity/cases/" + id);
        assertThat(answer.path("intact").asBoolean()).isFalse();
        assertThat(answer.path("firstBreak").path("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(answer.path("firstBreak").path("eventId").asText()).isEqualTo(strategy.eventId());
        assertThat(answer.path("firstBreak").path("type").asText()).isEqualTo("EscalationPolicyRecorded");
        assertThat(answer.path("firstBreak").path("kind").asText()).isEqualTo("CHANGED");
    }

    @Test
    void aChangeThatReadsTheSameIsFoundToo() {
        // A space after the opening brace: the event deserializes as before, so only the stored bytes show it.
        String id = reportedCase();
        Row report = row(id, 0);
        byte[] spaced = new byte[report.payload().length + 1];
        spaced[0] = report.payload()[0];
        spaced[1] = ' ';
        System.arraycopy(report.payload(), 1, spaced, 2, report.payload().length - 1);
        update(report.eventId(), spaced);
        BROKEN.add(id);

        JsonNode answer = get("board", "/api/integrity/cases/" + id);
        assertThat(answer.path("firstBreak").path("sequenceNumber").asLong()).isZero();
        assertThat(answer.path("firstBreak").path("type").asText()).isEqualTo("DerailingDiscussionReported");
        assertThat(answer.path("firstBreak").path("kind").asText()).isEqualTo("CHANGED");
    }

    @Test
    void aCaseWhoseHashesWereAllTakenAwayDoesNotPassAsIntact() {
        String id = reportedCase();
        for (long sequenceNumber = 0; sequenceNumber < 5; sequenceNumber++) {
            String eventId = row(id, sequenceNumber).eventId();
            byte[] metaData = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE event_identifier = ?").param(eventId)
                    .query(byte[].class).single();
            String stripped = new String(metaData, StandardCharsets.UTF_8).replaceAll("\"chain\"\\s*:\\s*\"[0-9a-f]{64}\"\\s*,?", "")
                    .replace(",}", "}");
            assertThat(stripped).doesNotContain("\"chain\"");
            assertThat(jdbc.sql("UPDATE domain_event_entry SET meta_data = ? WHERE event_identifier = ?")
                    .param(stripped.getBytes(StandardCharsets.UTF_8)).param(eventId).update()).isEqualTo(1);
        }
        BROKEN.add(id);

        JsonNode answer = get("board", "/api/integrity/cases/" + id);
        assertThat(answer.path("intact").asBoolean()).isFalse();
        assertThat(answer.path("firstBreak").path("sequenceNumber").asLong()).isZero();
        assertThat(answer.path("firstBreak").path("kind").asText()).isEqualTo("HASH_MISSING");
    }

    @Test
    void aDeletedEventIsFound() {
        String id = reportedCase();
        Row deleted = row(id, 2);
        jdbc.sql("DELETE FROM domain_event_entry WHERE event_identifier = ?").param(deleted.eventId()).update();
        BROKEN.add(id);

        JsonNode answer = get("board", "/api/integrity/cases/" + id);
        assertThat(answer.path("intact").asBoolean()).isFalse();
        assertThat(answer.path("firstBreak").path("sequenceNumber").asLong()).isEqualTo(3);
        assertThat(answer.path("firstBreak").path("eventId").asText()).isEqualTo(row(id, 3).eventId());
        assertThat(answer.path("firstBreak").path("kind").asText()).isEqualTo("MISSING_OR_REORDERED");
    }

    @Test
    void theWholeStoreVerificationFindsTheOneBrokenCaseAmongSeveral() {
        List<String> intact = new ArrayList<>(List.of(reportedCase(), reportedCase(), reportedCase()));
        String broken = reportedCase();
        Row changed = row(broken, 4);
        byte[] payload = changed.payload().clone();
        payload[payload.length - 2] ^= 1;
        update(changed.eventId(), payload);
        BROKEN.add(broken);

        JsonNode answer = post("board", "/api/integrity/verify");
        assertThat(answer.path("cases").asLong()).isGreaterThanOrEqualTo(4);
        List<String> named = new ArrayList<>();
        answer.path("broken").forEach(c -> named.add(c.path("caseId").asText()));
        assertThat(named).containsExactlyInAnyOrderElementsOf(BROKEN).doesNotContainAnyElementsOf(intact);
        assertThat(answer.path("brokenCases").asLong()).isEqualTo(BROKEN.size());
        answer.path("broken").forEach(c -> {
            if (c.path("caseId").asText().equals(broken)) {
                assertThat(c.path("firstBreak").path("eventId").asText()).isEqualTo(changed.eventId());
            }
        });
        assertThat(answer.path("intact").asBoolean()).isFalse();
    }

    @Test
    void theCommandLineToolSaysIntactBrokenOrUnreadableByItsExitCode() {
        String intact = reportedCase();
        String broken = reportedCase();
        Row changed = row(broken, 3);
        byte[] payload = changed.payload().clone();
        payload[payload.length / 2] ^= 1;
        update(changed.eventId(), payload);
        BROKEN.add(broken);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(tool(out, "--case=" + intact)).isZero();
        assertThat(out.toString()).contains("Case " + intact + ": intact, 5 events");
        out.reset();
        assertThat(tool(out, "--case=" + broken)).isEqualTo(1);
        assertThat(out.toString()).contains("Case " + broken + ": BROKEN at event 4 (sequence number 3, " + changed.eventId());
        out.reset();
        assertThat(tool(out)).as("the whole store").isEqualTo(1);
        assertThat(out.toString()).contains("Case " + broken + ": BROKEN").doesNotContain("Case " + intact).contains("BROKEN\n");
        assertThat(tool(out, "--case=" + IncidentId.random())).as("no such case").isEqualTo(2);
        assertThat(HistoryVerificationTool.run(List.of("verify-history", "--url=jdbc:postgresql://127.0.0.1:1/none"), Map.of(),
                new PrintStream(out), new PrintStream(out))).as("no store").isEqualTo(2);
        assertThat(HistoryVerificationTool.run(List.of("verify-history", "--everything"), Map.of(),
                new PrintStream(out), new PrintStream(out))).as("a wrong argument").isEqualTo(2);
    }

    @Test
    void theDailyDigestIsKeptAndLoggedAndARewriteShowsInIt(CapturedOutput log) {
        String truncated = reportedCase();
        // Tomorrow's run digests today, with every event stored so far.
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        LocalDate today = LocalDate.now(HistoryIntegrity.ZONE);
        HistoryDigest digest = integrity.dailyDigest(tomorrow);

        assertThat(jdbc.sql("SELECT digest FROM history_digest WHERE digest_day = ?").param(today).query(String.class).single())
                .isEqualTo(digest.digest()).matches("[0-9a-f]{64}");
        assertThat(digest.chainedCases()).isPositive();
        assertThat(log.getOut()).contains("History digest of " + today).contains(digest.digest())
                .doesNotContain("A video mocks a teacher");

        // The case's last event removed: the chain before it still holds, but today's digest no longer does.
        jdbc.sql("DELETE FROM domain_event_entry WHERE event_identifier = ?").param(row(truncated, 4).eventId()).update();
        assertThat(get("board", "/api/integrity/cases/" + truncated).path("intact").asBoolean()).isTrue();
        JsonNode store = post("board", "/api/integrity/verify");
        assertThat(store.path("intact").asBoolean()).isFalse();
        assertThat(store.path("changedDays")).singleElement().satisfies(day -> {
            assertThat(day.path("day").asText()).isEqualTo(today.toString());
            assertThat(day.path("kept").asText()).isEqualTo(digest.digest());
        });
        assertThat(log.getOut()).contains("The history digest of " + today + " changed");
    }

    @Test
    void onlyTheBoardVerifies() {
        String id = reportedCase();
        ResponseEntity<JsonNode> manager = http.withBasicAuth("manager", "demo")
                .getForEntity("/api/integrity/cases/" + id, JsonNode.class);
        assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(manager.getBody().path("code").asText()).isEqualTo("integrity.board-only");
        ResponseEntity<JsonNode> teacher = http.withBasicAuth("teacher", "demo")
                .exchange("/api/integrity/verify", HttpMethod.POST, HttpEntity.EMPTY, JsonNode.class);
        assertThat(teacher.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/integrity/cases/" + id, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> unknown = http.withBasicAuth("board", "demo")
                .getForEntity("/api/integrity/cases/" + IncidentId.random(), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("code").asText()).isEqualTo("integrity.unknown-case");
    }

    /** A reported case, once the saga escalated it: five events. */
    private String reportedCase() {
        IncidentId id = IncidentId.random();
        commands.send(new ReportDerailingDiscussion(id, "school-1", Platform.TIKTOK, "https://www.tiktok.com/@x/video/1",
                "A video mocks a teacher.", Stage.DERAILED, Set.of(Harm.BULLYING), Severity.LOW, List.of(),
                Instant.now().minusSeconds(60)), TEACHER);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(id.toString())
                .query(Long.class).single() == 5);
        return id.toString();
    }

    private record Row(String eventId, byte[] payload) {
    }

    private Row row(String caseId, long sequenceNumber) {
        return jdbc.sql("SELECT event_identifier, payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")
                .param(caseId).param(sequenceNumber)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2))).single();
    }

    private void update(String eventId, byte[] payload) {
        assertThat(jdbc.sql("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?").param(payload).param(eventId)
                .update()).isEqualTo(1);
    }

    private int tool(ByteArrayOutputStream out, String... args) {
        List<String> all = new ArrayList<>(List.of("verify-history", "--url=" + dataSource.getJdbcUrl(),
                "--user=" + dataSource.getUsername(), "--password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword())));
        all.addAll(List.of(args));
        return HistoryVerificationTool.run(all, Map.of(), new PrintStream(out, true), new PrintStream(out, true));
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode post(String user, String path) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, HttpEntity.EMPTY, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
