package nl.incidents.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run.sh} as a person uses it on the embedded default: it starts both services and the web module and
 * says which address to open and as whom to sign in; the web module sends a visitor to sign-in; Ctrl-C stops the
 * three in order (the web module, the query service, then the command service that owns the database) within
 * moments, with no error in any log, a plain "Stopped.", no H2 trace or lock file, and a data directory whose files
 * only their owner can read. Also what the logs show: Axon's update checker is off.
 */
class RunScriptIT {

    @TempDir
    Path tmp;

    @Test
    void ctrlCStopsAllThreeInOrderCleanlyAndTheStoreIsTheOwnersOnly() throws Exception {
        Path data = tmp.resolve("data");
        Path output = tmp.resolve("run.out");
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        int webPort = ServiceProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "run.sh").toAbsolutePath().normalize().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("INCIDENTS_DATA_DIR", data.toString(),
                "COMMAND_SERVICE_PORT", String.valueOf(commandPort), "QUERY_SERVICE_PORT", String.valueOf(queryPort),
                "INCIDENTS_H2_PORT", String.valueOf(ServiceProcess.freePort()), "WEB_PORT", String.valueOf(webPort)));
        for (String setting : List.of("INCIDENTS_DEMO", "INCIDENTS_OIDC_ISSUER", "INCIDENTS_OIDC_JWK_SET_URI",
                "COMMAND_SERVICE_URL", "QUERY_SERVICE_URL", "INCIDENTS_OIDC_CLIENT_SECRET")) {
            builder.environment().remove(setting);
        }
        Process runScript = builder.start();
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !runScript.isAlive() || Files.readString(output).contains("sign in as teacher / demo"));
            assertThat(runScript.isAlive()).as(Files.readString(output)).isTrue();
            assertThat(Files.readString(output)).contains("demo users", "(password: demo)", "Press Ctrl-C to stop all three.")
                    .endsWith("Open http://localhost:" + webPort + " and sign in as teacher / demo\n");

            // The address it names: a browser's visit (asking for a page) without a session is sent to sign-in.
            HttpResponse<Void> visit = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + webPort + "/")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(visit.statusCode()).isEqualTo(302);
            assertThat(visit.headers().firstValue("Location")).hasValue("http://localhost:" + webPort + "/signin");

            String id = UUID.randomUUID().toString();
            assertThat(new Api("http://localhost:" + commandPort).post("teacher", "/api/incidents", report(id)).status())
                    .isEqualTo(201);
            Api queries = new Api("http://localhost:" + queryPort);
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.get("teacher", "/api/incidents/" + id).status() == 200);

            // Ctrl-C: the terminal signals the script; the services, started in the background, leave it to the script.
            new ProcessBuilder("kill", "-INT", String.valueOf(runScript.pid())).start().waitFor();
            assertThat(runScript.waitFor(40, TimeUnit.SECONDS)).as("stopped within moments").isTrue();
            assertThat(runScript.exitValue()).isZero();
        } finally {
            runScript.descendants().forEach(ProcessHandle::destroyForcibly);
            runScript.destroyForcibly();
        }

        String said = Files.readString(output);
        assertThat(said).contains("Stopping...", "Stopped.").doesNotContain("unexpectedly");
        for (String service : List.of("command-service", "query-service")) {
            List<String> log = Files.readAllLines(data.resolve("logs").resolve(service + ".log"));
            assertThat(log).as("errors in the %s log", service).noneMatch(line -> line.contains(" ERROR "));
            assertThat(log).anyMatch(line -> line.contains("You have opted out of the AxonIQ UpdateChecker"));
        }
        List<String> webLog = Files.readAllLines(data.resolve("logs").resolve("web.log"));
        assertThat(webLog).as("errors in the web module's log").noneMatch(line -> line.contains(" ERROR "));
        assertThat(webLog).anyMatch(line -> line.contains("Started WebApplication"));
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.toList()) {
                assertThat(file.getFileName().toString()).doesNotEndWith(".trace.db").doesNotEndWith(".lock.db");
                assertThat(permissions(file)).as(file.toString()).isEqualTo(Files.isDirectory(file) ? "rwx------" : "rw-------");
            }
        }
        assertThat(data.resolve("incidents.password")).exists();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Map<String, Object> report(String id) {
        return Map.of(
                "incidentId", id, "schoolId", "school-1", "platform", "TIKTOK",
                "location", "https://www.tiktok.com/@pupils/video/1",
                "summary", "Pupils mock a classmate in a video", "stage", "THREATENING",
                "harms", List.of("BULLYING"), "severity", "LOW",
                "involvedParties", List.of(Map.of("personId", "pupil-" + id.substring(0, 8), "role", "PUPIL",
                        "part", "TARGET")),
                "observedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
    }
}
