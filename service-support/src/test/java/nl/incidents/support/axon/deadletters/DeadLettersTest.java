package nl.incidents.support.axon.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.incidents.support.axon.deadletters.DeadLetterTestApplication.CaseOpened;
import nl.incidents.support.axon.deadletters.DeadLetterTestApplication.CaseSaga;
import nl.incidents.support.axon.deadletters.DeadLetterTestApplication.MeasureTaken;
import nl.incidents.support.axon.deadletters.DeadLetterTestApplication.NoteTaken;
import nl.incidents.support.testing.Scrape;
import nl.incidents.support.testing.TestStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One bad event stops nothing but its own case: an event a projection refuses, or whose payload cannot be
 * read, is parked with every later event of its case, every other case is projected and escalated, health
 * and the metric show what is parked, and the board retries it once the cause is fixed. The same for the
 * saga's processor. On the real store (H2 file, or PostgreSQL in the build's second run).
 */
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = DeadLetterTestApplication.class,
        properties = {"spring.config.import=classpath:dead-letter-test.yml", "spring.application.name=dead-letter-test",
                "spring.flyway.locations=classpath:db/eventstore/{vendor},classpath:db/deadletter-test/{vendor}",
                "incidents.axon.token-table=test_token_entry", "incidents.axon.dead-letter-table=test_dead_letter_entry",
                "incidents.api.title=Dead letter test", "incidents.api.version=0"})
