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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deadline that falls due while the command service is down: when the service is back, the case
 * climbs to the board, exactly once, and the history says which deadline (or the sweep) did it.
 */
class DeadlineAcrossRestartIT {

    /** A CRITICAL case counts the clock; the manager has this long to acknowledge. */
    private static final Duration ACKNOWLEDGE = Duration.ofSeconds(8);

    private ServiceProcess commandService;
    private ServiceProcess queryService;

    @AfterEach
    void stop() throws Exception {
        if (queryService != null) {
            queryService.stop();
        }
        if (commandService != null) {
            commandService.stop();
        }
    }

    @Test
    void aDeadlineThatFellDueWhileTheServiceWasDownFiresOnceWhenItIsBack() throws Exception {
        Path dataDir = Files.createTempDirectory("incidents-deadline");
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        Map<String, String> env = Map.of(
                "INCIDENTS_DATA_DIR", dataDir.toString(),
                "INCIDENTS_DEMO", "true",
                "COMMAND_SERVICE_PORT", String.valueOf(commandPort),
                "QUERY_SERVICE_PORT", String.valueOf(queryPort),
                "SPRING_APPLICATION_JSON", """
                        {"incidents": {"escalation": {"timings": {"critical": {
                            "acknowledge": "%ds", "notify-communications": "1h", "police-decision": "1h",
                            "inspector-consultation": "1h", "reminder-interval": "1h"}}}}}
                        """.formatted(ACKNOWLEDGE.toSeconds()));
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
        commandService = new ServiceProcess("command-service-deadline", "commandServiceJar", commandPort, env, logs);
        queryService = new ServiceProcess("query-service-deadline", "queryServiceJar", queryPort, env, logs);
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
        List<JsonNode> overdue = ofType(history, "StepOverdue");
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
