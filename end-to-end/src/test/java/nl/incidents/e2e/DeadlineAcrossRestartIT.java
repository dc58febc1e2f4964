package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A deadline that falls due while the command service is down: when the service is back, the case
 * climbs to the board, exactly once, and the history says which deadline (or the sweep) did it.
 */
@Tag(TestStore.TAG)
class DeadlineAcrossRestartIT {

    /** A CRITICAL case counts the clock; the manager has this long to acknowledge. */
    private static final Duration ACKNOWLEDGE = Duration.ofSeconds(8);

    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private TestPostgres.Database database;

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

    /** A fresh store both processes share: an embedded H2 file, or a PostgreSQL database in the build's PostgreSQL run. */
    private Map<String, String> store() throws Exception {
        if (TestStore.onPostgres()) {
            database = TestPostgres.create("e2e_deadline");
            return Map.of(
                    "SPRING_PROFILES_ACTIVE", "postgres",
                    // The production profiles require the board's provider; these tests sign in with the demo's passwords.
                    "INCIDENTS_OIDC_ISSUER", TestTokens.shared().issuer(),
                    // ...and the master key of personal data.
                    "INCIDENTS_MASTER_KEY", TestStore.MASTER_KEY,
                    "SPRING_DATASOURCE_URL", database.url(),
                    "SPRING_DATASOURCE_USERNAME", database.user() == null ? "" : database.user(),
                    "SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
        }
        return Map.of("INCIDENTS_DATA_DIR", Files.createTempDirectory("incidents-deadline").toString(),
                "INCIDENTS_H2_PORT", String.valueOf(ServiceProcess.freePort()));
    }

    @Test
    void aDeadlineThatFellDueWhileTheServiceWasDownFiresOnceWhenItIsBack() throws Exception {
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        Map<String, String> env = new java.util.HashMap<>(store());
        env.putAll(Map.of(
                "INCIDENTS_DEMO", "true",
                "COMMAND_SERVICE_PORT", String.valueOf(commandPort),
                "QUERY_SERVICE_PORT", String.valueOf(queryPort),
                "SPRING_APPLICATION_JSON", """
                        {"incidents": {"escalation": {"timings": {"critical": {
                            "acknowledge": "%ds", "notify-communications": "1h", "police-decision": "1h",
                            "inspector-consultation": "1h", "reminder-interval": "1h"}}}}}
                        """.formatted(ACKNOWLEDGE.toSeconds())));
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs",
                getClass().getSimpleName() + "-" + (TestStore.onPostgres() ? "postgres" : "embedded")));
        commandService = new ServiceProcess("command-service", "commandServiceJar", commandPort, env, logs);
        queryService = new ServiceProcess("query-service", "queryServiceJar", queryPort, env, logs);
        commandService.start();
        queryService.start();
        Api commands = new Api(commandService.baseUrl());
        Api queries = new Api(queryService.baseUrl());

        String id = UUID.randomUUID().toString();
        assertThat(commands.post("teacher", "/api/incidents", report(id)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> types(queries, id).contains("IncidentEscalated"));
        Instant escalatedAt = Instant.now();

        // Down before the manager's deadline; back well after it.
        commandService.stop();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), escalatedAt.plus(ACKNOWLEDGE).plusSeconds(4)).toMillis()));
        assertThat(types(queries, id)).doesNotContain("StepOverdue");
        commandService.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> types(queries, id).contains("StepOverdue"));
        // Give a second firing (the deadline and the sweep both look) time to show, should there be one.
        Thread.sleep(5_000);
        JsonNode history = queries.get("board", "/api/incidents/" + id + "/history").body();
        // The manager's step, once; the board's own acknowledgement deadline (as short) may pass meanwhile.
        List<JsonNode> overdue = ofType(history, "StepOverdue").stream()
                .filter(event -> event.path("payload").path("assignee").path("level").asText().equals("MANAGER")).toList();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).path("payload").path("step").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(overdue.get(0).path("actor").path("role").asText()).isEqualTo("SYSTEM");
        assertThat(overdue.get(0).path("cause").asText()).matches("(deadline|sweep): ACKNOWLEDGE due .*");
        List<JsonNode> escalations = ofType(history, "IncidentEscalated");
        assertThat(escalations).extracting(e -> e.path("payload").path("assignee").path("level").asText())
                .containsExactly("MANAGER", "BOARD");
        // The board got its own deadline, due after the restart.
        List<JsonNode> deadlines = ofType(history, "DeadlineSet");
        assertThat(deadlines.get(deadlines.size() - 1).path("payload").path("step").asText()).isEqualTo("ACKNOWLEDGE");
    }

    private static List<String> types(Api queries, String id) {
        Api.Response response = queries.get("board", "/api/incidents/" + id + "/history");
        List<String> types = new ArrayList<>();
        if (response.status() == 200) {
            response.body().forEach(e -> types.add(e.path("type").asText()));
        }
        return types;
    }

    private static List<JsonNode> ofType(JsonNode history, String type) {
        List<JsonNode> found = new ArrayList<>();
        history.forEach(e -> {
            if (e.path("type").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    private static Map<String, Object> report(String id) {
        return Map.of(
                "incidentId", id,
                "schoolId", "school-1",
                "platform", "INSTAGRAM",
                "location", "https://www.instagram.com/p/abc",
                "summary", "Pupils post a mocking video of a teacher",
                "stage", "DERAILED",
                "harms", List.of("BULLYING"),
                "severity", "CRITICAL",
                "involvedParties", List.of(Map.of("personId", "pupil-7", "role", "PUPIL", "part", "AUTHOR")),
                "observedAt", Instant.now().minusSeconds(600).toString());
    }
}
