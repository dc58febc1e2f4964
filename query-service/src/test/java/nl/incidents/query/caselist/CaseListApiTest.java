package nl.incidents.query.caselist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case list a page at a time, on a store of its own: its order, its filters and its pages as the
 * database answers them. Five cases of school-2, each a kind the list must tell apart:
 * <ul>
 *   <li>{@code late}: its acknowledgement was due an hour ago;</li>
 *   <li>{@code calm}: its acknowledgement is due tomorrow;</li>
 *   <li>{@code reminded}: the board is reminded of its police decision, due two hours ago; the next
 *       reminder is in three hours;</li>
 *   <li>{@code closed}; and {@code untimed}, reported before deadlines existed.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@Import(EventStoreSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListApiTest {

    private static final Actor TEACHER2 = new Actor(new PersonId("teacher2"), ActorRole.STAFF);
    private static final Actor MANAGER2 = new Actor(new PersonId("manager2"), ActorRole.MANAGER);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "case-list");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    private final Map<IncidentId, Long> sequences = new HashMap<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private IncidentId late;
    private IncidentId calm;
    private IncidentId reminded;
    private IncidentId closed;
    private IncidentId untimed;

    @BeforeAll
    void fiveCasesOfSchoolTwo() {
        late = reported("school-2", Severity.HIGH, TEACHER2);
        escalated(late, "manager2", now.minus(Duration.ofHours(1)));
        calm = reported("school-2", Severity.LOW, TEACHER2);
        escalated(calm, "manager2", now.plus(Duration.ofDays(1)));
        reminded = reported("school-2", Severity.CRITICAL, TEACHER2);
        Instant policeDue = now.minus(Duration.ofHours(2));
        append(reminded, TEACHER2, new DeadlineSet(reminded, Step.POLICE_DECISION, policeDue, 0));
        escalated(reminded, "manager2", now.minus(Duration.ofHours(3)));
        append(reminded, MANAGER2, new EscalationAcknowledged(reminded, Assignee.manager(MANAGER2.id()), null));
        append(reminded, Actor.SYSTEM, new StepOverdue(reminded, Step.POLICE_DECISION, policeDue, null));
        append(reminded, Actor.SYSTEM, new BoardReminded(reminded, Step.POLICE_DECISION, 1));
        append(reminded, Actor.SYSTEM, new DeadlineSet(reminded, Step.POLICE_DECISION, now.plus(Duration.ofHours(3)), 1));
        closed = reported("school-2", Severity.MEDIUM, TEACHER2);
        escalated(closed, "manager2", now.plus(Duration.ofHours(1)));
        append(closed, MANAGER2, new EscalationAcknowledged(closed, Assignee.manager(MANAGER2.id()), null));
        append(closed, MANAGER2, new IncidentClosed(closed, "Posts removed"));
        untimed = reported("school-2", Severity.MEDIUM, TEACHER2);
        append(untimed, Actor.SYSTEM, new IncidentEscalated(untimed, Assignee.manager(MANAGER2.id()), null));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            JsonNode all = page("board", "/api/incidents?school=school-2");
            return item(all, untimed) != null && item(all, closed).path("status").asText().equals("CLOSED")
                    && item(all, reminded).path("nextDue").path("step").asText().equals("POLICE_DECISION");
        });
    }

    @Test
    void theDueOrderPutsTheLongestOverdueFirstThenTheRestNewestFirst() {
        assertThat(ids(page("board", "/api/incidents?school=school-2&sort=due")))
                .containsExactly(id(reminded), id(late), id(calm), id(untimed), id(closed));
        assertThat(ids(page("manager2", "/api/incidents?school=school-2&sort=due")))
                .containsExactly(id(reminded), id(late), id(calm), id(untimed), id(closed));
        // Whoever may not see deadlines gets no order that would tell them: newest first.
        assertThat(ids(page("teacher2", "/api/incidents?school=school-2&sort=due")))
                .containsExactly(id(untimed), id(closed), id(reminded), id(calm), id(late));
    }

    @Test
    void aStepTheBoardIsRemindedOfIsOverdueSinceItsDeadlineThoughTheNextReminderIsAhead() {
        JsonNode row = item(page("board", "/api/incidents?school=school-2"), reminded);
        assertThat(Instant.parse(row.path("nextDue").path("dueAt").asText())).isAfter(now);
        assertThat(Instant.parse(row.path("overdueSince").asText())).isEqualTo(now.minus(Duration.ofHours(2)));
        assertThat(item(page("board", "/api/incidents?school=school-2"), calm).has("overdueSince")).isFalse();
    }

    @Test
    void theFiltersTakeWhatTheySay() {
        assertThat(ids(page("board", "/api/incidents?school=school-2&overdue=true")))
                .containsExactlyInAnyOrder(id(reminded), id(late));
        assertThat(ids(page("board", "/api/incidents?school=school-2&overdue=false")))
                .containsExactlyInAnyOrder(id(calm), id(closed), id(untimed));
        assertThat(ids(page("board", "/api/incidents?school=school-2&status=CLOSED"))).containsExactly(id(closed));
        assertThat(ids(page("board", "/api/incidents?school=school-2&status=escalated&status=acknowledged")))
                .containsExactlyInAnyOrder(id(late), id(calm), id(reminded), id(untimed));
        assertThat(ids(page("board", "/api/incidents?school=school-2&severity=LOW,CRITICAL")))
                .containsExactlyInAnyOrder(id(calm), id(reminded));
        assertThat(ids(page("manager2", "/api/incidents?school=school-1"))).isEmpty();

        ResponseEntity<JsonNode> refused = get("teacher2", "/api/incidents?overdue=true");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void thePagesFollowOneAnotherByTheirLinksToTheLast() {
        List<List<String>> pages = new ArrayList<>();
        JsonNode page = page("board", "/api/incidents?school=school-2&sort=due&size=2");
        pages.add(ids(page));
        while (page.has("next")) {
            page = page("board", page.path("next").asText());
            pages.add(ids(page));
        }
        assertThat(pages).containsExactly(List.of(id(reminded), id(late)), List.of(id(calm), id(untimed)), List.of(id(closed)));
    }

    @Test
    void casesReportedWhileSomeonePagesNeitherRepeatNorHideACase() {
        List<IncidentId> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(0, reported("school-1", Severity.MEDIUM, new Actor(new PersonId("teacher"), ActorRole.STAFF)));
        }
        await().until(() -> ids(page("board", "/api/incidents?school=school-1&size=200")).containsAll(ids(before)));
        JsonNode first = page("board", "/api/incidents?school=school-1&size=2");
        assertThat(ids(first)).containsExactly(id(before.get(0)), id(before.get(1)));

        IncidentId newer = reported("school-1", Severity.MEDIUM, new Actor(new PersonId("teacher"), ActorRole.STAFF));
        await().until(() -> ids(page("board", "/api/incidents?school=school-1")).contains(id(newer)));
        List<String> rest = new ArrayList<>();
        JsonNode page = first;
        while (page.has("next")) {
            page = page("board", page.path("next").asText());
            rest.addAll(ids(page));
        }
        assertThat(rest).containsExactly(id(before.get(2)), id(before.get(3)), id(before.get(4)));
    }

    private IncidentId reported(String school, Severity severity, Actor reporter) {
        pause(); // each case reported at a time of its own: the list orders by it
        IncidentId id = IncidentId.random();
        append(id, reporter, new DerailingDiscussionReported(id, school, Platform.INSTAGRAM, "https://instagram.com/x", "Posts",
                Stage.THREATENING, Set.of(Harm.INSULTING), severity,
                List.of(new InvolvedParty(new PersonId("pupil-9"), PartyRole.PUPIL, Part.TARGET)), now.minusSeconds(600),
                reporter.id()));
        return id;
    }

    private static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void escalated(IncidentId id, String manager, Instant acknowledgeBy) {
        append(id, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(new PersonId(manager)), "Reported"));
        append(id, Actor.SYSTEM, new DeadlineSet(id, Step.ACKNOWLEDGE, acknowledgeBy, 0));
    }

    private void append(IncidentId id, Actor actor, Object event) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event,
                MetaData.from(actor.asMetaData())));
    }

    private JsonNode page(String user, String path) {
        ResponseEntity<JsonNode> response = get(user, path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        // Every event appended so far is projected before the read; see CaughtUp.
        CaughtUp.await(eventStore, processing);
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    private static JsonNode item(JsonNode page, IncidentId id) {
        for (JsonNode item : page.path("items")) {
            if (item.path("incidentId").asText().equals(id.toString())) {
                return item;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("incidentId").asText()));
        return ids;
    }

    private static List<String> ids(List<IncidentId> ids) {
        return ids.stream().map(IncidentId::toString).toList();
    }

    private static String id(IncidentId id) {
        return id.toString();
    }
}
