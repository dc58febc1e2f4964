package nl.incidents.query;

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
import java.util.function.Predicate;
import nl.incidents.kernel.escalation.EscalationPolicy;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.LegalHoldLifted;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.support.testing.CaughtUp;
import nl.incidents.support.testing.TestStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What is due in a case, and what was late, as each role reads it in the dossier and the list. The
 * events are appended as the command service stores them: the terms and the first deadlines with
 * the report, a system escalation with its acknowledgement deadline, and the system's own steps
 * (overdue, escalated, notified, reminded) under the actor {@code system} with a cause.
 */
@ActiveProfiles(resolver = TestStore.Profiles.class)
@Tag(TestStore.TAG)
// The metrics exporters are off in tests unless asked for: these tests read /actuator/prometheus.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventStoreSchema.class)
class DeadlinesInDossierTest {

    private static final Instant REPORTED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant ACK_DUE = Instant.parse("2026-11-02T11:00:00Z");
    private static final Instant NOTIFY_DUE = Instant.parse("2026-11-02T13:00:00Z");
    private static final Instant BOARD_ACK_DUE = Instant.parse("2026-11-02T15:00:00Z");
    private static final Instant POLICE_DUE = Instant.parse("2026-11-02T17:00:00Z");
    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        TestStore.register(registry, "deadlines-dossier");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    private final Map<IncidentId, Long> sequences = new HashMap<>();

