package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.incidents.support.testing.TestPostgres;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a crash or an outage does to accepted work, with both services as processes on one store (a fresh
 * embedded H2 file, or a fresh PostgreSQL database reached through a relay that can take it away): every
 * report answered 201 survives a {@code kill -9} of the command service under load from several clients
 * and reaches the query service; killing the query service never stops the command service; while the
 * database is away requests fail at once instead of hanging, health says the database is down, and both
 * answer again within moments of its return.
 */
@Tag("store")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(150);
    /** Far below the ten seconds a request hung before; an answer within it is an answer, not a hang. */
    private static final Duration ANSWERED = Duration.ofSeconds(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final boolean onPostgres = "postgres".equals(System.getProperty("incidents.test.store"));
    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private Api commands;
    private Api queries;
    private TestPostgres.Database database;
    private TcpProxy relay;

    @BeforeAll
    void start() throws Exception {
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(store());
        env.putAll(Map.of("INCIDENTS_DEMO", "true",
                "COMMAND_SERVICE_PORT", String.valueOf(commandPort),
                "QUERY_SERVICE_PORT", String.valueOf(queryPort),
                "QUERY_SERVICE_URL", "http://localhost:" + queryPort));
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs", "OutageIT-" + (onPostgres ? "postgres" : "embedded")));
        commandService = new ServiceProcess("command-service", "commandServiceJar", commandPort, env, logs);
        queryService = new ServiceProcess("query-service", "queryServiceJar", queryPort, env, logs);
        commandService.start();
        queryService.start();
        commands = new Api(commandService.baseUrl());
        queries = new Api(queryService.baseUrl());
    }

    private Map<String, String> store() throws Exception {
        if (!onPostgres) {
            return Map.of("INCIDENTS_DATA_DIR", Files.createTempDirectory("incidents-outage").toString(),
                    "INCIDENTS_H2_PORT", String.valueOf(ServiceProcess.freePort()));
        }
        database = TestPostgres.create("e2e_outage");
        Matcher server = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*").matcher(database.url());
        assertThat(server.matches()).as(database.url()).isTrue();
        relay = new TcpProxy(server.group(1), server.group(2) == null ? 5432 : Integer.parseInt(server.group(2)));
        return Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                // The production profiles require the board's provider; these tests sign in with the demo's passwords.
                "INCIDENTS_OIDC_ISSUER", TestTokens.shared().issuer(),
                // ...and the master key of personal data.
                "INCIDENTS_MASTER_KEY", TestStore.MASTER_KEY,
                "SPRING_DATASOURCE_URL", database.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + relay.port() + "/"),
                "SPRING_DATASOURCE_USERNAME", database.user() == null ? "" : database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password() == null ? "" : database.password());
    }

    @AfterAll
    void stop() throws Exception {
        if (queryService != null) {
            queryService.stop();
        }
        if (commandService != null) {
            commandService.stop();
        }
        if (relay != null) {
            relay.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    @Order(1)
    void everyReportAnswered201SurvivesAKill9OfTheCommandServiceUnderLoad() throws Exception {
        try (Load load = new Load(commandService.baseUrl(), 16)) {
            await().atMost(CATCH_UP).until(() -> load.accepted.size() >= 60);
            commandService.kill();
            int acceptedBeforeTheCrash = load.accepted.size();
            commandService.start();
            await().atMost(CATCH_UP).until(() -> load.accepted.size() >= acceptedBeforeTheCrash + 40);
        }
        assertEveryCaseReadable(Set.copyOf(loadAccepted));
    }

    @Test
    @Order(2)
    void killingTheQueryServiceNeverStopsTheCommandService() throws Exception {
        queryService.kill();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            String id = UUID.randomUUID().toString();
            assertThat(commands.post("teacher", "/api/incidents", report(id)).status()).isEqualTo(201);
            reported.add(id);
        }
        queryService.start();
        assertEveryCaseReadable(reported);
    }

    @Test
    @Order(3)
    void whileTheDatabaseIsAwayRequestsFailAtOnceHealthNamesItAndBothRecover() throws Exception {
        List<ServiceProcess> cutOff = new ArrayList<>();
        if (onPostgres) {
            relay.cut();
            cutOff.add(commandService);
        } else {
            // The command service owns the embedded database: with it gone, the query service's database is away.
            commandService.kill();
        }
        cutOff.add(queryService);

        for (ServiceProcess service : cutOff) {
            HttpResponse<String> answer = send(service, service == commandService
                    ? post("/api/incidents", report(UUID.randomUUID().toString())) : get("/api/incidents"));
            assertThat(answer.statusCode()).as("%s answers while its database is away", service.baseUrl())
                    .isGreaterThanOrEqualTo(500);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode health = Api.JSON.readTree(send(service, get("/actuator/health")).body());
                assertThat(health.path("status").asText()).isEqualTo("DOWN");
                assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("DOWN");
                JsonNode readiness = Api.JSON.readTree(send(service, get("/actuator/health/readiness")).body());
                assertThat(readiness.path("status").asText()).isEqualTo("DOWN");
            });
        }

        if (onPostgres) {
            relay.restore();
        } else {
            commandService.start();
        }
        String id = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> send(commandService, post("/api/incidents", report(id)))
                .statusCode() == 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> send(queryService, get("/api/incidents")).statusCode() == 200);
        assertEveryCaseReadable(Set.of(id));
    }

    /** Every case reported is in the query service: its processors lost nothing, whatever happened. */
    private void assertEveryCaseReadable(Set<String> ids) {
        Set<String> missing = ConcurrentHashMap.newKeySet();
        missing.addAll(ids);
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            missing.removeIf(id -> queries.get("board", "/api/incidents/" + id).status() == 200);
            assertThat(missing).as("cases answered 201 but not readable in the query service").isEmpty();
        });
    }

    private final Set<String> loadAccepted = ConcurrentHashMap.newKeySet();

    /** Clients that report cases one after another until closed, keeping the ids answered 201. */
    private final class Load implements AutoCloseable {

        final Set<String> accepted = loadAccepted;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> clients = new ArrayList<>();

        Load(String baseUrl, int clientCount) {
            Instant stopAt = Instant.now().plus(Duration.ofMinutes(6));
            for (int i = 0; i < clientCount; i++) {
                Thread client = new Thread(() -> {
                    Api api = new Api(baseUrl);
                    while (running.get() && Instant.now().isBefore(stopAt)) {
                        String id = UUID.randomUUID().toString();
                        try {
                            if (api.post("teacher", "/api/incidents", report(id)).status() == 201) {
                                accepted.add(id);
                                continue;
                            }
                        } catch (RuntimeException down) {
                            // the service is away: try again in a moment
                        }
                        pause();
                    }
                }, "load-" + i);
                client.setDaemon(true);
                client.start();
                clients.add(client);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join(Duration.ofSeconds(40).toMillis());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request to either service, by path. */
    private record Call(String path, String json) {
    }

    private static Call get(String path) {
        return new Call(path, null);
    }

    private static Call post(String path, Object body) throws Exception {
        return new Call(path, Api.JSON.writeValueAsString(body));
    }

    /** Sends a request signed in as the board, and fails the test if no answer comes within {@link #ANSWERED}. */
    private static HttpResponse<String> send(ServiceProcess service, Call call) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("board:demo".getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + call.path()))
                .timeout(ANSWERED).header("Authorization", "Basic " + credentials);
        if (call.json() != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(call.json()));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> report(String id) {
        return Map.of(
                "incidentId", id,
                "schoolId", "school-1",
                "platform", "WHATSAPP_GROUP",
                "location", "https://chat.whatsapp.com/groep-ouders-1b",
                "summary", "Parents insult a teacher in the class group",
                "stage", "THREATENING",
                "harms", List.of("INSULTING"),
                "severity", "MEDIUM",
                "involvedParties", List.of(Map.of("personId", "parent-" + id.substring(0, 8), "role", "PARENT",
                        "part", "AUTHOR")),
                "observedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
    }
}
