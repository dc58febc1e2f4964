package nl.incidents.query.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.Timing;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inbox in the query service's real context on its own store: a case climbs by itself (the
 * events appended to the store, standing in for the command service), and each member reads their
 * own notices of it through {@code GET /api/inbox}, and nobody else's.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class InboxApiTest {

    private static final String LINKS = "https://incidents.example.nl";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "inbox-api");
        registry.add("incidents.notifications.link-base-url", () -> LINKS);
    }


    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    private final IncidentId id = IncidentId.random();
    private final String pupil = "pupil-" + id.value().toString().substring(0, 8);
    private final Instant reported = Instant.now().minusSeconds(60);
    private final Map<IncidentId, Long> sequences = new HashMap<>();

    /** A critical case nobody acts on: up to the board, communications informed by the system, the board reminded. */
    @BeforeEach
    void aCaseClimbsByItself() {
        Instant commsDue = reported.plusSeconds(10);
        Instant managerDue = reported.plusSeconds(5);
        Instant boardDue = reported.plusSeconds(15);
        PersonId manager = new PersonId("manager");
        append(new Actor(new PersonId("teacher"), ActorRole.STAFF), new DerailingDiscussionReported(id, "school-1",
                Platform.TIKTOK, "https://www.tiktok.com/@someone/video/1", "Pupils insult a classmate in a video",
                Stage.DERAILED, Set.of(Harm.INSULTING), Severity.CRITICAL,
                List.of(new InvolvedParty(new PersonId(pupil), PartyRole.PUPIL, Part.TARGET)), reported,
                new PersonId("teacher")));
        Duration second = Duration.ofSeconds(5);
        append(Actor.SYSTEM, new EscalationPolicyRecorded(id, new Timing(second, second, second, second, second),
                ClockMode.AROUND_THE_CLOCK, Region.NORTH, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), false));
        append(Actor.SYSTEM, new DeadlineSet(id, Step.NOTIFY_COMMUNICATIONS, commsDue, 0));
        append(Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(manager), "Reported: the manager hears of it at once."));
        append(Actor.SYSTEM, new DeadlineSet(id, Step.ACKNOWLEDGE, managerDue, 0));
        append(Actor.SYSTEM, new StepOverdue(id, Step.ACKNOWLEDGE, managerDue, Assignee.manager(manager)));
        append(Actor.SYSTEM, new IncidentEscalated(id, Assignee.board(), "manager manager did not acknowledge the case"));
        append(Actor.SYSTEM, new DeadlineSet(id, Step.ACKNOWLEDGE, boardDue, 0));
        append(Actor.SYSTEM, new StepOverdue(id, Step.NOTIFY_COMMUNICATIONS, commsDue, null));
        append(Actor.SYSTEM, new CommunicationsDepartmentNotified(id, "Notified by the system"));
        append(Actor.SYSTEM, new StepOverdue(id, Step.ACKNOWLEDGE, boardDue, Assignee.board()));
        append(Actor.SYSTEM, new BoardReminded(id, Step.ACKNOWLEDGE, 1));
        append(Actor.SYSTEM, new DeadlineSet(id, Step.ACKNOWLEDGE, boardDue.plusSeconds(5), 1));

        await().until(() -> entries("board", "").size() == 2 && entries("manager", "").size() == 3
                && entries("comms", "").size() == 1);
    }

    @Test
    void theManagerReadsTheEscalationThatTheCaseWentUpAndThatTheSystemInformedCommunications() {
        List<JsonNode> inbox = entries("manager", "");
        assertThat(kinds(inbox)).containsExactly("COMMUNICATIONS_BY_SYSTEM", "ESCALATED_TO_BOARD", "ESCALATION");
        JsonNode escalation = inbox.get(2);
        assertThat(escalation.path("incidentId").asText()).isEqualTo(id.toString());
        assertThat(escalation.path("subject").asText()).startsWith("Incident " + id + ": escalated to you, acknowledge by ");
        assertThat(escalation.path("text").asText()).contains("OBS De Esch (school-1)")
                .contains(LINKS + "/cases/" + id);
        OffsetDateTime received = OffsetDateTime.parse(escalation.path("receivedAt").asText());
        assertThat(received.getOffset()).isEqualTo(ZoneId.of("Europe/Amsterdam").getRules().getOffset(received.toInstant()));
    }

    @Test
    void theInboxAndTheDossierGiveTheSameDueTimeInDutchTime() {
        String subject = entries("manager", "").get(2).path("subject").asText();
        Matcher due = Pattern.compile("acknowledge by (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d CES?T)").matcher(subject);
        assertThat(due.find()).as(subject).isTrue();
        List<String> timeline = new ArrayList<>();
        get("manager", "/api/incidents/" + id).getBody().path("timeline").forEach(e -> timeline.add(e.path("text").asText()));
        assertThat(timeline).contains("Acknowledgement due by " + due.group(1) + " (manager manager), set by the system");
    }

    @Test
    void theBoardReadsTheEscalationWithTheMissedDeadlineAndTheReminder() {
        List<JsonNode> inbox = entries("board", "");
        assertThat(kinds(inbox)).containsExactly("REMINDER", "ESCALATION");
        assertThat(inbox.get(0).path("subject").asText())
                .isEqualTo("Incident " + id + ": reminder 1, acknowledge the case is overdue");
        assertThat(inbox.get(1).path("text").asText()).contains("has been escalated to the board")
                .contains("It was not acknowledged by ");
        assertThat(kinds(entries("comms", ""))).containsExactly("COMMUNICATIONS");
    }

    @Test
    void nobodyReadsAnotherMembersNoticesAndNoNoticeNamesWhoIsInvolved() {
        assertThat(entries("manager2", "")).isEmpty();
        assertThat(entries("teacher", "")).isEmpty();
        for (String user : List.of("manager", "board", "comms")) {
            for (JsonNode entry : entries(user, "")) {
                assertThat(entry.toString()).doesNotContain(pupil).doesNotContain("insult").doesNotContain("tiktok")
                        .doesNotContain("INSULTING");
            }
        }
    }

    @Test
    void aMemberMarksTheirOwnEntryReadAndTheUnreadCountFalls() {
        List<JsonNode> before = entries("manager", "");
        assertThat(before).allSatisfy(entry -> assertThat(entry.path("read").asBoolean()).isFalse());
        long unread = get("manager", "/api/inbox/unread").getBody().path("unread").asLong();
        String entryId = before.get(0).path("id").asText();

        assertThat(http.withBasicAuth("manager2", "demo").postForEntity("/api/inbox/" + entryId + "/read", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (int twice = 0; twice < 2; twice++) {
            assertThat(http.withBasicAuth("manager", "demo").postForEntity("/api/inbox/" + entryId + "/read", null, Void.class)
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }

        assertThat(get("manager", "/api/inbox/unread").getBody().path("unread").asLong()).isEqualTo(unread - 1);
        List<JsonNode> after = entries("manager", "");
        assertThat(after.get(0).path("read").asBoolean()).isTrue();
        assertThat(after.get(1).path("read").asBoolean()).isFalse();
    }

    @Test
    void theLimitPicksTheNewest() {
        assertThat(kinds(entries("manager", "?limit=1"))).containsExactly("COMMUNICATIONS_BY_SYSTEM");
        assertThat(entries("manager", "?limit=200")).hasSize(3);
    }

    @Test
    void eachNoticeKeepsItsFactsForTheReadersLanguage() {
        JsonNode escalation = entries("manager", "").get(2).path("facts");
        assertThat(escalation.path("kind").asText()).isEqualTo("ESCALATION");
        assertThat(escalation.path("incidentId").asText()).isEqualTo(id.toString());
        assertThat(escalation.path("schoolId").asText()).isEqualTo("school-1");
        assertThat(escalation.path("schoolName").asText()).isEqualTo("OBS De Esch");
        assertThat(escalation.path("level").asText()).isEqualTo("MANAGER");
        assertThat(escalation.path("step").asText()).isEqualTo("ACKNOWLEDGE");
        // Dutch time to the second in JSON, as every time the API gives.
        assertThat(OffsetDateTime.parse(escalation.path("dueAt").asText()).toEpochSecond())
                .isEqualTo(reported.plusSeconds(5).getEpochSecond());
        assertThat(escalation.has("missedAcknowledgement")).isFalse();

        List<JsonNode> board = entries("board", "");
        JsonNode toBoard = board.get(1).path("facts");
        assertThat(toBoard.path("level").asText()).isEqualTo("BOARD");
        assertThat(OffsetDateTime.parse(toBoard.path("missedAcknowledgement").asText()).toEpochSecond())
                .isEqualTo(reported.plusSeconds(5).getEpochSecond());
        JsonNode reminder = board.get(0).path("facts");
        assertThat(reminder.path("reminder").asInt()).isEqualTo(1);
        assertThat(reminder.path("step").asText()).isEqualTo("ACKNOWLEDGE");
        JsonNode bySystem = entries("manager", "").get(0).path("facts");
        assertThat(bySystem.path("kind").asText()).isEqualTo("COMMUNICATIONS_BY_SYSTEM");
        assertThat(bySystem.path("bySystem").asBoolean()).isTrue();
        assertThat(bySystem.path("step").asText()).isEqualTo("NOTIFY_COMMUNICATIONS");
    }

    @Test
    void anEntryListedBeforeTheFactsWereKeptShowsItsStoredText() {
        jdbc.sql("""
                INSERT INTO inbox_entry (event_id, recipient_id, incident_id, kind, subject, text, received_at)
                VALUES (?, 'teacher2', ?, 'REMINDER', 'An old notice', 'Its old text', ?)""")
                .params("old-" + id, id.toString(), OffsetDateTime.now(ZoneId.of("UTC"))).update();

        assertThat(entries("teacher2", "")).singleElement().satisfies(entry -> {
            assertThat(entry.path("subject").asText()).isEqualTo("An old notice");
            assertThat(entry.path("text").asText()).isEqualTo("Its old text");
            assertThat(entry.has("facts")).isFalse();
        });
    }

    @Test
    void theInboxIsDocumented() {
        JsonNode docs = http.getForEntity("/v3/api-docs", JsonNode.class).getBody();
        assertThat(docs.path("paths").path("/api/inbox").path("get").path("parameters").get(0).path("name").asText())
                .isEqualTo("limit");
    }

    /** This case's entries in the user's inbox, in the order the API gives them. */
    private List<JsonNode> entries(String user, String query) {
        ResponseEntity<JsonNode> response = get(user, "/api/inbox" + query);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = new ArrayList<>();
        response.getBody().forEach(entry -> {
            if (entry.path("incidentId").asText().equals(id.toString())) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static List<String> kinds(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("kind").asText()).toList();
    }

    private void append(Actor actor, Object event) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event, actor.asMetaData()));
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        // Every event appended so far is projected before the read; see CaughtUp.
        CaughtUp.await(eventStore, processing);
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }
}
