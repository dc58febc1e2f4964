package nl.incidents.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.incidents.support.testing.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * The command service's OpenAPI document says what each operation is, how to sign in, and every
 * answer it gives with its schema: a client can be written from it.
 */
class ApiDocumentationTest extends RunningCommandService {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theDocumentNamesTheApiItsVersionAndHowToSignIn() {
        JsonNode docs = docs();
        assertThat(docs.path("info").path("title").asText()).isEqualTo("Incidents command API");
        assertThat(docs.path("info").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(docs.path("info").path("description").asText()).contains("problem+json");
        JsonNode bearer = docs.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
        // Beside the demo board (these tests run with it), HTTP Basic is the other way in.
        JsonNode basic = docs.path("components").path("securitySchemes").path("basic");
        assertThat(basic.path("type").asText()).isEqualTo("http");
        assertThat(basic.path("scheme").asText()).isEqualTo("basic");
        assertThat(docs.path("security").get(0).has("bearer")).isTrue();
        assertThat(docs.path("security").get(1).has("basic")).isTrue();
        JsonNode me = docs.path("paths").path("/api/me").path("get").path("responses");
        assertThat(me.path("200").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/SignedInMember");
        assertThat(me.path("401").path("headers").has("WWW-Authenticate")).isTrue();
        assertThat(me.path("403").path("content").has(PROBLEM)).isTrue();
        assertThat(me.path("429").path("headers").has("Retry-After")).isTrue();
        assertThat(docs.path("components").path("schemas").path("Problem").path("properties").has("field")).isTrue();
    }

    @Test
    void aReportAnswers201AndItsRefusalsAsProblemJson() {
        JsonNode report = docs().path("paths").path("/api/incidents").path("post");
        assertThat(report.path("summary").asText()).isEqualTo("Report a derailing discussion");
        JsonNode answers = report.path("responses");
        assertThat(answers.path("201").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/Accepted");
        assertThat(answers.path("201").path("headers").has("Location")).isTrue();
        assertThat(answers.has("200")).isTrue();
        for (String refusal : List.of("400", "401", "403", "409", "413", "415", "503")) {
            assertThat(answers.path(refusal).path("content").path(PROBLEM).path("schema").path("$ref").asText())
                    .as("answer %s", refusal).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(answers.path("503").path("headers").has("Retry-After")).isTrue();
        JsonNode body = docs().path("components").path("schemas").path("Report");
        assertThat(body.path("properties").path("platform").path("enum").toString()).contains("FACEBOOK", "SOCIAL_SCHOOLS");
        assertThat(body.path("properties").path("summary").path("maxLength").asInt()).isEqualTo(4000);
        assertThat(body.path("properties").path("involvedParties").path("maxItems").asInt()).isEqualTo(100);
        assertThat(body.path("required").toString()).contains("summary", "observedAt");
    }

    @Test
    void everyOperationHasASummaryAndItsRealAnswers() {
        List<String> undocumented = new ArrayList<>();
        docs().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            if (operation.path("summary").asText().isBlank()) {
                undocumented.add(name + ": no summary");
            }
            for (String refusal : List.of("400", "401", "503")) {
                if (!operation.path("responses").path(refusal).path("content").has(PROBLEM)) {
                    undocumented.add(name + ": no " + refusal);
                }
            }
            if (path.getKey().contains("{id}") && !operation.path("responses").has("404")) {
                undocumented.add(name + ": no 404");
            }
        }));
        assertThat(undocumented).isEmpty();
        JsonNode closure = docs().path("paths").path("/api/incidents/{id}/closure").path("post").path("responses");
        assertThat(closure.has("200")).isTrue();
        assertThat(closure.has("403")).isTrue();
        assertThat(closure.has("409")).isTrue();
    }

    @Test
    void theDocumentationIsReadWithoutSigningIn() {
        assertThat(http().get(null, "/v3/api-docs").status()).isEqualTo(200);
        assertThat(http().get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private JsonNode docs() {
        Answer answer = http().get(null, "/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }
}
