package nl.incidents.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.RawHttp;
import nl.incidents.support.testing.RawHttp.Answer;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in to the query service with an access token of the board's provider (the test provider,
 * {@link TestTokens#shared()}): the directory's person reads what their role and schools allow; a token
 * the service must not trust is 401, a person the directory does not know 403.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@Import(EventStoreSchema.class)
class SignInTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "query-sign-in");
    }

    private final TestTokens provider = TestTokens.shared();

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @LocalServerPort
    int port;

    @Test
    void aTokenSignsInTheDirectorysPersonWhoReadsWhatTheirSchoolsAllow() {
        IncidentId atSchool1 = report("school-1", "teacher", ActorRole.STAFF);
        IncidentId atSchool2 = report("school-2", "teacher2", ActorRole.STAFF);
        CaughtUp.await(eventStore, processing);
        RawHttp http = new RawHttp(port);

        Answer me = http.getWithToken(provider.accessToken("teacher"), "/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("name").asText()).isEqualTo("Tessa de Vries");
        assertThat(me.json().path("role").asText()).isEqualTo("STAFF");
        assertThat(me.json().path("schools").toString()).isEqualTo("[{\"id\":\"school-1\",\"name\":\"OBS De Esch\"}]");

        // The token's other claims say the board; only sub counts, and the directory makes it a teacher.
        String token = provider.token("teacher").claim("preferred_username", "board").claim("roles", List.of("BOARD")).sign();
        Answer list = http.getWithToken(token, "/api/incidents?size=200");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().path("items").forEach(item -> ids.add(item.path("incidentId").asText()));
        assertThat(ids).contains(atSchool1.toString()).doesNotContain(atSchool2.toString());
        http.getWithToken(token, "/api/incidents/" + atSchool2).assertProblem(403, null);
        http.getWithToken(token, "/api/incidents/" + atSchool1 + "/history").assertProblem(403, null);
        JsonNode asBoard = http.getWithToken(provider.accessToken("board"), "/api/incidents/" + atSchool1 + "/history").json();
        assertThat(asBoard.get(0).path("actor").path("id").asText()).isEqualTo("teacher");
    }

    @Test
    void aTokenTheServiceMustNotTrustIsRefused401AndAStrangers403() {
        RawHttp http = new RawHttp(port);
        Map<String, String> spoiled = Map.of(
                "expired", provider.token("board").expiresAt(Instant.now().minus(Duration.ofMinutes(2))).sign(),
                "altered after signing", provider.token("teacher").tamperedWith("sub", "board"),
                "signed by another key", provider.token("board").signedByAnotherKey().sign(),
                "of another issuer", provider.token("board").issuer("https://login.example.com/other").sign(),
                "for another audience", provider.token("board").audience("another-api").sign());
        spoiled.forEach((what, token) -> {
            Answer refused = http.getWithToken(token, "/api/incidents");
            assertThat(refused.assertProblem(401, null)).as(what).contains("access token is not accepted");
            assertThat(refused.header("WWW-Authenticate")).as(what).startsWith("Bearer ");
        });
        Answer none = http.getWithToken(null, "/api/me");
        none.assertProblem(401, null);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"incidents\"");

        Answer stranger = http.getWithToken(provider.accessToken("a.stranger"), "/api/incidents");
        assertThat(stranger.assertProblem(403, null)).contains("directory does not know you");
        http.getWithToken(provider.accessToken("a.stranger"), "/api/me").assertProblem(403, null);
    }

    private final Map<IncidentId, Long> sequences = new HashMap<>();

    private IncidentId report(String school, String reporter, ActorRole role) {
        IncidentId id = IncidentId.random();
        DerailingDiscussionReported reported = new DerailingDiscussionReported(id, school, Platform.FACEBOOK,
                "https://facebook.com/x", "Threats", Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH, List.of(),
                Instant.parse("2026-11-01T10:00:00Z"), new PersonId(reporter));
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, reported,
                new Actor(new PersonId(reporter), role).asMetaData()));
        return id;
    }
}
