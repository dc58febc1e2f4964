package nl.incidents.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.support.privacy.PersonalDataCipher;
import nl.incidents.support.testing.RawHttp.Answer;
import nl.incidents.support.testing.RawHttp;
import nl.incidents.support.testing.TestStore;
import nl.incidents.support.testing.TestTokens;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command service as a board runs it: without the demo board, with its own directory, trusting its own
 * provider (found from the issuer alone: no key set address), people named by Entra ID's {@code oid} claim.
 * HTTP Basic is refused, even with a password the directory holds; a token is accepted, and the service
 * started without asking the provider anything. In the build's PostgreSQL run this is the postgres profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
class ProductionSignInTest {

    private static final TestTokens PROVIDER = TestTokens.start();
    private static final String MANAGERS_OID = "6f1c2d3e-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

    @DynamicPropertySource
    static void board(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "command-production-sign-in");
        registry.add("incidents.demo.enabled", () -> "false");
        PROVIDER.register(registry);
        registry.add("incidents.sign-in.jwk-set-uri", () -> "");
        registry.add("incidents.sign-in.person-claim", () -> "oid");
        registry.add("incidents.directory.name", () -> "Stichting Voorbeeld");
        registry.add("incidents.directory.schools[0].id", () -> "obs-anker");
        registry.add("incidents.directory.schools[0].name", () -> "OBS Het Anker");
        registry.add("incidents.directory.schools[0].region", () -> "MIDDLE");
        user(registry, 0, "e1000", "Marieke Jansen", "MANAGER", "obs-anker");
        registry.add("incidents.directory.users[0].subject", () -> MANAGERS_OID);
        // A password in the directory counts for nothing here: password sign-in is off.
        registry.add("incidents.directory.users[0].password", () -> "{noop}secret");
        user(registry, 1, "e2000", "Pieter de Boer", "STAFF", "obs-anker");
        user(registry, 2, "e9000", "Bestuur", "BOARD", null);
    }

    private static void user(DynamicPropertyRegistry registry, int i, String id, String name, String role, String school) {
        String user = "incidents.directory.users[" + i + "].";
        registry.add(user + "id", () -> id);
        registry.add(user + "name", () -> name);
        registry.add(user + "role", () -> role);
        if (school != null) {
            registry.add(user + "schools[0]", () -> school);
        }
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void bearerIsAcceptedBasicIsNot() {
        RawHttp http = new RawHttp(port);
        assertThat(PROVIDER.discoveries()).as("asked before the first token").isZero();
        assertThat(PROVIDER.keyFetches()).isZero();

        for (String[] password : new String[][] {{"e1000", "secret"}, {"teacher", "demo"}}) {
            Answer refused = http.send(http.requestWithPassword(password[0], password[1], "/api/me").GET().build());
            assertThat(refused.assertProblem(401, null)).contains("user name and password is not possible here");
            assertThat(refused.headers("WWW-Authenticate")).containsExactly("Bearer realm=\"incidents\"");
        }

        Answer me = http.getWithToken(PROVIDER.token("someone-at-entra").claim("oid", MANAGERS_OID).sign(), "/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo("e1000");
        assertThat(me.json().path("schools").get(0).path("name").asText()).isEqualTo("OBS Het Anker");
        assertThat(PROVIDER.discoveries()).isEqualTo(1);
        assertThat(PROVIDER.keyFetches()).isEqualTo(1);

        // Without a subject in the directory, the oid is compared with the user id.
        String id = UUID.randomUUID().toString();
        Answer report = http.postWithToken(PROVIDER.token("x").claim("oid", "e2000").sign(), "/api/incidents",
                RunningCommandService.json(CommandApiTest.report(id, "obs-anker")));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        assertThat(cipher.actor(IncidentId.of(id), eventStore.readEvents(id).next().getMetaData()))
                .isEqualTo(new Actor(new PersonId("e2000"), ActorRole.STAFF));

        // The person claim is oid: a token without one names nobody, whatever its sub.
        http.getWithToken(PROVIDER.accessToken("e1000"), "/api/me").assertProblem(403, null);
    }
}
