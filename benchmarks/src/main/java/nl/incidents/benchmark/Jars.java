package nl.incidents.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the packaged services are and where their logs go: the system properties the benchmarks' exec ids in
 * {@code benchmarks/pom.xml} set, else the paths from the repository's root.
 */
record Jars(Path command, Path query, Path web, Path logs) {

    static Jars fromProperties() {
        try {
            return new Jars(
                    Path.of(System.getProperty("commandServiceJar", "command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar")),
                    Path.of(System.getProperty("queryServiceJar", "query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar")),
                    Path.of(System.getProperty("webJar", "web/target/web-0.1.0-SNAPSHOT-exec.jar")),
                    Files.createDirectories(Path.of(System.getProperty("benchmarkLogs", "target/benchmark-logs"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
