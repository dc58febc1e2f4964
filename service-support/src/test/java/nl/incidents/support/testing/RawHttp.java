package nl.incidents.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real HTTP client against a service on its port, with nothing in between: what a request with an
 * odd address or body gets from Tomcat, the firewall and Spring alike (MockMvc and TestRestTemplate
 * would smooth some of it away). Paths are sent exactly as given.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The headers every problem+json answer carries, whoever gives it. */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "x-content-type-options", "nosniff",
            "x-frame-options", "DENY",
            "cache-control", "no-cache, no-store, max-age=0, must-revalidate");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A request as {@code user} (password {@code demo}; null for none) to {@code path}, sent as written. */
    public HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    /** A request with {@code Authorization: Bearer token} (null: none) to {@code path}, sent as written. */
    public HttpRequest.Builder requestWithToken(String token, String path) {
        HttpRequest.Builder builder = request(null, path);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** A request signed in with {@code user} and {@code password} (HTTP Basic) to {@code path}. */
    public HttpRequest.Builder requestWithPassword(String user, String password, String path) {
        return request(null, path).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A GET with the access token {@code token} (null: none). */
    public Answer getWithToken(String token, String path) {
        return send(requestWithToken(token, path).GET().build());
    }

    /** POSTs {@code json} as application/json with the access token {@code token}. */
    public Answer postWithToken(String token, String path, String json) {
        return send(requestWithToken(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer get(String user, String path) {
        return send(request(user, path).GET().build());
    }

    /** POSTs {@code json} (text, sent as it is) as application/json. */
    public Answer post(String user, String path, String json) {
        return send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(response.headers().map());
            return new Answer(request.uri().toString(), response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("No answer to " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET of {@code target} written on the socket as it is, for a request line no HTTP client library
     * sends (a broken {@code %} escape).
     */
    public Answer rawGet(String user, String target) {
        String authorization = user == null ? "" : "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization);
    }

    /**
     * A request whose request line and headers ({@code head}, lines ending in CRLF) are written on the
     * socket as they are, followed by {@code Connection: close}; the answer is read until the server
     * closes the connection.
     */
    public Answer raw(String head) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(received);
            return parse(head.lines().findFirst().orElse(head), received.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("No answer to " + head, e);
        }
    }

    private static Answer parse(String target, String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] head = raw.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim(), List.of(head[i].substring(colon + 1).trim()));
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", List.of("")).get(0))) {
            StringBuilder joined = new StringBuilder();
            for (int at = 0; ; ) {
                int line = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, line).trim(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, line + 2, line + 2 + size);
                at = line + 2 + size + 2;
            }
            body = joined.toString();
        }
        return new Answer(target, Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }

    /** An answer: its status, headers and body. */
    public record Answer(String uri, int status, Map<String, List<String>> headers, String body) {

        /** Every value of the header {@code name}, in the order sent. */
        public List<String> headers(String name) {
            return headers.getOrDefault(name, List.of());
        }

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        /**
         * Asserts a problem+json answer with {@code status}, the security headers, a sentence in
         * {@code detail}, {@code field} as given (null: none), a stable {@code code}, and no internals (Java names, Jackson's
         * or Tomcat's wording, HTML). Returns the detail.
         */
        public String assertProblem(int status, String field) {
            assertThat(status()).as("status of %s: %s", uri, body()).isEqualTo(status);
            assertThat(header("Content-Type")).as("content type of %s", uri).startsWith("application/problem+json");
            SECURITY_HEADERS.forEach((name, value) -> assertThat(header(name)).as("%s of %s", name, uri).isEqualTo(value));
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            String detail = problem.path("detail").asText();
            assertThat(detail).isNotBlank().doesNotContain("nl.incidents", "java.", "jackson", "Cannot deserialize", "`",
                    "Exception", "<html", "Tomcat");
            assertThat(problem.path("code").asText()).as("code in %s", body())
                    .matches(nl.incidents.kernel.RequestRefused.CODE);
            if (field == null) {
                assertThat(problem.has("field")).as("field in %s", body()).isFalse();
            } else {
                assertThat(problem.path("field").asText()).as("field in %s", body()).isEqualTo(field);
            }
            return detail;
        }
    }
}
