package nl.incidents.benchmark;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its executable jar as a process of its own, as in production: with the repository's
 * {@code service-jvm.options} ({@code java @service-jvm.options -jar ...}, as run.sh) when that file exists, else with a
 * fixed 512 MB heap. Readiness is {@code /actuator/health/readiness} (the web module: {@code /actuator/health}).
 */
final class ServiceProcess implements AutoCloseable {

    /** The JVM options file run.sh passes, at the repository's root (system property {@code repositoryRoot}). */
    static Path jvmOptionsFile() {
        return Path.of(System.getProperty("repositoryRoot", "."), "service-jvm.options").toAbsolutePath().normalize();
    }

    private final String name;
    private final Path jar;
    private final int port;
    private final Path log;
    private Process process;
    private String healthPath = "/actuator/health";
    private final List<String> arguments = new java.util.ArrayList<>();

    ServiceProcess(String name, Path jar, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + name + " jar is missing (" + jar + "): run the benchmark with "
                    + "./mvnw -pl benchmarks -am -DskipTests package exec:java@throughput, which packages it first");
        }
        this.name = name;
        this.jar = jar;
        this.port = freePort();
        this.log = logDir.resolve(name + ".log");
    }

    int port() {
        return port;
    }

    /** Readiness is asked at this path instead of {@code /actuator/health}. */
    ServiceProcess readinessAt(String path) {
        this.healthPath = path;
        return this;
    }

    /** Command-line arguments after the jar (they win over the service's configuration files). */
    ServiceProcess withArguments(String... more) {
        arguments.addAll(List.of(more));
        return this;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Starts the service and waits until it is ready (health 200). */
    void start(Map<String, String> environment) throws IOException, InterruptedException {
        startAndTime(environment, Duration.ofMillis(250));
    }

    /**
     * Starts the service and waits until it answers its readiness 200, asking every {@code pollEvery}.
     *
     * @return the time from just before the process was created to the first 200
     */
    Duration startAndTime(Map<String, String> environment, Duration pollEvery) throws IOException, InterruptedException {
        process = launch(environment, List.of());
        long started = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant patience = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(patience)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log + ":\n" + tail());
            }
            try {
                if (client.send(HttpRequest.newBuilder(uri(healthPath)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(pollEvery.toMillis());
        }
        throw new IllegalStateException(name + " did not become ready in ten minutes; see " + log + ":\n" + tail());
    }

    /**
     * Runs the jar once with {@code extra} arguments (a task such as {@code rebuild-projections}) and waits for it to
     * end.
     *
     * @return its exit code, or -1 when it was still running after {@code patience} (it is then stopped)
     */
    int runTask(Map<String, String> environment, Duration patience, String... extra) throws IOException, InterruptedException {
        Process task = launch(environment, List.of(extra));
        if (!task.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            task.destroy();
            if (!task.waitFor(60, TimeUnit.SECONDS)) {
                task.destroyForcibly().waitFor();
            }
            return -1;
        }
        return task.exitValue();
    }

    private Process launch(Map<String, String> environment, List<String> extra) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path options = jvmOptionsFile();
        // The services' own settings when the repository gives them; else a fixed heap, so that three JVMs and the
        // database share the machine predictably.
        command.add(Files.isRegularFile(options) ? "@" + options : "-Xmx512m");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** kill -9: the process ends at once, without shutting anything down. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(); // SIGKILL on Linux
    }

    /** The resident set size now, in bytes (VmRSS from /proc/pid/status; -1 where there is no /proc). */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /** The Java heap in use now, in bytes, as {@code jcmd <pid> GC.heap_info} reports it (-1 when it cannot tell). */
    long heapUsedBytes() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            // G1: one "garbage-first heap ... used NK" line; the serial and parallel collectors: one per generation.
            long used = -1;
            java.util.regex.Pattern usedK = java.util.regex.Pattern.compile("used (\\d+)K");
            for (String line : out.split("\n")) {
                java.util.regex.Matcher m = usedK.matcher(line);
                if (m.find() && !line.contains("Metaspace") && !line.contains("class space")) {
                    used = Math.max(used, 0) + Long.parseLong(m.group(1)) * 1024;
                }
            }
            return used;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: a graceful shutdown, as a service manager stops it
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
