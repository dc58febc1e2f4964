package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.incidents.e2e.Api.Response;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Takes one case through the whole protocol over HTTP, with both services running as separate
 * processes on one store, and restarts both halfway: nothing is lost and the case goes on. The store
 * is a fresh embedded H2 file; in the build's PostgreSQL run ({@code incidents.test.store=postgres}) the
 * postgres profile on a fresh PostgreSQL database that both processes share.
 */
@Tag("store")
class IncidentPathIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    // People of this run only: where the store outlives the run (Axon Server) their dossiers start empty.
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String pupilId = "pupil-7-" + run;
    private final String staffId = "staff-9-" + run;
    private final String parentId = "parent-3-" + run;

    private ServiceProcess commandService;
    private ServiceProcess queryService;
    protected Api commands;
    protected Api queries;
    private TestPostgres.Database database;

    @BeforeEach
    void start() throws Exception {
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(store());
        env.putAll(Map.of(
                "INCIDENTS_DEMO", "true",
                "COMMAND_SERVICE_PORT", String.valueOf(commandPort),
                "QUERY_SERVICE_PORT", String.valueOf(queryPort),
                "QUERY_SERVICE_URL", "http://localhost:" + queryPort));
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs", getClass().getSimpleName() + "-" + storeName()));
        commandService = new ServiceProcess("command-service", "commandServiceJar", commandPort, env, logs);
        queryService = new ServiceProcess("query-service", "queryServiceJar", queryPort, env, logs);
        startBoth();
        commands = new Api(commandService.baseUrl());
        queries = new Api(queryService.baseUrl());
    }

    private void startBoth() throws Exception {
        commandService.start();
        queryService.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (queryService != null) {
            queryService.stop();
        }
        if (commandService != null) {
            commandService.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    /** The store of this run, as the profile name the services start with. */
    protected String storeName() {
        return "postgres".equals(System.getProperty("incidents.test.store")) ? "postgres" : "embedded";
    }

    /** The environment that puts both processes on the same, fresh store. */
    protected Map<String, String> store() throws IOException {
        if (storeName().equals("postgres")) {
            return onPostgres("postgres");
        }
        return Map.of("INCIDENTS_DATA_DIR", Files.createTempDirectory("incidents-e2e").toString(),
                "INCIDENTS_H2_PORT", String.valueOf(ServiceProcess.freePort()));
    }

    /** A fresh PostgreSQL database of the test server for both processes, with the given Spring profile. */
    protected final Map<String, String> onPostgres(String profile) {
        database = TestPostgres.create("e2e_" + profile);
        return Map.of(
                "SPRING_PROFILES_ACTIVE", profile,
                // The production profiles require the board's provider; these tests sign in with the demo's passwords.
                "INCIDENTS_OIDC_ISSUER", TestTokens.shared().issuer(),
                // ...and the master key of personal data.
                "INCIDENTS_MASTER_KEY", TestStore.MASTER_KEY,
                "SPRING_DATASOURCE_URL", database.url(),
                // Empty means none: the url's own user and password, if any, then apply.
                "SPRING_DATASOURCE_USERNAME", database.user() == null ? "" : database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
    }

    @Test
    void aCaseGoesThroughTheWholeProtocolAndSurvivesARestart() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, Object> report = report(id);

        // The teacher reports; sending the same report again changes nothing, other content under the same id is refused.
        Response created = commands.post("teacher", "/api/incidents", report);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("incidentId").asText()).isEqualTo(id);
        assertThat(created.location()).endsWith("/api/incidents/" + id);
        assertThat(commands.post("teacher", "/api/incidents", report).status()).isEqualTo(200);
        Map<String, Object> altered = new java.util.HashMap<>(report);
        altered.put("summary", "Something else entirely");
        assertProblem(commands.post("teacher", "/api/incidents", altered), 409, null);

        // It is escalated to the school's manager without anyone asking.
        JsonNode listed = awaitQuery("board", "/api/incidents",
                list -> find(list, id) != null && find(list, id).path("assignee").path("personId").asText().equals("manager"));
        JsonNode summary = find(listed, id);
        assertThat(summary.path("status").asText()).isEqualTo("ESCALATED");
        assertThat(summary.path("schoolId").asText()).isEqualTo("school-1");
        assertThat(summary.path("severity").asText()).isEqualTo("HIGH");
        OffsetDateTime reportedAt = OffsetDateTime.parse(summary.path("reportedAt").asText());
        assertThat(reportedAt.getOffset()).isEqualTo(ZoneId.of("Europe/Amsterdam").getRules().getOffset(reportedAt.toInstant()));
        assertThat(ids(queries.get("manager", "/api/incidents?school=school-1&status=ESCALATED&size=10").body())).contains(id);
        assertThat(ids(queries.get("teacher", "/api/incidents").body())).contains(id);
        assertThat(ids(queries.get("teacher2", "/api/incidents").body())).doesNotContain(id);
        assertThat(ids(queries.get("manager2", "/api/incidents").body())).doesNotContain(id);

        // The manager reads what is due first: their acknowledgement; the reporter reads no deadlines.
        JsonNode due = awaitQuery("manager", "/api/incidents/" + id, d -> d.path("deadlines").size() == 3);
        assertThat(due.path("deadlines").get(0).path("step").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(due.path("deadlines").get(0).path("assignee").path("personId").asText()).isEqualTo("manager");
        assertThat(Instant.parse(due.path("deadlines").get(0).path("dueAt").asText())).isAfter(Instant.now());
        assertThat(due.path("terms").path("clock").asText()).isEqualTo("SCHOOL_TIME");
        assertThat(find(queries.get("manager", "/api/incidents").body(), id).path("nextDue").path("step").asText())
                .isEqualTo("ACKNOWLEDGE");
        assertThat(queries.get("teacher", "/api/incidents/" + id).body().has("deadlines")).isFalse();

        // Only the assignee acknowledges; a case waiting for that cannot be closed.
        assertProblem(commands.post("teacher", "/api/incidents/" + id + "/acknowledgements", Map.of()), 403, null);
        assertProblem(commands.post("manager2", "/api/incidents/" + id + "/acknowledgements", Map.of()), 403, null);
        assertProblem(commands.post("manager", "/api/incidents/" + id + "/closure", Map.of("outcome", "done")), 409, null);
        assertThat(commands.post("manager", "/api/incidents/" + id + "/acknowledgements", Map.of("note", "Seen, calling now"))
                .status()).isEqualTo(200);
        assertThat(commands.post("manager", "/api/incidents/" + id + "/strategy", Map.of(
                "elements", List.of("NO_ONLINE_REACTION", "CONVERSATION_IN_PERSON"),
                "description", "No reaction online; invite the parent for a talk")).status()).isEqualTo(200);
        assertThat(commands.post("manager", "/api/incidents/" + id + "/communications-notifications",
                Map.of("message", "Parent threatens a teacher on Facebook")).status()).isEqualTo(200);
        assertThat(ids(awaitQuery("comms", "/api/incidents", list -> ids(list).contains(id)))).contains(id);

        // Bad input is refused with the field at fault.
        assertProblem(commands.post("manager", "/api/incidents/" + id + "/measures",
                Map.of("personId", pupilId, "measure", "DETENTION", "reason", "x")), 400, "measure");
        assertProblem(commands.post("manager", "/api/incidents/" + id + "/measures",
                Map.of("personId", "nobody", "measure", "WARNING", "reason", "x")), 400, "personId");
        assertProblem(commands.post("manager", "/api/incidents/" + UUID.randomUUID() + "/closure",
                Map.of("outcome", "x")), 404, null);
        assertProblem(queries.get("board", "/api/incidents/" + UUID.randomUUID()), 404, null);

        JsonNode dossierBefore = awaitQuery("board", "/api/incidents/" + id,
                d -> d.path("communicationsNotifications").size() == 1);
        JsonNode historyBefore = queries.get("board", "/api/incidents/" + id + "/history").body();
        assertThat(historyBefore).hasSize(9);

        // The query service first: the command service owns the embedded database.
        queryService.stop();
        commandService.stop();
        startBoth();

        assertThat(queries.get("board", "/api/incidents/" + id).body()).isEqualTo(dossierBefore);
        assertThat(queries.get("board", "/api/incidents/" + id + "/history").body()).isEqualTo(historyBefore);

        // The case goes on: up to the board, which reports to the police and the inspector and imposes heavy measures.
        assertThat(commands.post("manager", "/api/incidents/" + id + "/escalations",
                Map.of("reason", "Threats against a teacher: the board decides")).status()).isEqualTo(200);
        assertThat(commands.post("board", "/api/incidents/" + id + "/acknowledgements", Map.of()).status()).isEqualTo(200);
        // The strategy agreed before the case went up still stands.
        awaitQuery("board", "/api/incidents/" + id, d -> d.path("escalation").path("acknowledgedBy").path("id").asText()
                .equals("board") && d.path("status").asText().equals("STRATEGY_AGREED"));
        assertProblem(commands.post("manager", "/api/incidents/" + id + "/police-reports",
                Map.of("offence", "threat")), 403, null);
        assertThat(commands.post("board", "/api/incidents/" + id + "/police-reports",
                Map.of("offence", "Threat (art. 285 Sr)", "policeReference", "PL0900-2026-1234")).status()).isEqualTo(200);
        assertThat(commands.post("board", "/api/incidents/" + id + "/inspector-reports",
                Map.of("personId", staffId, "summary", "Staff member argued with the parent in the group")).status())
                .isEqualTo(200);
        assertProblem(commands.post("manager", "/api/incidents/" + id + "/measures",
                Map.of("personId", pupilId, "measure", "SUSPENSION", "reason", "x")), 403, null);
        assertThat(commands.post("board", "/api/incidents/" + id + "/measures",
                Map.of("personId", pupilId, "measure", "SUSPENSION", "reason", "Shared the threat")).status())
                .isEqualTo(200);
        assertThat(commands.post("manager", "/api/incidents/" + id + "/measures",
                Map.of("personId", staffId, "measure", "WARNING", "reason", "Argued online")).status())
                .isEqualTo(200);
        assertThat(commands.post("manager", "/api/incidents/" + id + "/correspondence",
                Map.of("personId", pupilId, "summary", "Letter to the parents about the suspension")).status())
                .isEqualTo(200);
        assertThat(commands.post("board", "/api/incidents/" + id + "/closure",
                Map.of("outcome", "Posts removed, complaint filed, measures taken")).status()).isEqualTo(200);
        assertProblem(commands.post("board", "/api/incidents/" + id + "/measures",
                Map.of("personId", pupilId, "measure", "REMOVAL", "reason", "x")), 409, null);

        JsonNode dossier = awaitQuery("board", "/api/incidents/" + id, d -> d.path("status").asText().equals("CLOSED"));
        assertThat(dossier.path("report").path("reportedBy").asText()).isEqualTo("teacher");
        assertThat(dossier.path("escalation").path("assignee").path("level").asText()).isEqualTo("BOARD");
        assertThat(dossier.path("escalations")).hasSize(2);
        assertThat(dossier.path("strategy").path("agreedWith").asText()).isEqualTo("teacher");
        assertThat(dossier.path("policeReports").get(0).path("reference").asText()).isEqualTo("PL0900-2026-1234");
        assertThat(dossier.path("inspectorReports").get(0).path("personId").asText()).isEqualTo(staffId);
        assertThat(dossier.path("measures")).hasSize(2);
        assertThat(dossier.path("correspondence")).hasSize(1);
        assertThat(dossier.path("closure").path("text").asText()).startsWith("Posts removed");
        assertThat(dossier.path("deadlines")).isEmpty();
        assertThat(dossier.path("lateSteps")).isEmpty();
        assertThat(dossier.path("timeline")).hasSize(18);

        JsonNode history = queries.get("board", "/api/incidents/" + id + "/history").body();
        List<String> types = new ArrayList<>();
        history.forEach(e -> types.add(e.path("type").asText()));
        // The report brings the case's terms and its first deadlines; each escalation a deadline to acknowledge.
        assertThat(types).containsExactly("DerailingDiscussionReported", "EscalationPolicyRecorded", "DeadlineSet",
                "DeadlineSet", "IncidentEscalated", "DeadlineSet", "EscalationAcknowledged", "ResponseStrategyAgreed",
                "CommunicationsDepartmentNotified", "IncidentEscalated", "DeadlineSet", "EscalationAcknowledged",
                "FiledWithPolice", "ReportedToConfidentialInspector", "MeasureImposed", "MeasureImposed",
                "CorrespondenceRecorded", "IncidentClosed");
        assertThat(history.get(0).path("actor").path("id").asText()).isEqualTo("teacher");
        assertThat(history.get(4).path("actor").path("role").asText()).isEqualTo("SYSTEM");
        assertThat(history.get(4).path("cause").asText()).isEqualTo("report");
        assertThat(history.get(12).path("actor").path("id").asText()).isEqualTo("board");
        assertProblem(queries.get("manager", "/api/incidents/" + id + "/history"), 403, null);

        JsonNode pupil = queries.get("board", "/api/people/" + pupilId + "/dossier").body();
        assertThat(pupil.path("kind").asText()).isEqualTo("PUPIL");
        assertThat(pupil.path("entries")).hasSize(2);
        assertThat(pupil.path("entries").get(0).path("measure").asText()).isEqualTo("SUSPENSION");
        assertThat(pupil.path("entries").get(0).path("incidentId").asText()).isEqualTo(id);
        JsonNode staff = queries.get("manager", "/api/people/" + staffId + "/dossier").body();
        assertThat(staff.path("kind").asText()).isEqualTo("PERSONNEL");
        assertThat(staff.path("entries").get(0).path("measure").asText()).isEqualTo("WARNING");
        assertProblem(queries.get("teacher", "/api/people/" + pupilId + "/dossier"), 403, null);
        assertProblem(queries.get("manager2", "/api/people/" + pupilId + "/dossier"), 404, null);
    }

    protected Map<String, Object> report(String id) {
        return Map.of(
                "incidentId", id,
                "schoolId", "school-1",
                "platform", "FACEBOOK",
                "location", "https://www.facebook.com/groups/ouders-de-esch/posts/1",
                "summary", "A parent threatens a teacher in the parents' group; others join in",
                "stage", "DERAILED",
                "harms", List.of("THREATENING", "INSULTING"),
                "severity", "HIGH",
                "involvedParties", List.of(
                        Map.of("personId", parentId, "role", "PARENT", "part", "AUTHOR"),
                        Map.of("personId", pupilId, "role", "PUPIL", "part", "AUTHOR"),
                        Map.of("personId", staffId, "role", "STAFF", "part", "BYSTANDER")),
                "observedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
    }

    protected JsonNode awaitQuery(String user, String path, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = queries.get(user, path);
            last[0] = response.body();
            return response.status() == 200 && condition.test(response.body());
        });
        return last[0];
    }

    /** A case on the first page of a case list (newest first: a case just reported is on it). */
    protected static JsonNode find(JsonNode page, String id) {
        for (JsonNode node : page.path("items")) {
            if (node.path("incidentId").asText().equals(id)) {
                return node;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(n -> ids.add(n.path("incidentId").asText()));
        return ids;
    }

    protected static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(response.body().path("field").asText()).isEqualTo(field);
        }
    }
}
