package nl.incidents.command.escalation;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.MarkStepOverdue;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.Escalations;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The saga keeps time for a case: it escalates a report only when the case did not (one accepted by an earlier
 * version), holds one durable deadline per
 * due step, tells the case when a deadline passes, and lets go of a deadline once its step is taken.
 */
class EscalationSagaTest {

    private static final IncidentId INCIDENT = IncidentId.of("5b0c8f5e-3d1a-4c8e-9a57-0d8f6a2b1c11");
    private static final String ID = INCIDENT.toString();
    private static final PersonId MANAGER = new PersonId("emp-2001");
    private static final OrganisationDirectory DIRECTORY = new OrganisationDirectory("Stichting Voorbeeld",
            List.of(new School("brin-12AB", "De Voorbeeldschool", Region.NORTH)),
            List.of(new Member(MANAGER, "Manager", "manager@example.org", ActorRole.MANAGER, Set.of("brin-12AB")),
                    new Member(new PersonId("emp-4001"), "Board", "board@example.org", ActorRole.BOARD, Set.of())));

    private SagaTestFixture<EscalationSaga> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EscalationSaga.class);
        fixture.registerResource(DIRECTORY);
        now = fixture.currentTime();
    }

    private static DerailingDiscussionReported reported(String school) {
        return new DerailingDiscussionReported(INCIDENT, school, Platform.FACEBOOK, "https://facebook.com/x", "Names.",
                Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH, List.of(), Instant.parse("2026-11-20T19:00:00Z"),
                new PersonId("emp-1001"));
    }

    private DeadlineSet due(Step step, Duration in) {
        return new DeadlineSet(INCIDENT, step, now.plus(in), 0);
    }

    /** A command the system sent, with the cause it names. */
    private static Matcher<CommandMessage<?>> bySystem(Object payload, String cause) {
        return allOf(Matchers.messageWithPayload(org.hamcrest.Matchers.equalTo(payload)),
                org.hamcrest.Matchers.hasProperty("metaData", allOf(hasEntry("actorId", (Object) "system"),
                        hasEntry("actorRole", (Object) "SYSTEM"), hasEntry("cause", (Object) cause))));
    }

    @Test
    @DisplayName("a report escalated in its own unit of work: the saga starts for its deadlines and sends nothing")
    void reportEscalatedByTheCaseSendsNothing() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reported("brin-12AB"), Map.of(Escalations.ESCALATED_ON_REPORT_KEY, "true"))
                .expectActiveSagas(1)
                .expectAssociationWith("incidentId", ID)
                .expectNoDispatchedCommands();
    }

    @Test
    @DisplayName("a report accepted by an earlier version and not escalated yet: escalated to the school's manager, by the system")
    void earlierReportEscalatesToManager() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reported("brin-12AB"))
                .expectActiveSagas(1)
                .expectAssociationWith("incidentId", ID)
                .expectDispatchedCommandsMatching(Matchers.exactSequenceOf(bySystem(
                        new EscalateToManager(INCIDENT, MANAGER, "Reported: the manager hears of it at once."), "report")));
    }

    @Test
    @DisplayName("an earlier report of a school without a manager on record (no longer in the directory): to the board")
    void schoolWithoutManagerGoesToBoard() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reported("brin-99ZZ"))
                .expectDispatchedCommands(new EscalateToManager(INCIDENT, null,
                        "Reported, and school brin-99ZZ has no manager on record: straight to the board."));
    }

    @Test
    @DisplayName("each deadline the case sets is scheduled, durably, for its due time")
    void deadlineIsScheduled() {
        fixture.givenAggregate(ID).published(reported("brin-12AB"))
                .whenAggregate(ID).publishes(due(Step.ACKNOWLEDGE, Duration.ofHours(2)))
                .expectScheduledDeadlineWithName(now.plus(Duration.ofHours(2)), EscalationSaga.STEP_DUE)
                .expectNoDispatchedCommands();
    }

    @Test
    @DisplayName("acknowledged in time: the deadline is cancelled and nothing is sent")
    void acknowledgedInTime() {
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.ACKNOWLEDGE, Duration.ofHours(2)))
                .whenAggregate(ID).publishes(new EscalationAcknowledged(INCIDENT, Assignee.manager(MANAGER), null))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    @DisplayName("not acknowledged in time: the case is told its step is overdue, naming the deadline")
    void acknowledgementOverdue() {
        Instant dueAt = now.plus(Duration.ofHours(2));
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.ACKNOWLEDGE, Duration.ofHours(2)))
                .whenTimeElapses(Duration.ofHours(2).plusSeconds(1))
                .expectDeadlinesMet(new StepDeadline(Step.ACKNOWLEDGE, dueAt))
                .expectDispatchedCommandsMatching(Matchers.exactSequenceOf(bySystem(
                        new MarkStepOverdue(INCIDENT, Step.ACKNOWLEDGE, dueAt), "deadline: ACKNOWLEDGE due " + dueAt)));
    }

    @Test
    @DisplayName("each level of escalation: the board's new deadline replaces the manager's")
    void escalationReplacesDeadline() {
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.ACKNOWLEDGE, Duration.ofHours(2)),
                        new StepOverdue(INCIDENT, Step.ACKNOWLEDGE, now, Assignee.manager(MANAGER)),
                        new IncidentEscalated(INCIDENT, Assignee.board(), "late"))
                .whenAggregate(ID).publishes(due(Step.ACKNOWLEDGE, Duration.ofHours(4)))
                .expectScheduledDeadlineWithName(now.plus(Duration.ofHours(4)), EscalationSaga.STEP_DUE)
                .expectNoScheduledDeadlineWithName(now.plus(Duration.ofHours(2)), EscalationSaga.STEP_DUE);
    }

    @Test
    @DisplayName("repeated reminders: each reminder's deadline fires in turn")
    void repeatedReminders() {
        Instant first = now.plus(Duration.ofHours(2));
        fixture.givenAggregate(ID).published(reported("brin-12AB"),
                        new BoardReminded(INCIDENT, Step.ACKNOWLEDGE, 1), new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, first, 1))
                .whenTimeAdvancesTo(first.plusSeconds(1))
                .expectDispatchedCommands(new MarkStepOverdue(INCIDENT, Step.ACKNOWLEDGE, first));
    }

    @Test
    @DisplayName("the communications department not notified in time: the case is told, so the system notifies it")
    void communicationsOverdue() {
        Instant dueAt = now.plus(Duration.ofHours(4));
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.NOTIFY_COMMUNICATIONS, Duration.ofHours(4)))
                .whenTimeElapses(Duration.ofHours(5))
                .expectDispatchedCommands(new MarkStepOverdue(INCIDENT, Step.NOTIFY_COMMUNICATIONS, dueAt));
    }

    @Test
    @DisplayName("the manager notified the communications department in time: that deadline goes")
    void communicationsNotifiedInTime() {
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.NOTIFY_COMMUNICATIONS, Duration.ofHours(4)))
                .whenAggregate(ID).publishes(new CommunicationsDepartmentNotified(INCIDENT, "FYI"))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("an undecided police report: the board's deadline fires; a decision, either way, cancels it")
    void policeDecision() {
        Instant dueAt = now.plus(Duration.ofHours(8));
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.POLICE_DECISION, Duration.ofHours(8)))
                .whenTimeElapses(Duration.ofHours(9))
                .expectDispatchedCommands(new MarkStepOverdue(INCIDENT, Step.POLICE_DECISION, dueAt));

        SagaTestFixture<EscalationSaga> filed = new SagaTestFixture<>(EscalationSaga.class);
        filed.registerResource(DIRECTORY);
        filed.givenAggregate(ID).published(reported("brin-12AB"), due(Step.POLICE_DECISION, Duration.ofHours(8)))
                .whenAggregate(ID).publishes(new FiledWithPolice(INCIDENT, "Threat", null))
                .expectNoScheduledDeadlines();

        SagaTestFixture<EscalationSaga> declined = new SagaTestFixture<>(EscalationSaga.class);
        declined.registerResource(DIRECTORY);
        declined.givenAggregate(ID).published(reported("brin-12AB"), due(Step.POLICE_DECISION, Duration.ofHours(8)))
                .whenAggregate(ID).publishes(new PoliceReportDeclined(INCIDENT, "No offence."))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("the legal duty: the inspector's consultation is held to its deadline until it is recorded")
    void legalDuty() {
        Instant dueAt = now.plus(Duration.ofHours(4));
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.INSPECTOR_CONSULTATION, Duration.ofHours(4)),
                        due(Step.POLICE_DECISION, Duration.ofHours(8)))
                .whenAggregate(ID).publishes(new ReportedToConfidentialInspector(INCIDENT, new PersonId("emp-1002"), "s", null))
                .expectScheduledDeadlineWithName(now.plus(Duration.ofHours(8)), EscalationSaga.STEP_DUE)
                .expectNoScheduledDeadlineWithName(dueAt, EscalationSaga.STEP_DUE);
    }

    @Test
    @DisplayName("closing the case cancels every deadline and ends the saga")
    void closingCancelsEverything() {
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.ACKNOWLEDGE, Duration.ofHours(2)),
                        due(Step.NOTIFY_COMMUNICATIONS, Duration.ofHours(4)), due(Step.POLICE_DECISION, Duration.ofHours(8)))
                .whenAggregate(ID).publishes(new IncidentClosed(INCIDENT, "Done."))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("nothing fires after the case closed")
    void nothingAfterClosure() {
        fixture.givenAggregate(ID).published(reported("brin-12AB"), due(Step.ACKNOWLEDGE, Duration.ofHours(2)),
                        new IncidentClosed(INCIDENT, "Done."))
                .whenTimeElapses(Duration.ofDays(3))
                .expectNoDispatchedCommands()
                .expectDeadlinesMet();
    }
}
