package nl.incidents.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.support.testing.RawHttp.Answer;
import nl.incidents.support.testing.TestTokens;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the command service with an access token of the board's provider (here the test
 * provider, {@link TestTokens#shared()}): the directory's person acts, whatever else the token or the
 * request says; a token the service must not trust is 401, a person the directory does not know 403.
 * Beside the demo board, HTTP Basic works too.
 */
class SignInTest extends RunningCommandService {

    private final TestTokens provider = TestTokens.shared();

    @Test
    void aTokenSignsInTheDirectorysPerson() {
        Answer me = http().getWithToken(provider.accessToken("teacher"), "/api/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(parse("""
                {"id":"teacher","name":"Tessa de Vries","email":"teacher@demo.example","role":"STAFF",
                 "schools":[{"id":"school-1","name":"OBS De Esch"}]}"""));
        assertThat(http().get("board", "/api/me").json().path("role").asText())
                .as("HTTP Basic beside the demo board").isEqualTo("BOARD");
    }

    @Test
    void aReportSentWithATokenRecordsTheTokensPersonAsReporterAndActor() {
        String id = UUID.randomUUID().toString();
        // The token's other claims say someone else; only the person claim (sub) counts.
        String token = provider.token("teacher").claim("preferred_username", "board").claim("name", "Bestuur").sign();

        Answer answer = http().postWithToken(token, "/api/incidents", json(CommandApiTest.report(id, "school-1")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        DomainEventMessage<?> reported = eventStore.readEvents(id).next();
        assertThat(((DerailingDiscussionReported) reported.getPayload()).reportedBy().value()).isEqualTo("teacher");
        assertThat(cipher.actor(IncidentId.of(id), reported.getMetaData()))
                .isEqualTo(new Actor(new PersonId("teacher"), ActorRole.STAFF));
        assertThat(reported.getMetaData().get(Actor.ID_KEY).toString()).as("stored encrypted").startsWith("pd1:");
        // The directory's role decides: a teacher may not close the case, whatever the token says.
        http().postWithToken(token, "/api/incidents/" + id + "/closure", json(Map.of("outcome", "done")))
                .assertProblem(403, null);
    }

    @Test
    void aTokenTheServiceMustNotTrustIsRefused401WithABearerChallenge() {
        Map<String, String> spoiled = Map.of(
                "expired", provider.token("teacher").expiresAt(Instant.now().minus(Duration.ofMinutes(2))).sign(),
                "altered after signing", provider.token("teacher").tamperedWith("sub", "board"),
                "signed by another key", provider.token("board").signedByAnotherKey().sign(),
                "of another issuer", provider.token("board").issuer("https://login.example.com/other").sign(),
                "for another audience", provider.token("board").audience("another-api").sign(),
                "not a token", "not-a-token");
        spoiled.forEach((what, token) -> {
            Answer refused = http().getWithToken(token, "/api/me");
            assertThat(refused.assertProblem(401, null)).as(what).contains("access token is not accepted");
            assertThat(refused.header("WWW-Authenticate")).as(what).startsWith("Bearer ").contains("error=\"invalid_token\"");
        });
        String id = UUID.randomUUID().toString();
        http().postWithToken(spoiled.get("altered after signing"), "/api/incidents", json(CommandApiTest.report(id, "school-1")))
                .assertProblem(401, null);
        assertThat(events(id)).isEmpty();

        Answer none = http().getWithToken(null, "/api/me");
        none.assertProblem(401, null);
        assertThat(none.headers("WWW-Authenticate")).containsExactly("Bearer realm=\"incidents\"", "Basic realm=\"incidents\"");
    }

    @Test
    void aValidTokenOfSomeoneOutsideTheDirectoryIsRefused403() {
        for (String token : new String[] {provider.accessToken("a.stranger"), provider.token(null).sign()}) {
            Answer refused = http().getWithToken(token, "/api/me");
            assertThat(refused.assertProblem(403, null)).contains("directory does not know you");
            String id = UUID.randomUUID().toString();
            http().postWithToken(token, "/api/incidents", json(CommandApiTest.report(id, "school-1"))).assertProblem(403, null);
            assertThat(events(id)).isEmpty();
        }
    }

    @Test
    void aWrongPasswordIs401() {
        Answer wrong = http().send(http().requestWithPassword("manager2", "not-demo", "/api/me").GET().build());
        assertThat(wrong.assertProblem(401, null)).contains("user name or password is wrong");
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
