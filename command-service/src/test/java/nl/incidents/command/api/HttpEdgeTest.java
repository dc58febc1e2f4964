package nl.incidents.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every answer that is not a success is problem+json with the security headers, whoever gives it:
 * Tomcat before any filter, Spring Security's firewall, the error page, Spring MVC. Sent with a real
 * HTTP client, so that the request goes through Tomcat as a client's would.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpEdgeTest extends RunningCommandService {

    @Test
    void addressesTomcatRefusesItselfAreAnsweredAsProblemJson() {
        for (String path : List.of("/api/incidents/a%2Fb/closure", "/api/incidents/a%00b/closure",
                "/api/incidents/a%5Cb/closure", "/api/" + "a".repeat(8 * 1024))) {
            for (String user : new String[] {"manager", null}) {
                http().get(user, path).assertProblem(400, null);
            }
        }
        // Requests no HTTP client library would send, written on the socket.
        for (String target : List.of("/api/incidents/a%zzb/closure", "/api/incidents/a%/closure", "/api/in cidents")) {
            http().rawGet("manager", target).assertProblem(400, null);
        }
        http().raw("POST /api/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n").assertProblem(501, null);
        http().raw("GET /api/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken header line\r\n").assertProblem(400, null);
    }

    @Test
    void addressesTheFirewallRejectsAreAnsweredAsProblemJson() {
        for (String path : List.of("/api/incidents/../actuator/health", "/api/incidents/x;jsessionid=1",
                "/api//incidents", "/api/incidents/%2e%2e/x", "/api/incidents/%25")) {
            for (String user : new String[] {"manager", null}) {
                assertThat(http().get(user, path).assertProblem(400, null)).contains("This address is not accepted");
            }
        }
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        http().get(null, "/error").assertProblem(404, null);
        http().get("manager", "/error").assertProblem(404, null);
        http().post(null, "/error", "{}").assertProblem(404, null);
    }

    @Test
    void aBodyMustBeSentAsJson() {
        String closure = "/api/incidents/" + UUID.randomUUID() + "/closure";
        for (String type : List.of("*/*", "application/*", "application/json; charset=nonsense", "text/plain", "nonsense")) {
            HttpRequest request = http().request("manager", closure).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"done\"}")).build();
            assertThat(http().send(request).assertProblem(415, null)).isEqualTo("Send the body as application/json.");
        }
        http().send(http().request("manager", closure).POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"done\"}"))
                .build()).assertProblem(415, null);
        http().post("manager", closure, "").assertProblem(400, null);
    }

    @Test
    void everyOtherRefusalIsProblemJsonWithTheSecurityHeadersToo() {
        http().post(null, "/api/incidents", "{}").assertProblem(401, null);
        http().get("manager", "/api/nothing-here").assertProblem(404, null);
        http().get("manager", "/api/incidents").assertProblem(405, null);
        http().post("manager", "/api/incidents/" + UUID.randomUUID() + "/acknowledgements", "{}").assertProblem(404, null);
        // A client that cannot take JSON is refused before anything is done, and told so in JSON all the same.
        String id = UUID.randomUUID().toString();
        HttpRequest html = http().request("teacher", "/api/incidents").header("Accept", "text/html")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        json(CommandApiTest.report(id, "school-1")))).build();
        http().send(html).assertProblem(406, null);
        assertThat(events(id)).isEmpty();
    }

    @Test
    void refusalsLogNoStackTrace(CapturedOutput output) {
        int before = output.getAll().length();
        String unknown = "/api/incidents/" + UUID.randomUUID();
        http().post("manager", unknown + "/acknowledgements", "{}").assertProblem(404, null);
        http().post("manager", unknown + "/closure", "{\"outcome\":1}").assertProblem(400, "outcome");
        http().post("manager", unknown + "/closure", "{not json").assertProblem(400, null);
        http().post(null, unknown + "/closure", "{}").assertProblem(401, null);
        http().get("manager", "/api/incidents/a%2Fb").assertProblem(400, null);
        http().get("manager", "/api/incidents/x;y").assertProblem(400, null);
        http().get("teacher", "/error").assertProblem(404, null);
        // Other contexts of this test run may still be busy in the background: only what the threads that
        // served these requests logged counts (Tomcat's request threads, "...-exec-N").
        List<String> logged = new ArrayList<>();
        for (String record : output.getAll().substring(before).split("\n(?=\\d{4}-\\d{2}-\\d{2}T)")) {
            if (record.lines().findFirst().orElse("").contains("-exec-")) {
                logged.add(record);
            }
        }
        assertThat(logged).as("logged while refusing").allSatisfy(record -> assertThat(record).doesNotContain("\tat ")
                .doesNotContain("Exception").hasLineCount(1));
        assertThat(logged.size()).as("lines logged: %s", logged).isLessThanOrEqualTo(7);
    }
}