    @Test
    void theManagerReadsWhatIsDueNextAndTheTermsOfTheCase() {
        IncidentId id = escalatedToTheManager();

        JsonNode dossier = dossier("manager", id, d -> d.path("deadlines").size() == 3);
        assertThat(steps(dossier.path("deadlines"))).containsExactly("ACKNOWLEDGE", "NOTIFY_COMMUNICATIONS", "POLICE_DECISION");
        JsonNode acknowledge = dossier.path("deadlines").get(0);
        assertThat(acknowledge.path("dueAt").asText()).isEqualTo("2026-11-02T12:00:00+01:00"); // ACK_DUE in Dutch time
        assertThat(acknowledge.path("reminders").asInt()).isZero();
        assertThat(acknowledge.path("assignee").path("personId").asText()).isEqualTo("manager");
        assertThat(acknowledge.has("overdueSince")).isFalse();
        assertThat(dossier.path("deadlines").get(1).has("assignee")).isFalse();
        assertThat(dossier.path("lateSteps")).isEmpty();

        JsonNode terms = dossier.path("terms");
        assertThat(terms.path("clock").asText()).isEqualTo("SCHOOL_TIME");
        assertThat(terms.path("region").asText()).isEqualTo("NORTH");
        assertThat(terms.path("legalDuty").asBoolean()).isFalse();
        assertThat(terms.path("chain").toString()).isEqualTo("[\"MANAGER\",\"BOARD\"]");
        assertThat(terms.path("allowed").path("ACKNOWLEDGE").asText()).isEqualTo("PT2H");
        assertThat(terms.path("allowed").path("POLICE_DECISION").asText()).isEqualTo("PT8H");
        assertThat(terms.path("text").asText()).contains("acknowledgement within 2 school hours").endsWith("legal duty (art. 4a WOT): no");

        assertThat(lines(dossier)).contains(
                "Escalation terms recorded by the system: " + terms.path("text").asText().substring(0, 1).toLowerCase()
                        + terms.path("text").asText().substring(1),
                "Notification of the communications department due by 2026-11-02 14:00 CET, set by the system",
                "Escalated to manager manager by the system: Reported: the manager hears of it at once.",
                "Acknowledgement due by 2026-11-02 12:00 CET (manager manager), set by the system");
        // The terms and deadlines were stored with the teacher's report, but the system worked them out.
        for (JsonNode entry : dossier.path("timeline")) {
            if (entry.path("text").asText().contains("by the system")) {
                assertThat(entry.path("by").path("role").asText()).as(entry.path("text").asText()).isEqualTo("SYSTEM");
            }
        }
        assertThat(dossier.path("timeline").get(0).path("by").path("id").asText()).isEqualTo("teacher");
        assertThat(dossier.path("report").path("observedAt").asText()).isEqualTo("2026-11-02T09:00:00+01:00");
        OffsetDateTime reportedAt = OffsetDateTime.parse(dossier.path("timeline").get(0).path("at").asText());
        assertThat(reportedAt.getOffset()).isEqualTo(ZoneId.of("Europe/Amsterdam").getRules().getOffset(reportedAt.toInstant()));

        JsonNode row = row("manager", id);
        assertThat(row.path("nextDue").path("step").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(row.path("nextDue").path("dueAt").asText()).isEqualTo("2026-11-02T12:00:00+01:00");
        assertThat(row.path("lateSteps").asInt()).isZero();
        assertThat(dossier("board", id, d -> true).path("deadlines")).isEqualTo(dossier.path("deadlines"));
    }

    @Test
    void aStepNotTakenByItsDeadlineIsLateAndTheSystemTakesItOn() {
        IncidentId id = escalatedToTheManager();
        lateAcknowledgementAndNotification(id);

        JsonNode dossier = dossier("manager", id, d -> d.path("lateSteps").size() == 2
                && d.path("communicationsNotifications").size() == 1);
        JsonNode acknowledgement = dossier.path("lateSteps").get(0);
        assertThat(acknowledgement.path("step").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(acknowledgement.path("dueAt").asText()).isEqualTo("2026-11-02T12:00:00+01:00");
        assertThat(acknowledgement.path("noticedAt").asText()).isNotBlank();
        assertThat(acknowledgement.path("assignee").path("personId").asText()).isEqualTo("manager");
        assertThat(dossier.path("lateSteps").get(1).path("step").asText()).isEqualTo("NOTIFY_COMMUNICATIONS");
        assertThat(dossier.path("lateSteps").get(1).has("assignee")).isFalse();

        assertThat(steps(dossier.path("deadlines"))).containsExactly("ACKNOWLEDGE", "POLICE_DECISION");
        assertThat(dossier.path("deadlines").get(0).path("assignee").path("level").asText()).isEqualTo("BOARD");
        assertThat(dossier.path("deadlines").get(0).path("dueAt").asText()).isEqualTo("2026-11-02T16:00:00+01:00");
        assertThat(lines(dossier)).contains(
                "Acknowledgement overdue: it was due by 2026-11-02 12:00 CET (manager manager); noticed by the system",
                "Escalated to the board by the system: manager manager did not acknowledge the case by " + ACK_DUE
                        + ", when it was due.",
                "Acknowledgement due by 2026-11-02 16:00 CET (the board), set by the system",
                "Notification of the communications department overdue: it was due by 2026-11-02 14:00 CET; noticed by the system",
                "Communications department notified by the system: the step was overdue since 2026-11-02 14:00 CET");
        JsonNode notified = dossier.path("timeline").get(lines(dossier).indexOf(
                "Communications department notified by the system: the step was overdue since 2026-11-02 14:00 CET"));
        assertThat(notified.path("by").path("role").asText()).isEqualTo("SYSTEM");

        JsonNode row = row("manager", id);
        assertThat(row.path("lateSteps").asInt()).isEqualTo(2);
        assertThat(row.path("nextDue").path("step").asText()).isEqualTo("ACKNOWLEDGE");
        assertThat(row.path("nextDue").path("dueAt").asText()).isEqualTo("2026-11-02T16:00:00+01:00");

        // The communications department now sees the case: how it was told, not the timing.
        JsonNode comms = dossier("comms", id, d -> true);
        assertThat(comms.has("deadlines")).isFalse();
        assertThat(comms.has("lateSteps")).isFalse();
        assertThat(comms.has("terms")).isFalse();
        assertThat(lines(comms)).contains("Communications department notified by the system");
        JsonNode commsRow = row("comms", id);
        assertThat(commsRow.has("nextDue")).isFalse();
        assertThat(commsRow.has("lateSteps")).isFalse();

        // Closing ends every open step; the late ones stay on record.
        append(id, BOARD, new EscalationAcknowledged(id, Assignee.board(), null));
        append(id, BOARD, new IncidentClosed(id, "Posts removed"));
        JsonNode closed = dossier("manager", id, d -> d.path("status").asText().equals("CLOSED"));
        assertThat(closed.path("deadlines")).isEmpty();
        assertThat(closed.path("lateSteps")).hasSize(2);
        JsonNode closedRow = row("manager", id);
        assertThat(closedRow.has("nextDue")).isFalse();
        assertThat(closedRow.path("lateSteps").asInt()).isEqualTo(2);
    }

    @Test
    void theBoardIsRemindedUntilItDecidesNotToFileWithThePolice() {
        IncidentId id = escalatedToTheManager();
        append(id, MANAGER, new EscalationAcknowledged(id, Assignee.manager(new PersonId("manager")), null));
        append(id, MANAGER, new CommunicationsDepartmentNotified(id, "Threats on Facebook"));
        Instant firstReminder = POLICE_DUE.plus(Duration.ofHours(2));
        Instant secondReminder = firstReminder.plus(Duration.ofHours(2));
        bySystem(id, "deadline: POLICE_DECISION due " + POLICE_DUE, new StepOverdue(id, Step.POLICE_DECISION, POLICE_DUE, null));
        bySystem(id, "deadline: POLICE_DECISION due " + POLICE_DUE, new BoardReminded(id, Step.POLICE_DECISION, 1));
        bySystem(id, "deadline: POLICE_DECISION due " + POLICE_DUE, new DeadlineSet(id, Step.POLICE_DECISION, firstReminder, 1));
        bySystem(id, "deadline: POLICE_DECISION due " + firstReminder, new BoardReminded(id, Step.POLICE_DECISION, 2));
        bySystem(id, "deadline: POLICE_DECISION due " + firstReminder,
                new DeadlineSet(id, Step.POLICE_DECISION, secondReminder, 2));

        JsonNode dossier = dossier("board", id, d -> d.path("deadlines").size() == 1
                && d.path("deadlines").get(0).path("reminders").asInt() == 2);
        JsonNode police = dossier.path("deadlines").get(0);
        assertThat(police.path("step").asText()).isEqualTo("POLICE_DECISION");
        assertThat(police.path("dueAt").asText()).isEqualTo("2026-11-02T22:00:00+01:00");
        assertThat(police.path("overdueSince").asText()).isEqualTo("2026-11-02T18:00:00+01:00");
        assertThat(lines(dossier)).contains(
                "Decision on a police report overdue: it was due by 2026-11-02 18:00 CET; noticed by the system",
                "Board reminded by the system (1st time) of the decision on a police report",
                "Board reminded by the system (2nd time) of the decision on a police report",
                "Decision on a police report still open: the board is reminded again at 2026-11-02 22:00 CET, set by the system");
        assertThat(row("manager", id).path("nextDue").path("dueAt").asText()).isEqualTo("2026-11-02T22:00:00+01:00");
        assertThat(row("manager", id).path("overdueSince").asText()).isEqualTo("2026-11-02T18:00:00+01:00");

        append(id, BOARD, new PoliceReportDeclined(id, "No criminal offence: the parent apologised"));
        JsonNode decided = dossier("manager", id, d -> d.path("declinedPoliceReports").size() == 1);
        assertThat(decided.path("deadlines")).isEmpty();
        assertThat(decided.path("declinedPoliceReports").get(0).path("text").asText()).startsWith("No criminal offence");
        assertThat(decided.path("declinedPoliceReports").get(0).path("by").path("id").asText()).isEqualTo("board");
        assertThat(lines(decided)).contains("The board decided not to file with the police: No criminal offence: the parent apologised");
        assertThat(row("manager", id).has("nextDue")).isFalse();
        assertThat(row("manager", id).path("lateSteps").asInt()).isEqualTo(1);

        // Whoever reads the police reports reads the decision not to file; the reporter neither.
        assertThat(dossier("comms", id, d -> true).path("declinedPoliceReports")).hasSize(1);
        assertThat(dossier("comms", id, d -> true).path("policeReports")).isEmpty();
        JsonNode reporter = dossier("teacher", id, d -> true);
        assertThat(reporter.has("declinedPoliceReports")).isFalse();
        assertThat(reporter.toString()).doesNotContain("apologised").doesNotContain("reminded");
    }

    @Test
    void whatKeepsAClosedCaseIsShownToThoseWhoHandleItAndTheBoardIsOfferedToKeepIt() {
        IncidentId id = IncidentId.random();
        append(id, TEACHER, new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK, "https://facebook.com/x",
                "A parent threatens a teacher", Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId("parent-5"), PartyRole.PARENT, Part.AUTHOR)),
                REPORTED.minus(Duration.ofHours(1)), TEACHER.id()));
        bySystem(id, "report", new IncidentEscalated(id, Assignee.manager(MANAGER.id()), "Reported"));
        append(id, MANAGER, new EscalationAcknowledged(id, Assignee.manager(MANAGER.id()), null));
        append(id, MANAGER, new CommunicationsDepartmentNotified(id, "A threat against a teacher"));
        append(id, BOARD, new FiledWithPolice(id, "Threat", "PL-7"));
        append(id, MANAGER, new IncidentClosed(id, "The parent apologised"));
        append(id, BOARD, new LegalHoldPlaced(id, "The teacher announced a claim"));

