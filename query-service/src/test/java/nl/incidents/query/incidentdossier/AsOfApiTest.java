package nl.incidents.query.incidentdossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A case as it stood at a moment, on H2 and PostgreSQL: one case taken through its path over three weeks of a test
 * clock (reported, escalated and acknowledged in week one, a strategy and a measure in week two, closed in week
 * three), and the board's view at three moments compared with what was true then, with what changed since. Only the
 * board asks; a moment before the report is 404, a malformed one 400 naming {@code at}; each look is in the access
 * log as a read of the case's dossier.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class AsOfApiTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Instant MONDAY = Instant.parse("2026-10-05T08:00:00Z");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "as-of");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    private long sequence;

    @AfterEach
    void clockBack() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void theBoardSeesTheCaseAsItStoodAtThreeMomentsAndWhatChangedSince() {
        IncidentId id = IncidentId.random();
        PersonId pupil = new PersonId("llnr-asof");
        append(id, TEACHER, MONDAY, new DerailingDiscussionReported(id, "school-1", Platform.TIKTOK,
                "https://www.tiktok.com/@x/video/7", "A video mocks a teacher.", Stage.DERAILED, Set.of(Harm.BULLYING),
                Severity.MEDIUM, List.of(new InvolvedParty(pupil, PartyRole.PUPIL, Part.AUTHOR)),
                MONDAY.minus(Duration.ofHours(2)), TEACHER.id()));
        append(id, Actor.SYSTEM, MONDAY.plusSeconds(1), new IncidentEscalated(id, Assignee.manager(MANAGER.id()),
                "Reported: the manager hears of it at once."));
        append(id, MANAGER, MONDAY.plus(Duration.ofHours(3)), new EscalationAcknowledged(id,
                Assignee.manager(MANAGER.id()), "Seen."));
        Instant weekTwo = MONDAY.plus(Duration.ofDays(7));
        append(id, MANAGER, weekTwo, new ResponseStrategyAgreed(id, Set.of(ResponseStrategy.CONVERSATION_IN_PERSON),
                "Talk with the pupil and the parents.", TEACHER.id()));
        append(id, MANAGER, weekTwo.plus(Duration.ofDays(1)), new MeasureImposed(id, pupil, PartyRole.PUPIL,
                Measure.WARNING, "Warned."));
        Instant weekThree = MONDAY.plus(Duration.ofDays(14));
        append(id, MANAGER, weekThree, new IncidentClosed(id, "Settled with the parents."));
        CaughtUp.await(eventStore, processing);

        JsonNode reportedOnly = asOf("board", id, "2026-10-05T10:30:00+02:00").getBody(); // reported 08:00 UTC
        assertThat(reportedOnly.path("dossier").path("status").asText()).isEqualTo("ESCALATED");
        assertThat(reportedOnly.path("dossier").path("escalation").path("acknowledgedAt").isNull()
                || reportedOnly.path("dossier").path("escalation").path("acknowledgedAt").isMissingNode()).isTrue();
        assertThat(reportedOnly.path("dossier").path("actions")).isEmpty();
        assertThat(codes(reportedOnly.path("since"))).containsExactly("acknowledged", "strategy-agreed",
                "measure-imposed", "closed");

        JsonNode weekTwoThen = asOf("board", id, weekTwo.plus(Duration.ofHours(1)).toString().replace("Z", "+00:00"))
                .getBody();
        assertThat(weekTwoThen.path("dossier").path("status").asText()).isEqualTo("STRATEGY_AGREED");
        assertThat(weekTwoThen.path("dossier").path("strategy").path("description").asText())
                .isEqualTo("Talk with the pupil and the parents.");
        assertThat(weekTwoThen.path("dossier").path("measures")).isEmpty();
        assertThat(codes(weekTwoThen.path("since"))).containsExactly("measure-imposed", "closed");

        JsonNode now = asOf("board", id, "2026-11-30T12:00:00+01:00").getBody();
        assertThat(now.path("dossier").path("status").asText()).isEqualTo("CLOSED");
        assertThat(now.path("dossier").path("measures").get(0).path("measure").asText()).isEqualTo("WARNING");
        assertThat(now.path("since")).isEmpty();

        assertThat(asOf("manager", id, "2026-10-20T12:00:00+02:00").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> before = asOf("board", id, "2026-10-04T12:00:00+02:00");
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(before.getBody().path("code").asText()).isEqualTo("case.not-yet");
        ResponseEntity<JsonNode> malformed = asOf("board", id, "last tuesday");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("field").asText()).isEqualTo("at");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE incident_id = ? AND kind = 'INCIDENT_DOSSIER'")
                .param(id.toString()).query(Long.class).single()).as("every look but the malformed one").isEqualTo(5);
    }

    private static List<String> codes(JsonNode timeline) {
        return java.util.stream.StreamSupport.stream(timeline.spliterator(), false).map(e -> e.path("code").asText())
                .filter(code -> !code.equals("deadline-set") && !code.equals("terms-recorded")).toList();
    }

    private ResponseEntity<JsonNode> asOf(String user, IncidentId id, String at) {
        CaughtUp.await(eventStore, processing);
        return http.withBasicAuth(user, "demo").getForEntity("/api/incidents/{id}/as-of?at={at}", JsonNode.class,
                id.toString(), at);
    }

    private void append(IncidentId id, Actor actor, Instant at, Object event) {
        GenericEventMessage.clock = Clock.fixed(at, ZoneOffset.UTC);
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence++, event,
                MetaData.from(actor.asMetaData())));
    }
}
