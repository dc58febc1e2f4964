package nl.incidents.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.incidents.support.testing.Scrape;
import nl.incidents.support.testing.TestStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command API in the real application context on a store of its own (an embedded H2 file, or a fresh
 * PostgreSQL database in the build's PostgreSQL run): answers and what is stored.
 */
// The metrics exporters are off in tests unless asked for: these tests read /actuator/prometheus.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
class CommandApiTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "command-api");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    DataSource dataSource;

    @Test
    void aReportIsStoredOnceAndEscalatedToTheSchoolsManager() {
        String id = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> first = post("teacher", "/api/incidents", report(id, "school-1"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getLocation()).hasToString("http://localhost:8082/api/incidents/" + id);

        ResponseEntity<JsonNode> again = post("teacher", "/api/incidents", report(id, "school-1"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("incidentId").asText()).isEqualTo(id);

        Map<String, Object> other = report(id, "school-1");
        other.put("severity", "LOW");
        assertProblem(post("teacher", "/api/incidents", other), HttpStatus.CONFLICT, null, "report.other-content");

        // Reported with the policy's terms and the deadline to notify the communications department (no harm that may
        // be criminal); escalated in the same unit of work, with the manager's deadline to acknowledge: stored by the
        // time the report is answered.
        assertThat(events(id)).containsExactly("DerailingDiscussionReported", "EscalationPolicyRecorded", "DeadlineSet",
                "IncidentEscalated", "DeadlineSet");
    }

    /**
     * The history names who did what: the report and its own deadlines the teacher (the actor id is stored encrypted,
     * the role in the clear), the escalation and its deadline the system, for the report, as when the saga sent it.
     */
    @Test
    void theReportIsEscalatedByTheSystemInItsOwnUnitOfWork() {
        String id = UUID.randomUUID().toString();
        assertThat(post("teacher", "/api/incidents", report(id, "school-1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        List<? extends org.axonframework.eventhandling.DomainEventMessage<?>> stored = eventStore.readEvents(id).asStream().toList();
        assertThat(stored).hasSize(5);
        Map<String, Object> report = Map.copyOf(stored.get(0).getMetaData());
        assertThat(report).containsEntry("actorRole", "STAFF").containsEntry("escalatedOnReport", "true")
                .doesNotContainKey("cause");
        assertThat((String) report.get("actorId")).isNotEqualTo("system");
        assertThat(Map.<String, Object>copyOf(stored.get(2).getMetaData())).containsEntry("actorRole", "STAFF").doesNotContainKey("cause");
        for (int i : new int[] {3, 4}) {
            assertThat(Map.<String, Object>copyOf(stored.get(i).getMetaData())).as(stored.get(i).getPayloadType().getSimpleName())
                    .containsEntry("actorId", "system").containsEntry("actorRole", "SYSTEM").containsEntry("cause", "report")
                    .containsEntry("correlationId", report.get("correlationId"));
        }
        assertThat(stored.get(3).getPayload()).isEqualTo(new nl.incidents.kernel.incident.IncidentEscalated(
                nl.incidents.kernel.incident.IncidentId.of(id),
                nl.incidents.kernel.incident.Assignee.manager(new nl.incidents.kernel.incident.PersonId("manager")),
                nl.incidents.kernel.protocol.Escalations.REPORTED));
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> noSummary = report(id, "school-1");
        noSummary.remove("summary");
        assertProblem(post("teacher", "/api/incidents", noSummary), HttpStatus.BAD_REQUEST, "summary", "field.required");

        Map<String, Object> badLink = report(id, "school-1");
        badLink.put("location", "not a link");
        assertProblem(post("teacher", "/api/incidents", badLink), HttpStatus.BAD_REQUEST, "location", "field.format");

        Map<String, Object> badHarm = report(id, "school-1");
        badHarm.put("harms", List.of("GOSSIP"));
        assertProblem(post("teacher", "/api/incidents", badHarm), HttpStatus.BAD_REQUEST, "harms[0]", "field.invalid");

        Map<String, Object> future = report(id, "school-1");
        future.put("observedAt", Instant.now().plusSeconds(3600).toString());
        assertProblem(post("teacher", "/api/incidents", future), HttpStatus.BAD_REQUEST, "observedAt", "field.time");

        assertProblem(post("teacher", "/api/incidents", report(id, "school-9")), HttpStatus.BAD_REQUEST, "schoolId", "report.school.unknown");

        Map<String, Object> oddPerson = report(id, "school-1");
        oddPerson.put("involvedParties", List.of(Map.of("personId", "pupil/../1", "role", "PUPIL", "part", "AUTHOR")));
        assertProblem(post("teacher", "/api/incidents", oddPerson), HttpStatus.BAD_REQUEST, "involvedParties[0].personId", "field.format");
        assertProblem(post("teacher", "/api/incidents", "{not json"), HttpStatus.BAD_REQUEST, null, "body.invalid");
        assertProblem(post("teacher", "/api/incidents/not-a-uuid/closure", Map.of("outcome", "x")),
                HttpStatus.BAD_REQUEST, "id", "field.invalid");

        assertThat(events(id)).isEmpty();
    }

    @Test
    void rolesAndStatesAreEnforced() {
        String id = UUID.randomUUID().toString();
        assertProblem(post("teacher2", "/api/incidents", report(id, "school-1")), HttpStatus.FORBIDDEN, null, "policy.own-school");
        assertThat(events(id)).isEmpty();

        assertThat(post("teacher", "/api/incidents", report(id, "school-1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(events(id)).hasSize(5);
        assertProblem(post("manager", "/api/incidents/" + id + "/closure", Map.of("outcome", "x")), HttpStatus.CONFLICT, null,
                "state.awaiting-acknowledgement");
        assertProblem(post("manager2", "/api/incidents/" + id + "/acknowledgements", Map.of()), HttpStatus.FORBIDDEN, null,
                "policy.holder-acknowledges");
        assertProblem(post("manager", "/api/incidents/" + UUID.randomUUID() + "/acknowledgements", Map.of()),
                HttpStatus.NOT_FOUND, null, "case.unknown");
        assertThat(events(id)).hasSize(5);
    }

    @Test
    void signingInIsRequiredButDocumentationAndHealthAreOpen() {
        ResponseEntity<String> anonymous = http.exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>("{}", json()), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("teacher", "wrong").exchange("/api/incidents", HttpMethod.POST,
                new HttpEntity<>("{}", json()), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> docs = http.getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody().path("paths").has("/api/incidents/{id}/measures")).isTrue();
    }

    @Test
    void aSecondAppendAtTheSameSequenceIsAConflictNotAStorageFailure() {
        String id = UUID.randomUUID().toString();
        assertThat(post("teacher", "/api/incidents", report(id, "school-1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(events(id)).hasSize(5);
        // What a command that lost the race for the aggregate meets: its event's sequence number is taken.
        Object event = eventStore.readEvents(id).next().getPayload();
        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("Incident", id, 1, event)))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("Incident", id, 0, event)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(events(id)).hasSize(5);
    }

    @Test
    void eventsTokensAndSagasAreStoredInTheirRowsNeverAsLargeObjects() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(post("teacher", "/api/incidents", report(id, "school-1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(events(id)).hasSize(5);
        TestStore.assertBinaryColumnsInline(dataSource, "domain_event_entry.payload", "domain_event_entry.meta_data",
                "snapshot_event_entry.payload", "snapshot_event_entry.meta_data", "command_token_entry.token",
                "sagaentry.serializedsaga", "scheduled_tasks.task_data", "command_dead_letter_entry.payload",
                "command_dead_letter_entry.meta_data", "command_dead_letter_entry.token",
                "command_dead_letter_entry.diagnostics");
    }

    @Test
    void theDomainMetricsCountACaseOnItsWay() {
        Scrape before = scrape();
        String id = UUID.randomUUID().toString();
        assertThat(post("teacher", "/api/incidents", report(id, "school-1")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        org.awaitility.Awaitility.await().until(() -> events(id).contains("IncidentEscalated"));
        String incident = "/api/incidents/" + id;
        assertThat(post("manager", incident + "/acknowledgements", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("manager", incident + "/communications-notifications", Map.of("message", "FYI"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("manager", incident + "/escalations", Map.of("reason", "For the board")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post("board", incident + "/acknowledgements", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        Scrape after = scrape();

        // One report with two harms counts once per harm; then the escalations, acknowledgements and notification.
        for (String harm : List.of("BULLYING", "INSULTING")) {
            assertThat(after.value("incidents_reported_total", "severity=MEDIUM", "harm=" + harm)
                    - before.value("incidents_reported_total", "severity=MEDIUM", "harm=" + harm)).isEqualTo(1);
        }
        for (String level : List.of("MANAGER", "BOARD")) {
            assertThat(after.value("incidents_escalations_total", "level=" + level)
                    - before.value("incidents_escalations_total", "level=" + level)).isEqualTo(1);
            assertThat(after.value("incidents_time_to_acknowledgement_seconds_count", "level=" + level)
                    - before.value("incidents_time_to_acknowledgement_seconds_count", "level=" + level)).isEqualTo(1);
        }
        assertThat(after.value("incidents_time_to_communications_notified_seconds_count")
                - before.value("incidents_time_to_communications_notified_seconds_count")).isEqualTo(1);
        assertThat(after.value("incidents_time_to_communications_notified_seconds_bucket", "le=300.0")
                - before.value("incidents_time_to_communications_notified_seconds_bucket", "le=300.0"))
                .as("notified within five minutes of the report").isEqualTo(1);
        // Axon's own, dimensional: command handling and the event processors' lag.
        assertThat(after.value("commandBus_allTimer_seconds_count", "payloadType=AcknowledgeEscalation")).isGreaterThan(0);
        assertThat(after.has("eventProcessor_latency")).isTrue();
        assertThat(after.value("eventStore_ingestedCounter_total") - before.value("eventStore_ingestedCounter_total"))
                .as("every event of the case counted as stored").isGreaterThanOrEqualTo(events(id).size());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                scrape().value("eventProcessor_processedCounter_total", "processorName=ledgers")
                        - before.value("eventProcessor_processedCounter_total", "processorName=ledgers"))
                .as("the ledgers' processor counts the case's events it handled").isPositive());
        assertThat(after.value("incidents_reported_total", "application=command-service", "harm=BULLYING")).isGreaterThan(0);
    }

    @Test
    void readinessSaysTheDatabaseAndEventStoreAnswerAndHealthShowsTheProcessors() {
        ResponseEntity<JsonNode> readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody().path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.getBody().path("components").path("eventStore").path("status").asText()).isEqualTo("UP");
        assertThat(readiness.getBody().path("components").has("eventProcessors")).isFalse();
        JsonNode health = http.getForEntity("/actuator/health", JsonNode.class).getBody();
        assertThat(health.path("components").path("eventProcessors").path("status").asText()).isEqualTo("UP");
    }

    private Scrape scrape() {
        ResponseEntity<String> response = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return new Scrape(response.getBody());
    }

    private List<String> events(String id) {
        return eventStore.readEvents(id).asStream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, json()), JsonNode.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /** A problem with the status, the field at fault (null: not checked) and the refusal's code, beside its detail. */
    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String field, String code) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().path("detail").asText()).isNotBlank();
        assertThat(response.getBody().path("code").asText()).as("code in %s", response.getBody()).isEqualTo(code);
        if (field != null) {
            assertThat(response.getBody().path("field").asText()).isEqualTo(field);
        }
    }

    static Map<String, Object> report(String id, String school) {
        Map<String, Object> report = new HashMap<>();
        report.put("incidentId", id);
        report.put("schoolId", school);
        report.put("platform", "WHATSAPP_GROUP");
        report.put("location", "https://chat.whatsapp.com/invite/abc");
        report.put("summary", "Pupils insult a classmate in the class group");
        report.put("stage", "THREATENING");
        report.put("harms", List.of("BULLYING", "INSULTING"));
        report.put("severity", "MEDIUM");
        report.put("involvedParties", List.of(Map.of("personId", "pupil-1", "role", "PUPIL", "part", "AUTHOR")));
        report.put("observedAt", "2026-11-01T10:00:00Z");
        return report;
    }
}
