package nl.incidents.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Requests to the query service one after the other, as a demo member signed in with HTTP Basic: the time to the
 * answer's last byte, in microseconds, after a warm-up; every answer must be 200.
 */
final class Latencies {

    /** One measured request kind: p50, p99 and the most, in milliseconds; {@code failures} answers other than 200. */
    record Result(String name, double p50, double p99, double max, int failures, long bytes) {
    }

    private Latencies() {
    }

    static Result measure(String name, String user, IntFunction<URI> uri, int warmUp, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        int failures = 0;
        long bytes = 0;
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < warmUp + requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri.apply(i)).header("Authorization", authorization)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build();
            long sent = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long took = (System.nanoTime() - sent) / 1_000;
            if (i >= warmUp) {
                micros.add(took);
                bytes = Math.max(bytes, answer.body().length);
                if (answer.statusCode() != 200) {
                    failures++;
                }
            }
        }
        return new Result(name, Report.percentile(micros, 50) / 1000.0, Report.percentile(micros, 99) / 1000.0,
                micros.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0, failures, bytes);
    }
}