@ActiveProfiles(resolver = TestStore.Profiles.class)
@AutoConfigureObservability
class DeadLettersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "dead_letters");
    }

    @Autowired
    EventStore events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    void aMeasureForACaseNeverSeenParksThatCaseAndTheNextCaseIsProjected() {
        String refused = id();
        String next = id();
        publish(refused, 0, new MeasureTaken(refused));
        publish(refused, 1, new MeasureTaken(refused));
        publish(next, 0, new CaseOpened(next));
        publish(next, 1, new MeasureTaken(next));

        await().atMost(PATIENCE).until(() -> Integer.valueOf(1).equals(measures(next)) && parkedCases("cases").contains(refused));
        assertThat(parkedEvents("cases", refused)).as("the refused event and the one after it").hasSize(2);
        // Health is checked in the background once a second: it shows the parked case within moments.
        await().atMost(PATIENCE).until(() -> health().path("components").path("deadLetters").path("details")
                .path("cases").path("cases").toString().contains(refused));
        assertThat(health().path("status").asText()).isEqualTo("DEGRADED");
        assertThat(health().path("components").path("deadLetters").path("status").asText()).isEqualTo("DEGRADED");
        assertThat(scrape().value("incidents_dead_letters", "processingGroup=cases")).isGreaterThanOrEqualTo(2);
        assertThat(board().postForEntity("/actuator/deadletters", Map.of(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(measures(refused)).as("a retry before the fix changes nothing").isNull();

        // The fix: the case the measures belong to is there now. The board retries; the case catches up in order.
        jdbc.sql("INSERT INTO test_case (case_id, measures) VALUES (?, 0)").param(refused).update();
        assertThat(http.withBasicAuth("manager", "demo").postForEntity("/actuator/deadletters",
                Map.of("processingGroup", "cases"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> retried = board().postForEntity("/actuator/deadletters",
                Map.of("processingGroup", "cases", "caseId", refused), JsonNode.class);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().path("cases").path("cleared").asLong()).isEqualTo(1);

        assertThat(measures(refused)).isEqualTo(2);
        assertThat(parkedCases("cases")).doesNotContain(refused);
        // Later events of the case flow again once it is no longer parked.
        publish(refused, 2, new MeasureTaken(refused));
        await().atMost(PATIENCE).until(() -> Integer.valueOf(3).equals(measures(refused)));
    }

    @Test
    void theSagaParksTheCaseItRefusesEscalatesTheOthersAndCatchesUpAfterTheFix() {
        String refused = id();
        String next = id();
        CaseSaga.REFUSED.add(refused);
        publish(refused, 0, new CaseOpened(refused));
        publish(next, 0, new CaseOpened(next));

        await().atMost(PATIENCE).until(() -> escalated(next) && parkedCases("CaseSagaProcessor").contains(refused));
        assertThat(escalated(refused)).as("what the failed handler wrote is rolled back").isFalse();

        CaseSaga.REFUSED.remove(refused);
        ResponseEntity<JsonNode> retried = board().postForEntity("/actuator/deadletters",
                Map.of("processingGroup", "CaseSagaProcessor"), JsonNode.class);
        assertThat(retried.getBody().path("CaseSagaProcessor").path("cleared").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(escalated(refused)).isTrue();
        assertThat(parkedCases("CaseSagaProcessor")).doesNotContain(refused);
    }

    @Test
    void anEventWhosePayloadCannotBeReadStopsOnlyItsOwnCase() {
        String unreadable = id();
        String next = id();
        jdbc.sql("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'Case', ?, ?, ?, NULL, ?, ?)""")
                .params(unreadable, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                        "{\"caseId\": ".getBytes(StandardCharsets.UTF_8), CaseOpened.class.getName(), Instant.now().toString())
                .update();
        publish(next, 0, new CaseOpened(next));

        await().atMost(PATIENCE).until(() -> escalated(next) && measures(next) != null
                && parkedCases("CaseSagaProcessor").contains(unreadable) && parkedCases("cases").contains(unreadable));
        ResponseEntity<JsonNode> retried = board().postForEntity("/actuator/deadletters", Map.of("caseId", unreadable),
                JsonNode.class);
        assertThat(retried.getBody().path("cases").path("cleared").asLong()).isZero();
        assertThat(parkedCases("cases")).as("still unreadable: still parked").contains(unreadable);
    }

    @Test
    void aWriteDeferredToTheBatchThatFailsAtCommitParksOnlyTheEventThatAskedForIt() {
        String refused = id();
        String next = id();
        publish(refused, 0, new NoteTaken(refused, "far longer than the column allows"));
        publish(next, 0, new NoteTaken(next, "short"));

        await().atMost(PATIENCE).until(() -> "short".equals(note(next)) && parkedCases("cases").contains(refused));
        assertThat(parkedEvents("cases", refused)).as("the event whose write failed, alone").hasSize(1);
        assertThat(note(refused)).isNull();
    }

    private String note(String caseId) {
        return jdbc.sql("SELECT note FROM test_note WHERE case_id = ?").param(caseId).query(String.class).optional()
                .orElse(null);
    }

    private void publish(String caseId, long sequence, Object payload) {
        events.publish(new GenericDomainEventMessage<>("Case", caseId, sequence, payload));
    }

    private Integer measures(String caseId) {
        return jdbc.sql("SELECT measures FROM test_case WHERE case_id = ?").param(caseId).query(Integer.class)
                .optional().orElse(null);
    }

    private boolean escalated(String caseId) {
        return jdbc.sql("SELECT count(*) FROM test_case_escalated WHERE case_id = ?").param(caseId)
                .query(Long.class).single() > 0;
    }

    private List<String> parkedCases(String group) {
        JsonNode parked = board().getForEntity("/actuator/deadletters", JsonNode.class).getBody().path(group);
        return iterable(parked.fieldNames());
    }

    private JsonNode parkedEvents(String group, String caseId) {
        return board().getForEntity("/actuator/deadletters", JsonNode.class).getBody().path(group).path(caseId);
    }

    private JsonNode health() {
        return board().getForEntity("/actuator/health", JsonNode.class).getBody();
    }

    private Scrape scrape() {
        return new Scrape(http.getForEntity("/actuator/prometheus", String.class).getBody());
    }

    private TestRestTemplate board() {
        return http.withBasicAuth("board", "demo");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