        JsonNode held = dossier("board", id, d -> d.path("legalHolds").size() == 1);
        assertThat(held.path("holds").toString()).isEqualTo(
                "[{\"kind\":\"legal-hold\",\"reason\":\"The teacher announced a claim\"},{\"kind\":\"police-report\"}]");
        assertThat(held.path("legalHolds").get(0).path("placedBy").path("id").asText()).isEqualTo("board");
        assertThat(held.path("actions").toString())
                .isEqualTo("[\"LIFT_LEGAL_HOLD\",\"RECORD_POLICE_REPORT_OUTCOME\",\"RESTRICT_TO_NEED_TO_KNOW\"]");
        assertThat(lines(held)).contains("The board placed a legal hold: The teacher announced a claim");
        assertThat(dossier("manager", id, d -> true).path("holds")).hasSize(2);
        assertThat(dossier("manager", id, d -> true).path("actions")).isEmpty();
        for (String outsider : List.of("teacher", "comms")) {
            JsonNode dossier = dossier(outsider, id, d -> true);
            assertThat(dossier.has("holds")).as("holds shown to %s", outsider).isFalse();
            assertThat(dossier.toString()).doesNotContain("claim").doesNotContain("legal hold");
        }

        append(id, BOARD, new PoliceReportConcluded(id, "Dismissed by the prosecutor"));
        append(id, BOARD, new LegalHoldLifted(id, "The claim was withdrawn"));
        JsonNode free = dossier("board", id, d -> d.path("policeReportOutcomes").size() == 1
                && !d.path("legalHolds").get(0).path("liftedAt").isMissingNode());
        assertThat(free.path("holds")).isEmpty();
        assertThat(free.path("legalHolds").get(0).path("liftReason").asText()).isEqualTo("The claim was withdrawn");
        assertThat(free.path("actions").toString()).as("nothing holds the closed case: it may be kept or erased")
                .isEqualTo("[\"PLACE_LEGAL_HOLD\",\"ERASE_CASE\",\"RESTRICT_TO_NEED_TO_KNOW\"]");
    }

    @Test
    void theLegalDutysStepsStayHiddenFromTheReporterAndTheCommunicationsDepartment() {
        IncidentId id = IncidentId.random();
        append(id, TEACHER, new DerailingDiscussionReported(id, "school-1", Platform.WHATSAPP_GROUP, "https://chat.whatsapp.com/x",
                "A teacher sends images to a pupil", Stage.DERAILED, Set.of(Harm.SEXUAL_IMAGES_OF_MINORS), Severity.CRITICAL,
                List.of(new InvolvedParty(new PersonId("staff-4"), PartyRole.STAFF, Part.AUTHOR),
                        new InvolvedParty(new PersonId("pupil-4"), PartyRole.PUPIL, Part.TARGET)),
                REPORTED.minus(Duration.ofHours(1)), TEACHER.id()));
        append(id, TEACHER, terms(id, ClockMode.AROUND_THE_CLOCK, true));
        append(id, TEACHER, new DeadlineSet(id, Step.NOTIFY_COMMUNICATIONS, REPORTED.plus(Duration.ofHours(2)), 0));
        append(id, TEACHER, new DeadlineSet(id, Step.POLICE_DECISION, REPORTED.plus(Duration.ofHours(4)), 0));
        append(id, TEACHER, new DeadlineSet(id, Step.INSPECTOR_CONSULTATION, REPORTED.plus(Duration.ofHours(4)), 0));
        bySystem(id, "report", new IncidentEscalated(id, Assignee.board(),
                "A possible sexual offence by a staff member against a pupil: the board's legal duty applies at once."));
        bySystem(id, "report", new DeadlineSet(id, Step.ACKNOWLEDGE, REPORTED.plus(Duration.ofHours(1)), 0));
        append(id, BOARD, new EscalationAcknowledged(id, Assignee.board(), null));
        append(id, BOARD, new CommunicationsDepartmentNotified(id, "A case the board handles"));
        Instant inspectorDue = REPORTED.plus(Duration.ofHours(4));
        bySystem(id, "deadline: INSPECTOR_CONSULTATION due " + inspectorDue,
                new StepOverdue(id, Step.INSPECTOR_CONSULTATION, inspectorDue, null));
        bySystem(id, "deadline: INSPECTOR_CONSULTATION due " + inspectorDue,
                new BoardReminded(id, Step.INSPECTOR_CONSULTATION, 1));
        bySystem(id, "deadline: INSPECTOR_CONSULTATION due " + inspectorDue,
                new DeadlineSet(id, Step.INSPECTOR_CONSULTATION, inspectorDue.plus(Duration.ofHours(1)), 1));

        // A legal-duty case is need-to-know: the board handles it; the school's manager and the communications
        // department, not added, do not read it at all (see NeedToKnowApiTest).
        for (String handler : List.of("board")) {
            JsonNode dossier = dossier(handler, id, d -> d.path("lateSteps").size() == 1);
            assertThat(dossier.path("terms").path("legalDuty").asBoolean()).isTrue();
            assertThat(dossier.path("terms").path("clock").asText()).isEqualTo("AROUND_THE_CLOCK");
            assertThat(steps(dossier.path("deadlines"))).containsExactly("POLICE_DECISION", "INSPECTOR_CONSULTATION");
            assertThat(dossier.path("lateSteps").get(0).path("step").asText()).isEqualTo("INSPECTOR_CONSULTATION");
            assertThat(lines(dossier)).contains(
                    "Board reminded by the system (1st time) of the consultation of the national confidential inspector");
            assertThat(row(handler, id).path("nextDue").path("step").asText()).isEqualTo("POLICE_DECISION");
            assertThat(row(handler, id).path("lateSteps").asInt()).isEqualTo(1);
        }
        for (String notToKnow : List.of("manager", "comms")) {
            assertThat(get(notToKnow, "/api/incidents/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(row(notToKnow, id)).isNull();
        }
        for (String outsider : List.of("teacher")) {
            JsonNode dossier = dossier(outsider, id, d -> true);
            assertThat(dossier.has("terms")).as("terms shown to %s", outsider).isFalse();
            assertThat(dossier.has("deadlines")).isFalse();
            assertThat(dossier.has("lateSteps")).isFalse();
            assertThat(dossier.toString()).doesNotContain("INSPECTOR_CONSULTATION").doesNotContain("POLICE_DECISION")
                    .doesNotContain("inspector").doesNotContain("police report").doesNotContain("due by")
                    .doesNotContain("legalDuty").doesNotContain("reminded");
            JsonNode row = row(outsider, id);
            assertThat(row.has("nextDue")).as("next due shown to %s", outsider).isFalse();
            assertThat(row.has("lateSteps")).isFalse();
        }
    }

    @Test
    void theListSortedByDueShowsTheCaseDueFirstAtTheTop() {
        IncidentId older = escalatedToTheManager();
        IncidentId newer = escalatedToTheManager();
        append(older, MANAGER, new EscalationAcknowledged(older, Assignee.manager(new PersonId("manager")), null));
        // older: NOTIFY_COMMUNICATIONS due first (13:00); newer: ACKNOWLEDGE (11:00). Newest first by default.
        await().until(() -> "NOTIFY_COMMUNICATIONS".equals(row("manager", older).path("nextDue").path("step").asText()));

        List<String> byReport = ids(get("manager", "/api/incidents").getBody().path("items"));
        assertThat(byReport.indexOf(newer.toString())).isLessThan(byReport.indexOf(older.toString()));
        List<String> byDue = ids(get("manager", "/api/incidents?sort=due").getBody().path("items"));
        assertThat(byDue.indexOf(newer.toString())).isLessThan(byDue.indexOf(older.toString()));
        append(newer, MANAGER, new EscalationAcknowledged(newer, Assignee.manager(new PersonId("manager")), null));
        append(newer, MANAGER, new CommunicationsDepartmentNotified(newer, "Threats"));
        await().until(() -> "POLICE_DECISION".equals(row("manager", newer).path("nextDue").path("step").asText()));
        byDue = ids(get("manager", "/api/incidents?sort=due").getBody().path("items"));
        assertThat(byDue.indexOf(older.toString())).isLessThan(byDue.indexOf(newer.toString()));

        assertThat(get("teacher", "/api/incidents?sort=due").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theBoardsHistoryShowsTheTimingEventsWithTheirPayloadAndCause() {
        IncidentId id = escalatedToTheManager();
        lateAcknowledgementAndNotification(id);
        await().until(() -> get("board", "/api/incidents/" + id + "/history").getBody().size() == 11);

        JsonNode history = get("board", "/api/incidents/" + id + "/history").getBody();
        List<String> types = new ArrayList<>();
        history.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("DerailingDiscussionReported", "EscalationPolicyRecorded", "DeadlineSet",
                "DeadlineSet", "IncidentEscalated", "DeadlineSet", "StepOverdue", "IncidentEscalated", "DeadlineSet",
                "StepOverdue", "CommunicationsDepartmentNotified");
        assertThat(history.get(1).path("payload").path("legalDuty").asBoolean()).isFalse();
        assertThat(history.get(1).path("payload").path("clock").asText()).isEqualTo("SCHOOL_TIME");
        assertThat(history.get(1).path("payload").path("timing").has("acknowledge")).isTrue();
        assertThat(history.get(2).path("payload").path("step").asText()).isEqualTo("NOTIFY_COMMUNICATIONS");
        JsonNode overdue = history.get(6);
        assertThat(overdue.path("actor").path("id").asText()).isEqualTo("system");
        assertThat(overdue.path("actor").path("role").asText()).isEqualTo("SYSTEM");
        assertThat(overdue.path("cause").asText()).isEqualTo("deadline: ACKNOWLEDGE due " + ACK_DUE);
        assertThat(overdue.path("payload").path("dueAt").asText()).isEqualTo("2026-11-02T12:00:00+01:00");
        assertThat(get("manager", "/api/incidents/" + id + "/history").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A HIGH case of threats at school-1: its terms and first deadlines, then the system's escalation to the manager. */
    private IncidentId escalatedToTheManager() {
        IncidentId id = IncidentId.random();
        append(id, TEACHER, new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK, "https://facebook.com/x",
                "Threats", Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId("pupil-1"), PartyRole.PUPIL, Part.AUTHOR)),
                REPORTED.minus(Duration.ofHours(1)), TEACHER.id()));
        append(id, TEACHER, terms(id, ClockMode.SCHOOL_TIME, false));
        append(id, TEACHER, new DeadlineSet(id, Step.NOTIFY_COMMUNICATIONS, NOTIFY_DUE, 0));
        append(id, TEACHER, new DeadlineSet(id, Step.POLICE_DECISION, POLICE_DUE, 0));
        bySystem(id, "report", new IncidentEscalated(id, Assignee.manager(new PersonId("manager")),
                "Reported: the manager hears of it at once."));
        bySystem(id, "report", new DeadlineSet(id, Step.ACKNOWLEDGE, ACK_DUE, 0));
        await().until(() -> row("manager", id) != null
                && "ACKNOWLEDGE".equals(row("manager", id).path("nextDue").path("step").asText()));
        return id;
    }

    /** The manager did not acknowledge in time (up to the board), nor notify the communications department. */
    private void lateAcknowledgementAndNotification(IncidentId id) {
        String cause = "deadline: ACKNOWLEDGE due " + ACK_DUE;
        bySystem(id, cause, new StepOverdue(id, Step.ACKNOWLEDGE, ACK_DUE, Assignee.manager(new PersonId("manager"))));
        bySystem(id, cause, new IncidentEscalated(id, Assignee.board(),
                "manager manager did not acknowledge the case by " + ACK_DUE + ", when it was due."));
        bySystem(id, cause, new DeadlineSet(id, Step.ACKNOWLEDGE, BOARD_ACK_DUE, 0));
        cause = "deadline: NOTIFY_COMMUNICATIONS due " + NOTIFY_DUE;
        bySystem(id, cause, new StepOverdue(id, Step.NOTIFY_COMMUNICATIONS, NOTIFY_DUE, null));
        bySystem(id, cause, new CommunicationsDepartmentNotified(id, "Notified by the system: the communications "
                + "department had not been informed by " + NOTIFY_DUE + ", when it was due."));
    }

    private static EscalationPolicyRecorded terms(IncidentId id, ClockMode clock, boolean legalDuty) {
        Severity severity = clock == ClockMode.AROUND_THE_CLOCK ? Severity.CRITICAL : Severity.HIGH;
        return new EscalationPolicyRecorded(id, EscalationPolicy.defaults().timingFor(severity), clock, Region.NORTH,
                List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), legalDuty);
    }

    private void bySystem(IncidentId id, String cause, Object event) {
        append(id, MetaData.from(Actor.SYSTEM.asMetaData()).and(Actor.CAUSE_KEY, cause), event);
    }

    private void append(IncidentId id, Actor actor, Object event) {
        append(id, MetaData.from(actor.asMetaData()), event);
    }

    private void append(IncidentId id, MetaData metaData, Object event) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event, metaData));
    }

    /**
     * The dossier once every projection has handled every event appended so far, and the condition
     * holds (the condition alone would pass on the first of several events).
     */
    private JsonNode dossier(String user, IncidentId id, Predicate<JsonNode> condition) {
        CaughtUp.await(eventStore, processing);
        JsonNode[] last = new JsonNode[1];
        await().until(() -> {
            ResponseEntity<JsonNode> response = get(user, "/api/incidents/" + id);
            last[0] = response.getBody();
            return response.getStatusCode() == HttpStatus.OK && condition.test(last[0]);
        });
        return last[0];
    }

    private JsonNode row(String user, IncidentId id) {
        CaughtUp.await(eventStore, processing);
        for (JsonNode node : get(user, "/api/incidents").getBody().path("items")) {
            if (node.path("incidentId").asText().equals(id.toString())) {
                return node;
            }
        }
        return null;
    }

    private static List<String> steps(JsonNode deadlines) {
        List<String> steps = new ArrayList<>();
        deadlines.forEach(d -> steps.add(d.path("step").asText()));
        return steps;
    }

    private static List<String> lines(JsonNode dossier) {
        List<String> lines = new ArrayList<>();
        dossier.path("timeline").forEach(e -> lines.add(e.path("text").asText()));
        return lines;
    }

    @Test
    void theOpenCasesGaugeAgreesWithTheBoardsListAndReadinessWithTheProjections() {
        escalatedToTheManager();
        await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
            long escalated = 0;
            for (JsonNode row : get("board", "/api/incidents").getBody().path("items")) {
                escalated += row.path("status").asText().equals("ESCALATED") ? 1 : 0;
            }
            String text = http.getForEntity("/actuator/prometheus", String.class).getBody();
            return escalated > 0 && new nl.incidents.support.testing.Scrape(text)
                    .value("incidents_open_cases", "application=query-service", "status=ESCALATED") == escalated;
        });
        JsonNode readiness = http.getForEntity("/actuator/health/readiness", JsonNode.class).getBody();
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        JsonNode health = http.getForEntity("/actuator/health", JsonNode.class).getBody();
        assertThat(health.path("components").path("eventProcessors").path("status").asText()).isEqualTo("UP");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("incidentId").asText()));
        return ids;
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }
}
