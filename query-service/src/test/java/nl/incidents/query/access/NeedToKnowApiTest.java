package nl.incidents.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.EvidenceAttached;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.NeedToKnowReaderRemoved;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.Timing;
import nl.incidents.query.EventStoreSchema;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
 * Need to know, in the query service's real context on its own store (H2, or PostgreSQL in the build's PostgreSQL
 * run): a legal-duty case and a case the board marked, both of the manager's school. The manager sees neither in the
 * case list, the dossier, the history, a person's dossier, the dashboard, the inbox or its unread count, nor is told
 * of them live; the board sees both; once the board adds the manager they do, and are told so; once taken off, not.
 * The events are appended to the store, standing in for the command service.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class NeedToKnowApiTest {

    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "need-to-know-api");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReadableCases readable;

    private final Map<IncidentId, Long> sequences = new HashMap<>();
    private final Instant reported = Instant.now().minusSeconds(60);

    @Test
    void aLegalDutyCaseIsKnownOnlyToTheBoardAndThePeopleItAdds() {
        IncidentId id = IncidentId.random();
        PersonId pupil = new PersonId("pupil-" + id.value().toString().substring(0, 8));
        append(id, TEACHER, report(id, Set.of(Harm.SEXUAL_IMAGES_OF_MINORS),
                List.of(new InvolvedParty(new PersonId("staff-" + id.value().toString().substring(0, 8)), PartyRole.STAFF,
                        Part.AUTHOR), new InvolvedParty(pupil, PartyRole.PUPIL, Part.TARGET))));
        append(id, Actor.SYSTEM, terms(id, true));
        append(id, Actor.SYSTEM, new IncidentEscalated(id, Assignee.board(), "legal duty"));
        append(id, Actor.SYSTEM, new DeadlineSet(id, Step.ACKNOWLEDGE, reported.plusSeconds(3600), 0));
        append(id, BOARD, new CommunicationsDepartmentNotified(id, "Press questions expected"));
        append(id, BOARD, new MeasureImposed(id, pupil, PartyRole.PUPIL, Measure.WARNING, "Talked it through."));

        assertThat(listed("board")).contains(id.toString());
        assertThat(inbox("board", id)).containsExactly("ESCALATION");
        assertHiddenFrom("manager", id, pupil);
        assertHiddenFrom("comms", id, null);
        assertThat(inbox("comms", id)).isEmpty();

        append(id, BOARD, new NeedToKnowReaderAdded(id, MANAGER.id()));
        assertThat(listed("manager")).contains(id.toString());
        assertThat(get("manager", "/api/incidents/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("manager", "/api/people/" + pupil + "/dossier?kind=PUPIL").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readable.mayRead(id, MANAGER)).isTrue();
        assertThat(inbox("manager", id)).containsExactly("NEED_TO_KNOW_READER_ADDED");
        JsonNode added = entries("manager", id).get(0);
        assertThat(added.path("subject").asText()).isEqualTo("Incident " + id + ": you were added to a confidential case");
        assertThat(added.toString()).doesNotContain(pupil.value());

        append(id, BOARD, new NeedToKnowReaderRemoved(id, MANAGER.id()));
        assertHiddenFrom("manager", id, pupil);
    }

    @Test
    void aCaseTheBoardMarksLeavesTheManagersListAndInboxWithItsReasonInTheHistory() {
        IncidentId id = IncidentId.random();
        PersonId pupil = new PersonId("pupil-" + id.value().toString().substring(0, 8));
        append(id, TEACHER, report(id, Set.of(Harm.INSULTING), List.of(new InvolvedParty(pupil, PartyRole.PUPIL,
                Part.AUTHOR))));
        append(id, Actor.SYSTEM, terms(id, false));
        append(id, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(MANAGER.id()), "Reported."));
        append(id, Actor.SYSTEM, new DeadlineSet(id, Step.ACKNOWLEDGE, reported.plusSeconds(3600), 0));
        append(id, BOARD, new MeasureImposed(id, pupil, PartyRole.PUPIL, Measure.WARNING, "Insulted a teacher."));

        // Before the mark the manager holds it, as any case of their school.
        assertThat(listed("manager")).contains(id.toString());
        assertThat(inbox("manager", id)).containsExactly("ESCALATION");
        long unreadBefore = unread("manager");

        append(id, BOARD, new CaseRestrictedToNeedToKnow(id, "The pupil's parent works at the school."));
        assertHiddenFrom("manager", id, pupil);
        assertThat(unread("manager")).isEqualTo(unreadBefore - 1);
        // The reporter keeps the reporter's view of their own report, and no more.
        assertThat(listed("teacher")).contains(id.toString());
        JsonNode own = get("teacher", "/api/incidents/" + id).getBody();
        assertThat(own.path("report").isMissingNode()).isFalse();
        assertThat(own.has("measures") && !own.path("measures").isNull()).isFalse();
        assertThat(own.has("needToKnow") && !own.path("needToKnow").isNull()).isFalse();

        JsonNode dossier = get("board", "/api/incidents/" + id).getBody();
        assertThat(dossier.path("needToKnow").path("reason").asText()).isEqualTo("The pupil's parent works at the school.");
        assertThat(dossier.path("needToKnow").path("legalDuty").asBoolean()).isFalse();
        assertThat(dossier.path("needToKnow").path("markedBy").path("id").asText()).isEqualTo("board");
        List<String> actions = new ArrayList<>();
        dossier.path("actions").forEach(a -> actions.add(a.asText()));
        assertThat(actions).contains("LIFT_NEED_TO_KNOW", "ADD_NEED_TO_KNOW_READER").doesNotContain("RESTRICT_TO_NEED_TO_KNOW");
        assertThat(page("board", "/api/incidents?size=200").stream()
                .filter(c -> c.path("incidentId").asText().equals(id.toString())).findFirst().orElseThrow()
                .path("needToKnow").asBoolean()).isTrue();
        JsonNode history = get("board", "/api/incidents/" + id + "/history").getBody();
        List<String> marks = new ArrayList<>();
        history.forEach(e -> {
            if (e.path("type").asText().equals("CaseRestrictedToNeedToKnow")) {
                marks.add(e.path("actor").path("id").asText() + ": " + e.path("payload").path("reason").asText());
            }
        });
        assertThat(marks).as(history.toString()).containsExactly("board: The pupil's parent works at the school.");
        assertThat(get("board", "/api/dashboard").getStatusCode()).isEqualTo(HttpStatus.OK);

        append(id, BOARD, new NeedToKnowReaderAdded(id, MANAGER.id()));
        assertThat(listed("manager")).contains(id.toString());
        assertThat(get("manager", "/api/incidents/" + id).getBody().path("needToKnow").path("readers").get(0).asText())
                .isEqualTo("manager");
        assertThat(inbox("manager", id)).containsExactly("NEED_TO_KNOW_READER_ADDED");
    }

    /**
     * A colleague named in a case the board marks learns nothing of it from their own access log (while it is
     * need-to-know, a read of it would tell a suspect of the investigation), and the reporter keeps only their report:
     * not how it is handled, nor the evidence others attached.
     */
    @Test
    void aNeedToKnowCaseLeavesTheOwnAccessLogOfThoseNamedAndTheReporterOnlyTheirReport() {
        IncidentId id = IncidentId.random();
        PersonId colleague = new PersonId("teacher2");
        append(id, TEACHER, report(id, Set.of(Harm.INSULTING), List.of(new InvolvedParty(colleague, PartyRole.STAFF,
                Part.AUTHOR))));
        append(id, Actor.SYSTEM, terms(id, false));
        append(id, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(MANAGER.id()), "Reported."));
        append(id, MANAGER, new EvidenceAttached(id, UUID.randomUUID(), "ab".repeat(32), reported, 10, "image/png",
                "screenshot.png", null));
        assertThat(get("board", "/api/incidents/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownLog("teacher2")).as("before the mark: the board's read of the case about them").contains(id.toString());
        assertThat(get("teacher", "/api/incidents/" + id).getBody().path("evidence")).hasSize(1);

        append(id, BOARD, new CaseRestrictedToNeedToKnow(id, "A colleague is named."));
        assertThat(get("board", "/api/incidents/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownLog("teacher2")).as("after the mark").doesNotContain(id.toString());
        JsonNode own = get("teacher", "/api/incidents/" + id).getBody();
        assertThat(own.path("report").path("summary").asText()).isEqualTo("Something happened in the parents group");
        assertThat(own.path("evidence")).as("the evidence others attached").isEmpty();
        List<String> codes = new ArrayList<>();
        own.path("timeline").forEach(line -> codes.add(line.path("code").asText()));
        assertThat(codes).as("the reporter's timeline").containsExactly("reported");
        JsonNode row = page("teacher", "/api/incidents?size=200").stream()
                .filter(c -> c.path("incidentId").asText().equals(id.toString())).findFirst().orElseThrow();
        assertThat(row.path("status").asText()).as("in the reporter's list: not that it went to the manager")
                .isEqualTo("REPORTED");
        assertThat(row.path("assignee").isNull() || row.path("assignee").isMissingNode()).as(row.toString()).isTrue();
        assertThat(page("teacher", "/api/incidents?size=200&status=ESCALATED").stream()
                .map(c -> c.path("incidentId").asText())).as("nor by filtering on it").doesNotContain(id.toString());
        assertThat(page("teacher", "/api/incidents?size=200&status=REPORTED").stream()
                .map(c -> c.path("incidentId").asText())).contains(id.toString());
        assertThat(page("board", "/api/incidents?size=200&status=ESCALATED").stream()
                .map(c -> c.path("incidentId").asText())).as("the board sees where it stands").contains(id.toString());
    }

    private List<String> ownLog(String user) {
        ResponseEntity<JsonNode> response = get(user, "/api/me/access-log?limit=200");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> cases = new ArrayList<>();
        response.getBody().path("entries").forEach(entry -> cases.add(entry.path("incidentId").asText()));
        return cases;
    }

    /** What someone who may not know of the case finds: nothing, and refusals like those of any unreadable case. */
    private void assertHiddenFrom(String user, IncidentId id, PersonId pupil) {
        assertThat(listed(user)).doesNotContain(id.toString());
        ResponseEntity<JsonNode> dossier = get(user, "/api/incidents/" + id);
        assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dossier.getBody().path("code").asText()).isEqualTo("case.not-readable");
        assertThat(dossier.getBody().toString()).doesNotContain("need");
        assertThat(get(user, "/api/incidents/" + id + "/history").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(user, "/api/dashboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(inbox(user, id)).isEmpty();
        assertThat(readable.mayRead(id, new Actor(new PersonId(user),
                user.equals("comms") ? ActorRole.COMMUNICATIONS : ActorRole.MANAGER))).isFalse();
        if (pupil != null) {
            assertThat(get(user, "/api/people/" + pupil + "/dossier?kind=PUPIL").getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("board", "/api/people/" + pupil + "/dossier?kind=PUPIL").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(get("board", "/api/incidents/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private DerailingDiscussionReported report(IncidentId id, Set<Harm> harms, List<InvolvedParty> parties) {
        return new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK,
                "https://www.facebook.com/groups/ouders/posts/1", "Something happened in the parents group",
                Stage.DERAILED, harms, Severity.HIGH, parties, reported, TEACHER.id());
    }

    private static EscalationPolicyRecorded terms(IncidentId id, boolean legalDuty) {
        Duration hour = Duration.ofHours(1);
        return new EscalationPolicyRecorded(id, new Timing(hour, hour, hour, hour, hour), ClockMode.AROUND_THE_CLOCK,
                Region.NORTH, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), legalDuty);
    }

    private List<String> listed(String user) {
        return page(user, "/api/incidents?size=200").stream().map(c -> c.path("incidentId").asText()).toList();
    }

    private List<JsonNode> page(String user, String path) {
        ResponseEntity<JsonNode> response = get(user, path);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> cases = new ArrayList<>();
        response.getBody().path("items").forEach(cases::add);
        return cases;
    }

    private List<String> inbox(String user, IncidentId id) {
        return entries(user, id).stream().map(e -> e.path("kind").asText()).toList();
    }

    private List<JsonNode> entries(String user, IncidentId id) {
        ResponseEntity<JsonNode> response = get(user, "/api/inbox?limit=200");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = new ArrayList<>();
        response.getBody().forEach(entry -> {
            if (entry.path("incidentId").asText().equals(id.toString())) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private long unread(String user) {
        return get(user, "/api/inbox/unread").getBody().path("unread").asLong();
    }

    private void append(IncidentId id, Actor actor, Object event) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event, actor.asMetaData()));
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        // Every event appended so far is projected before the read; see CaughtUp.
        CaughtUp.await(eventStore, processing);
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }
}
