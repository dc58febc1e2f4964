package nl.incidents.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service started from its executable jar as a separate process, the way run.sh starts it. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ServiceProcess(String name, String jarProperty, int port, Map<String, String> environment, Path logDir) {
        this.name = name;
        String jarPath = System.getProperty(jarProperty);
        if (jarPath == null || !Files.exists(Path.of(jarPath))) {
            throw new IllegalStateException("The " + name + " jar is missing (" + jarPath
                    + "): run the tests with ./mvnw verify, which packages it first");
        }
        this.jar = Path.of(jarPath);
        this.port = port;
        this.environment = environment;
        this.log = logDir.resolve(name + ".log");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    void start() throws IOException, InterruptedException {
        // The JVM options run.sh and the Docker image start the services with (heap, collector); then, for these
        // short-lived processes only, the quick compiler alone: it halves the CPU of a start, and the tests never run
        // a service long enough for the optimising compiler to pay back.
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("..", "service-jvm.options").toAbsolutePath().normalize(), "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        awaitHealthy();
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy in time; see " + log + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops the service as Ctrl-C or a service manager would: SIGTERM, then a graceful shutdown. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Asks the service to stop (SIGTERM) without waiting for it; {@link #stop()} then waits. */
    void askToStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Kills the service as a crash or {@code kill -9} would: no shutdown of any kind. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Sends SIGTERM and waits at most {@code patience} for the process to end; its exit code, or null if it still runs. */
    Integer terminate(Duration patience) throws InterruptedException {
        process.destroy();
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
