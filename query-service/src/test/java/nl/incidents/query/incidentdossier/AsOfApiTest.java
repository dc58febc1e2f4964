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
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.Timing;
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
 * A case, the case list, the dashboard and a person's dossier as they stood at a moment, on H2 and PostgreSQL: one
 * case taken through its path over three weeks of a test clock (reported, escalated and acknowledged in week one, a
 * strategy and a measure in week two, closed in week three), and the board's view at three moments compared with
 * what was true then, with what changed since; three cases at a school of their own through a June, and the list,
 * the dashboard and a pupil's dossier at four moments the same way; and the list and dashboard as of now equal to
 * the live ones (the fold and the projections follow the same rules). Only the board asks; a moment before the report
 * is 404 for a case, an empty list and dashboard for the others; a malformed one 400 naming {@code at}; each look is
 * in the access log.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class AsOfApiTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);
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

    private final java.util.Map<IncidentId, Long> sequences = new java.util.HashMap<>();

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

    /**
     * The board's case list, dashboard and a pupil's dossier at four moments of a June on a test clock, at a school of
     * their own: case A (a pupil's post) reported, escalated to the manager, found late, acknowledged, a strategy and
     * a warning for the pupil, a letter to the parents, closed; case B under the legal duty, straight to the board,
     * acknowledged, the communications department informed, filed with the police; case C reported later. Each view
     * compared with what was true then, written out here, and with what changed since.
     */
    @Test
    void theBoardSeesTheListTheDashboardAndADossierAsTheyStoodThen() {
        String school = "school-asof";
        PersonId pupil = new PersonId("llnr-asof-list");
        Instant june1 = Instant.parse("2026-06-01T08:00:00Z");
        IncidentId a = IncidentId.random();
        append(a, TEACHER, june1, new DerailingDiscussionReported(a, school, Platform.INSTAGRAM,
                "https://www.instagram.com/p/asof", "A post mocks a classmate.", Stage.THREATENING, Set.of(Harm.BULLYING),
                Severity.LOW, List.of(new InvolvedParty(pupil, PartyRole.PUPIL, Part.AUTHOR)), june1, TEACHER.id()));
        append(a, Actor.SYSTEM, june1.plusSeconds(1), new IncidentEscalated(a, Assignee.manager(MANAGER.id()),
                "Reported: the manager hears of it at once."));
        append(a, Actor.SYSTEM, june1.plusSeconds(2), new DeadlineSet(a, Step.ACKNOWLEDGE,
                Instant.parse("2026-06-01T12:00:00Z"), 0));
        append(a, Actor.SYSTEM, Instant.parse("2026-06-01T12:00:05Z"), new StepOverdue(a, Step.ACKNOWLEDGE,
                Instant.parse("2026-06-01T12:00:00Z"), Assignee.manager(MANAGER.id())));
        append(a, MANAGER, Instant.parse("2026-06-02T09:00:00Z"), new EscalationAcknowledged(a,
                Assignee.manager(MANAGER.id()), "Seen."));

        IncidentId b = IncidentId.random();
        Instant june3 = Instant.parse("2026-06-03T08:00:00Z");
        append(b, TEACHER, june3, new DerailingDiscussionReported(b, school, Platform.TIKTOK,
                "https://www.tiktok.com/@x/video/asof", "A threat against a teacher.", Stage.DERAILED,
                Set.of(Harm.BULLYING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId("llnr-asof-other"), PartyRole.PUPIL, Part.AUTHOR)), june3,
                TEACHER.id()));
        append(b, Actor.SYSTEM, june3.plusSeconds(1), new EscalationPolicyRecorded(b, new Timing(Duration.ofHours(1),
                Duration.ofHours(4), Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(1)),
                ClockMode.AROUND_THE_CLOCK, Region.MIDDLE, List.of(EscalationLevel.BOARD), true));
        append(b, Actor.SYSTEM, june3.plusSeconds(2), new IncidentEscalated(b, Assignee.board(),
                "The legal duty: the board at once."));
        append(b, Actor.SYSTEM, june3.plusSeconds(3), new DeadlineSet(b, Step.ACKNOWLEDGE,
                june3.plus(Duration.ofHours(1)), 0));
        append(b, Actor.SYSTEM, june3.plusSeconds(3), new DeadlineSet(b, Step.POLICE_DECISION,
                Instant.parse("2026-06-10T08:00:00Z"), 0));
        append(b, BOARD, Instant.parse("2026-06-03T09:00:00Z"), new EscalationAcknowledged(b, Assignee.board(),
                "The board has it."));
        append(b, BOARD, Instant.parse("2026-06-04T08:00:00Z"), new CommunicationsDepartmentNotified(b,
                "The press may ask."));

        append(a, MANAGER, Instant.parse("2026-06-08T08:00:00Z"), new ResponseStrategyAgreed(a,
                Set.of(ResponseStrategy.CONVERSATION_IN_PERSON), "Talk with the pupil.", TEACHER.id()));
        append(a, MANAGER, Instant.parse("2026-06-09T08:00:00Z"), new MeasureImposed(a, pupil, PartyRole.PUPIL,
                Measure.WARNING, "Warned."));
        append(b, BOARD, Instant.parse("2026-06-11T08:00:00Z"), new FiledWithPolice(b, "threat", "PR-2026-1"));
        append(a, MANAGER, Instant.parse("2026-06-12T14:00:00Z"), new CorrespondenceRecorded(a, pupil,
                PartyRole.PUPIL, "Letter to the parents."));
        append(a, MANAGER, Instant.parse("2026-06-15T08:00:00Z"), new IncidentClosed(a, "Settled."));
        IncidentId c = IncidentId.random();
        Instant june20 = Instant.parse("2026-06-20T08:00:00Z");
        append(c, TEACHER, june20, new DerailingDiscussionReported(c, school, Platform.FORUM, "https://forum.example/t/1",
                "A thread about a teacher.", Stage.DERAILED, Set.of(Harm.INSULTING), Severity.MEDIUM, List.of(), june20,
                TEACHER.id()));
        CaughtUp.await(eventStore, processing);
        long listLooks = looks("CASE_LIST_AS_OF");
        long dashboardLooks = looks("DASHBOARD_AS_OF");

        // May: nothing reported yet. An empty list and an empty dashboard, not an error; all three reported since.
        JsonNode may = get("board", "/api/incidents/as-of?school={s}&at={at}", school, "2026-05-01T12:00:00+02:00");
        assertThat(may.path("items")).isEmpty();
        assertThat(may.path("reportedSince").path("count").asLong()).isEqualTo(3);
        assertThat(texts(may.path("reportedSince").path("incidentIds")))
                .containsExactly(c.toString(), b.toString(), a.toString());
        JsonNode mayBoard = get("board", "/api/dashboard/as-of?at={at}", "2026-05-01T12:00:00+02:00");
        assertThat(mayBoard.path("then").path("openCases").asLong()).isZero();
        assertThat(mayBoard.path("then").path("byStatus")).isEmpty();
        assertThat(mayBoard.path("then").path("attentionTotal").asLong()).isZero();
        assertThat(count(mayBoard.path("now").path("bySchool"), school)).as("B and C are open now").isEqualTo(2);

        // 1 June, noon in Dutch time: A waits for the manager's acknowledgement, due at two; B and C not reported yet.
        JsonNode first = get("board", "/api/incidents/as-of?school={s}&at={at}", school, "2026-06-01T12:00:00+02:00");
        assertThat(first.path("items")).hasSize(1);
        JsonNode aThen = first.path("items").get(0);
        assertThat(aThen.path("then").path("incidentId").asText()).isEqualTo(a.toString());
        assertThat(aThen.path("then").path("status").asText()).isEqualTo("ESCALATED");
        assertThat(aThen.path("then").path("stage").asText()).isEqualTo("THREATENING");
        assertThat(aThen.path("then").path("assignee").path("level").asText()).isEqualTo("MANAGER");
        assertThat(aThen.path("then").path("nextDue").path("step").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(instant(aThen.path("then").path("nextDue").path("dueAt"))).isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(absent(aThen.path("then").path("overdueSince"))).isTrue();
        assertThat(aThen.path("then").path("lateSteps").asInt()).isZero();
        assertThat(absent(aThen.path("then").path("closedAt"))).isTrue();
        assertThat(aThen.path("statusNow").asText()).isEqualTo("CLOSED");
        assertThat(aThen.path("changedSince").asBoolean()).isTrue();
        assertThat(first.path("reportedSince").path("count").asLong()).isEqualTo(2);
        JsonNode firstBoard = get("board", "/api/dashboard/as-of?at={at}", "2026-06-01T12:00:00+02:00").path("then");
        assertThat(firstBoard.path("openCases").asLong()).isEqualTo(1);
        assertThat(count(firstBoard.path("byStatus"), "ESCALATED")).isEqualTo(1);
        assertThat(firstBoard.path("bySteps")).hasSize(1);
        assertThat(firstBoard.path("bySteps").get(0).path("step").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(firstBoard.path("bySteps").get(0).path("open").asLong()).isEqualTo(1);
        assertThat(firstBoard.path("bySteps").get(0).path("overdue").asLong()).isZero();
        assertThat(firstBoard.path("attentionTotal").asLong()).isZero();
        assertThat(stepTime(firstBoard, "ACKNOWLEDGEMENT", "MANAGER").path("cases").asInt()).isZero();

        // 5 June: both acknowledged (A late: one late step); B under the legal duty, its police decision due on the 10th.
        JsonNode second = get("board", "/api/incidents/as-of?school={s}&at={at}", school, "2026-06-05T14:00:00+02:00");
        assertThat(second.path("items")).hasSize(2);
        JsonNode bThen = second.path("items").get(0);
        aThen = second.path("items").get(1);
        assertThat(bThen.path("then").path("incidentId").asText()).isEqualTo(b.toString());
        assertThat(bThen.path("then").path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(bThen.path("then").path("assignee").path("level").asText()).isEqualTo("BOARD");
        assertThat(bThen.path("then").path("nextDue").path("step").asText()).isEqualTo("POLICE_DECISION");
        assertThat(instant(bThen.path("then").path("nextDue").path("dueAt"))).isEqualTo(Instant.parse("2026-06-10T08:00:00Z"));
        assertThat(bThen.path("statusNow").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(bThen.path("changedSince").asBoolean()).as("B still stands as it did").isFalse();
        assertThat(aThen.path("then").path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(aThen.path("then").path("lateSteps").asInt()).isEqualTo(1);
        assertThat(absent(aThen.path("then").path("nextDue"))).isTrue();
        assertThat(aThen.path("changedSince").asBoolean()).isTrue();
        assertThat(texts(second.path("reportedSince").path("incidentIds"))).containsExactly(c.toString());
        JsonNode onlyDerailed = get("board", "/api/incidents/as-of?school={s}&stage=DERAILED&at={at}", school,
                "2026-06-05T14:00:00+02:00");
        assertThat(onlyDerailed.path("items")).hasSize(1);
        assertThat(onlyDerailed.path("items").get(0).path("then").path("incidentId").asText()).isEqualTo(b.toString());
        JsonNode paged = get("board", "/api/incidents/as-of?school={s}&size=1&at={at}", school,
                "2026-06-05T14:00:00+02:00");
        assertThat(paged.path("items")).hasSize(1);
        CaughtUp.await(eventStore, processing);
        JsonNode nextPage = http.withBasicAuth("board", "demo").getForEntity(java.net.URI.create(paged.path("next")
                .asText()), JsonNode.class).getBody();
        assertThat(nextPage.path("items").get(0).path("then").path("incidentId").asText()).isEqualTo(a.toString());
        assertThat(absent(nextPage.path("next"))).isTrue();
        JsonNode secondBoard = get("board", "/api/dashboard/as-of?at={at}", "2026-06-05T14:00:00+02:00").path("then");
        assertThat(secondBoard.path("openCases").asLong()).isEqualTo(2);
        assertThat(count(secondBoard.path("byStatus"), "ACKNOWLEDGED")).isEqualTo(2);
        assertThat(count(secondBoard.path("bySeverity"), "LOW")).isEqualTo(1);
        assertThat(count(secondBoard.path("bySeverity"), "HIGH")).isEqualTo(1);
        assertThat(secondBoard.path("bySteps")).hasSize(1);
        assertThat(secondBoard.path("bySteps").get(0).path("step").asText()).isEqualTo("POLICE_DECISION");
        assertThat(secondBoard.path("attentionTotal").asLong()).isEqualTo(1);
        assertThat(secondBoard.path("attention").get(0).path("incidentId").asText()).isEqualTo(b.toString());
        assertThat(secondBoard.path("attention").get(0).path("legalDuty").asBoolean()).isTrue();
        assertThat(secondBoard.path("attention").get(0).path("nextStep").asText()).isEqualTo("POLICE_DECISION");
        JsonNode managerTime = stepTime(secondBoard, "ACKNOWLEDGEMENT", "MANAGER");
        assertThat(managerTime.path("cases").asInt()).isEqualTo(1);
        assertThat(managerTime.path("median").asText()).isEqualTo("PT24H59M59S");
        assertThat(stepTime(secondBoard, "ACKNOWLEDGEMENT", "BOARD").path("median").asText()).isEqualTo("PT59M58S");
        assertThat(stepTime(secondBoard, "COMMUNICATIONS_NOTIFIED", null).path("median").asText()).isEqualTo("PT24H");

        // 12 June, before the letter: A under its strategy with the warning; B filed with the police, nothing due.
        JsonNode third = get("board", "/api/incidents/as-of?school={s}&at={at}", school, "2026-06-12T14:00:00+02:00");
        assertThat(third.path("items").get(1).path("then").path("status").asText()).isEqualTo("STRATEGY_AGREED");
        assertThat(absent(third.path("items").get(0).path("then").path("nextDue"))).isTrue();
        JsonNode thirdBoard = get("board", "/api/dashboard/as-of?at={at}", "2026-06-12T14:00:00+02:00").path("then");
        assertThat(thirdBoard.path("openCases").asLong()).isEqualTo(2);
        assertThat(count(thirdBoard.path("byStatus"), "ACKNOWLEDGED")).isEqualTo(1);
        assertThat(count(thirdBoard.path("byStatus"), "STRATEGY_AGREED")).isEqualTo(1);
        assertThat(thirdBoard.path("bySteps")).isEmpty();
        assertThat(thirdBoard.path("attentionTotal").asLong()).isEqualTo(1);

        // The pupil's dossier: nothing on 1 June, both entries added since; the warning by the 12th, the letter since.
        String dossier = "/api/people/" + pupil.value() + "/dossier/as-of?at={at}";
        JsonNode pupilFirst = get("board", dossier, "2026-06-01T12:00:00+02:00");
        assertThat(pupilFirst.path("dossier").path("kind").asText()).isEqualTo("PUPIL");
        assertThat(pupilFirst.path("dossier").path("entries")).isEmpty();
        assertThat(pupilFirst.path("since")).hasSize(2);
        JsonNode pupilThird = get("board", dossier, "2026-06-12T14:00:00+02:00");
        assertThat(pupilThird.path("dossier").path("entries")).hasSize(1);
        assertThat(pupilThird.path("dossier").path("entries").get(0).path("measure").asText()).isEqualTo("WARNING");
        assertThat(pupilThird.path("since")).hasSize(1);
        assertThat(pupilThird.path("since").get(0).path("type").asText()).isEqualTo("CORRESPONDENCE");
        assertThat(pupilThird.path("since").get(0).path("text").asText()).isEqualTo("Letter to the parents.");

        // Only the board looks back, refused before the moment is even read; a moment that is none is named.
        for (String path : List.of("/api/incidents/as-of?at={at}", "/api/dashboard/as-of?at={at}", dossier)) {
            ResponseEntity<JsonNode> manager = http.withBasicAuth("manager", "demo").getForEntity(path, JsonNode.class,
                    "not a moment");
            assertThat(manager.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(manager.getBody().path("code").asText()).as(path)
                    .isIn("list.as-of-board-only", "dashboard.board-only", "dossier.as-of-board-only");
            ResponseEntity<JsonNode> malformed = http.withBasicAuth("board", "demo").getForEntity(path, JsonNode.class,
                    "last tuesday");
            assertThat(malformed.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(malformed.getBody().path("field").asText()).as(path).isEqualTo("at");
        }
        assertThat(looks("CASE_LIST_AS_OF") - listLooks).as("each look at the list, the manager's refused one too")
                .isEqualTo(8);
        assertThat(looks("DASHBOARD_AS_OF") - dashboardLooks).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE person_id = ? AND kind = 'PERSON_DOSSIER'")
                .param(pupil.value()).query(Long.class).single()).isEqualTo(3);
    }

    /**
     * The fold of every case's events up to now gives the live list and the live dashboard: the as-of views and the
     * projections follow the same rules.
     */
    @Test
    void theListAndTheDashboardAsOfNowAreTheLiveOnes() {
        IncidentId id = IncidentId.random();
        // To the millisecond, as the system keeps its times (TimePrecision).
        Instant reported = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        append(id, TEACHER, reported, new DerailingDiscussionReported(id, "school-1", Platform.TIKTOK,
                "https://www.tiktok.com/@x/video/now", "A video mocks a teacher.", Stage.DERAILED, Set.of(Harm.BULLYING),
                Severity.MEDIUM, List.of(), reported, TEACHER.id()));
        append(id, Actor.SYSTEM, reported.plusSeconds(1), new IncidentEscalated(id, Assignee.manager(MANAGER.id()),
                "Reported: the manager hears of it at once."));
        append(id, Actor.SYSTEM, reported.plusSeconds(2), new DeadlineSet(id, Step.ACKNOWLEDGE,
                reported.plus(Duration.ofHours(4)), 0));
        append(id, Actor.SYSTEM, reported.plus(Duration.ofHours(5)), new StepOverdue(id, Step.ACKNOWLEDGE,
                reported.plus(Duration.ofHours(4)), Assignee.manager(MANAGER.id())));
        GenericEventMessage.clock = Clock.systemUTC();
        CaughtUp.await(eventStore, processing);
        String now = Instant.now().toString();
        JsonNode live = get("board", "/api/incidents?size=200");
        JsonNode asOf = get("board", "/api/incidents/as-of?size=200&at={at}", now);
        assertThat(asOf.path("items")).hasSize(live.path("items").size());
        for (int i = 0; i < live.path("items").size(); i++) {
            assertThat(asOf.path("items").get(i).path("then")).isEqualTo(live.path("items").get(i));
        }
        JsonNode dashboard = get("board", "/api/dashboard/as-of?at={at}", now);
        com.fasterxml.jackson.databind.node.ObjectNode then = dashboard.path("then").deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode current = dashboard.path("now").deepCopy();
        then.remove("at");
        current.remove("at");
        assertThat(then).isEqualTo(current);
        assertThat(then.path("bySteps").toString()).contains("ACKNOWLEDGE");
    }

    private JsonNode get(String user, String path, Object... parameters) {
        CaughtUp.await(eventStore, processing);
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class, parameters);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private long looks(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM access_log WHERE kind = ?").param(kind).query(Long.class).single();
    }

    private static Instant instant(JsonNode node) {
        return java.time.OffsetDateTime.parse(node.asText()).toInstant();
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static long count(JsonNode counts, String key) {
        return java.util.stream.StreamSupport.stream(counts.spliterator(), false)
                .filter(c -> c.path("key").asText().equals(key)).mapToLong(c -> c.path("cases").asLong()).sum();
    }

    private static JsonNode stepTime(JsonNode dashboard, String measure, String level) {
        return java.util.stream.StreamSupport.stream(dashboard.path("stepTimes").spliterator(), false)
                .filter(t -> t.path("measure").asText().equals(measure)
                        && (level == null ? absent(t.path("level")) : t.path("level").asText().equals(level))
                        && absent(t.path("severity")) && t.path("period").asText().equals("THIS_MONTH"))
                .findFirst().orElseThrow();
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
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event,
                MetaData.from(actor.asMetaData())));
    }
}
