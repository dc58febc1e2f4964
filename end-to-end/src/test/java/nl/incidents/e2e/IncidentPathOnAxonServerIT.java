package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.incidents.e2e.Api.Response;
import nl.incidents.support.testing.CuttableProxy;
import nl.incidents.support.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same case path on the axonserver profile: both services connect to the Axon Server named by
 * {@value #SERVER_VARIABLE} (host:port of its gRPC port, 8124 by default), which stores and streams the
 * events and routes the commands and queries; their tokens and projections are on a fresh PostgreSQL
 * database of {@value TestPostgres#URL_VARIABLE}. Without an Axon Server named it is skipped (CI has
 * none: the one server the build may go without). Axon Server keeps every run's events in its default
 * context; each run uses fresh incident and person ids, and its fresh projections read the earlier runs'
 * events first.
 * <p>
 * The services reach Axon Server through a proxy on loopback that the test can cut: to them that is Axon
 * Server gone (their connections break, new ones are refused), without stopping a server the test does not own.
 */
@Tag("axonserver")
class IncidentPathOnAxonServerIT extends IncidentPathIT {

    static final String SERVER_VARIABLE = "INCIDENTS_TEST_AXONSERVER";

    private CuttableProxy axonServer;

    @Override
    protected String storeName() {
        return "axonserver";
    }

    @Override
    protected Map<String, String> store() throws IOException {
        String server = System.getenv(SERVER_VARIABLE);
        assumeTrue(server != null && !server.isBlank(), SERVER_VARIABLE + " is not set: no Axon Server to run the "
                + "axonserver profile against (set it to host:port, and " + TestPostgres.URL_VARIABLE + " too)");
        String[] hostAndPort = server.trim().split(":");
        axonServer = CuttableProxy.to(hostAndPort[0], hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : 8124);
        Map<String, String> environment = new HashMap<>(onPostgres("axonserver"));
        environment.put("AXON_AXONSERVER_SERVERS", "127.0.0.1:" + axonServer.port());
        return environment;
    }

    @AfterEach
    void closeProxy() throws IOException {
        if (axonServer != null) {
            axonServer.close();
        }
    }

    /**
     * What crosses Axon Server as a list (the case list, the history, the inbox) arrives with its content; a
     * command for an unknown case is 404; while Axon Server is away every request is 503 with problem+json,
     * and once it is back the services go on.
     */
    @Test
    void listsCrossAxonServerAndItsAbsenceIsServiceUnavailable() throws IOException {
        String id = UUID.randomUUID().toString();
        assertThat(commands.post("teacher", "/api/incidents", report(id)).status()).isEqualTo(201);

        JsonNode listed = awaitQuery("board", "/api/incidents", page -> find(page, id) != null);
        assertThat(find(listed, id).path("severity").asText()).isEqualTo("HIGH");
        JsonNode history = awaitQuery("board", "/api/incidents/" + id + "/history", h -> h.size() >= 5);
        assertThat(history.get(0).path("type").asText()).isEqualTo("DerailingDiscussionReported");
        assertThat(history.get(0).path("actor").path("id").asText()).isEqualTo("teacher");
        JsonNode inbox = awaitQuery("manager", "/api/inbox", entries -> entryFor(entries, id) != null);
        assertThat(entryFor(inbox, id).path("kind").asText()).isEqualTo("ESCALATION");
        assertProblem(commands.post("manager", "/api/incidents/" + UUID.randomUUID() + "/acknowledgements", Map.of()),
                404, null);

        axonServer.cut();
        assertUnavailable(commands.post("manager", "/api/incidents/" + id + "/acknowledgements", Map.of()));
        assertUnavailable(commands.post("teacher", "/api/incidents", report(UUID.randomUUID().toString())));
        assertUnavailable(queries.get("board", "/api/incidents"));
        assertUnavailable(queries.get("board", "/api/incidents/" + id));
        assertUnavailable(queries.get("board", "/api/incidents/" + id + "/history"));
        assertUnavailable(queries.get("manager", "/api/inbox"));

        axonServer.restore();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                commands.post("manager", "/api/incidents/" + id + "/acknowledgements", Map.of()).status() == 200);
        awaitQuery("board", "/api/incidents/" + id, dossier -> dossier.path("status").asText().equals("ACKNOWLEDGED"));
    }

    private static JsonNode entryFor(JsonNode entries, String id) {
        for (JsonNode entry : entries) {
            if (entry.path("incidentId").asText().equals(id)) {
                return entry;
            }
        }
        return null;
    }

    private static void assertUnavailable(Response response) {
        assertProblem(response, 503, null);
    }
}
