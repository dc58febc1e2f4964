package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.HISTORY_TIME;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.escalatedTo;
import static nl.incidents.command.incident.IncidentFixtures.PUPIL;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.RULES;
import static nl.incidents.command.incident.IncidentFixtures.STAFF_MEMBER;
import static nl.incidents.command.incident.IncidentFixtures.SYSTEM;
import static nl.incidents.command.incident.IncidentFixtures.acknowledgedBy;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.awaitingBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.awaitingManagerHistory;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.deadline;
import static nl.incidents.command.incident.IncidentFixtures.escalation;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.followedBy;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.report;
import static nl.incidents.command.incident.IncidentFixtures.reportEvents;
import static nl.incidents.command.incident.IncidentFixtures.newReportEvents;
import static nl.incidents.command.incident.IncidentFixtures.reportedHistory;
import static nl.incidents.command.incident.IncidentFixtures.terms;
import static nl.incidents.command.incident.IncidentFixtures.withBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DeclinePoliceReport;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.MarkStepOverdue;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ReportToConfidentialInspector;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.protocol.Escalations;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.Timing;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The timing of a case: the deadlines the case sets, and what it does when the system tells it a
 * deadline passed. (When deadlines fire is the saga's business: {@code EscalationSagaTest}.)
 */
class IncidentDeadlinesTest {

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static Instant due(List<Object> history, Step step) {
        return history.stream().filter(DeadlineSet.class::isInstance).map(DeadlineSet.class::cast)
                .filter(d -> d.step() == step).reduce((first, last) -> last).orElseThrow().dueAt();
    }

    private static MarkStepOverdue overdue(List<Object> history, Step step) {
        return new MarkStepOverdue(INCIDENT, step, due(history, step));
    }

    @Nested
    @DisplayName("on the report")
    class OnTheReport {

        @Test
        @DisplayName("the policy in force is recorded with the case: HIGH counts school time in the school's region")
        void policyIsRecorded() {
            EscalationPolicyRecorded terms = terms();
            org.assertj.core.api.Assertions.assertThat(terms.clock()).isEqualTo(ClockMode.SCHOOL_TIME);
            org.assertj.core.api.Assertions.assertThat(terms.timing().acknowledge()).isEqualTo(Duration.ofHours(2));
            fixture.givenNoPriorActivity()
                    .when(report(), as(REPORTER))
                    .expectEvents(newReportEvents(report().toEvent(REPORTER.id()), fixture.currentTime()).toArray());
        }

        @Test
        @DisplayName("a CRITICAL case counts the clock around the hour, from the moment it is reported")
        void criticalCountsTheClock() {
            ReportDerailingDiscussion critical = withSeverity(report(), Severity.CRITICAL);
            fixture.givenCurrentTime(Instant.parse("2026-11-22T01:00:00Z")) // 02:00 on a Sunday in Amsterdam
                    .when(critical, as(REPORTER))
                    .expectEvents(critical.toEvent(REPORTER.id()),
                            new EscalationPolicyRecorded(INCIDENT, RULES.termsFor(critical.toEvent(REPORTER.id())).timing(),
                                    ClockMode.AROUND_THE_CLOCK, terms().region(), terms().chain(), false),
                            new DeadlineSet(INCIDENT, Step.NOTIFY_COMMUNICATIONS, Instant.parse("2026-11-22T03:00:00Z"), 0),
                            new DeadlineSet(INCIDENT, Step.POLICE_DECISION, Instant.parse("2026-11-22T05:00:00Z"), 0),
                            escalatedTo(MANAGER),
                            new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, Instant.parse("2026-11-22T02:00:00Z"), 0));
        }

        @Test
        @DisplayName("a case without a harm that may be criminal has no police decision due")
        void noPoliceDecisionForBullying() {
            ReportDerailingDiscussion bullying = report(Set.of(Harm.BULLYING), IncidentFixtures.PARTIES);
            fixture.givenNoPriorActivity()
                    .when(bullying, as(REPORTER))
                    .expectEvents(newReportEvents(bullying.toEvent(REPORTER.id()), fixture.currentTime()).toArray());
            org.assertj.core.api.Assertions.assertThat(reportEvents(bullying.toEvent(REPORTER.id()), HISTORY_TIME))
                    .noneMatch(e -> e instanceof DeadlineSet d && d.step() == Step.POLICE_DECISION);
        }
    }

    @Nested
    @DisplayName("when the acknowledgement is overdue")
    class AcknowledgementOverdue {

        @Test
        @DisplayName("the manager's: the case climbs to the board, which gets its own deadline")
        void managerLateGoesToBoard() {
            List<Object> history = awaitingManagerHistory();
            Instant due = due(history, Step.ACKNOWLEDGE);
            fixture.given(history)
                    .when(overdue(history, Step.ACKNOWLEDGE), as(SYSTEM))
                    .expectEvents(new StepOverdue(INCIDENT, Step.ACKNOWLEDGE, due, Assignee.manager(MANAGER.id())),
                            new IncidentEscalated(INCIDENT, Assignee.board(),
                                    "manager " + MANAGER.id() + " did not acknowledge the case by " + due + ", when it was due."),
                            deadline(Step.ACKNOWLEDGE, fixture.currentTime()));
        }

        @Test
        @DisplayName("the board's: the board is reminded, and again at the interval until someone acts")
        void boardIsRemindedRepeatedly() {
            List<Object> history = awaitingBoardHistory();
            Instant due = due(history, Step.ACKNOWLEDGE);
            Instant firstReminder = RULES.nextReminder(terms(), fixture.currentTime());
            fixture.given(history)
                    .when(overdue(history, Step.ACKNOWLEDGE), as(SYSTEM))
                    .expectEvents(new StepOverdue(INCIDENT, Step.ACKNOWLEDGE, due, Assignee.board()),
                            new BoardReminded(INCIDENT, Step.ACKNOWLEDGE, 1),
                            new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, firstReminder, 1));

            List<Object> reminded = followedBy(history, new StepOverdue(INCIDENT, Step.ACKNOWLEDGE, due, Assignee.board()),
                    new BoardReminded(INCIDENT, Step.ACKNOWLEDGE, 1), new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, firstReminder, 1));
            AggregateTestFixture<Incident> later = fixture();
            later.given(reminded)
                    .when(new MarkStepOverdue(INCIDENT, Step.ACKNOWLEDGE, firstReminder), as(SYSTEM))
                    .expectEvents(new BoardReminded(INCIDENT, Step.ACKNOWLEDGE, 2),
                            new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, RULES.nextReminder(terms(), later.currentTime()), 2));

            fixture().given(followedBy(reminded, new EscalationAcknowledged(INCIDENT, Assignee.board(), null)))
                    .when(new MarkStepOverdue(INCIDENT, Step.ACKNOWLEDGE, firstReminder), as(SYSTEM))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("acknowledged in time: the deadline that passes later changes nothing")
        void acknowledgedInTime() {
            List<Object> history = awaitingManagerHistory();
            fixture.given(followedBy(history, acknowledgedBy(MANAGER)))
                    .when(overdue(history, Step.ACKNOWLEDGE), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("a deadline that was replaced (the case moved on) changes nothing: the same deadline acts once")
        void replacedDeadlineIsIgnored() {
            List<Object> managerHistory = awaitingManagerHistory();
            fixture.given(awaitingBoardHistory())
                    .when(new MarkStepOverdue(INCIDENT, Step.ACKNOWLEDGE, Instant.parse("2020-01-01T00:00:00Z")), as(SYSTEM))
                    .expectNoEvents();
            fixture().given(followedBy(managerHistory, new StepOverdue(INCIDENT, Step.ACKNOWLEDGE,
                            due(managerHistory, Step.ACKNOWLEDGE), Assignee.manager(MANAGER.id())),
                            new IncidentEscalated(INCIDENT, Assignee.board(), "late"),
                            deadline(Step.ACKNOWLEDGE, HISTORY_TIME.plusSeconds(60))))
                    .when(overdue(managerHistory, Step.ACKNOWLEDGE), as(SYSTEM))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("only the system marks a step overdue")
        void onlyTheSystem() {
            List<Object> history = awaitingManagerHistory();
            fixture.given(history)
                    .when(overdue(history, Step.ACKNOWLEDGE), as(BOARD))
                    .expectException(forbidden())
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the timing recorded with the case counts, not the policy in force today")
        void recordedTermsCount() {
            Timing own = new Timing(Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30),
                    Duration.ofMinutes(40), Duration.ofMinutes(7));
            EscalationPolicyRecorded oldTerms = new EscalationPolicyRecorded(INCIDENT, own, ClockMode.AROUND_THE_CLOCK,
                    terms().region(), terms().chain(), false);
            Instant due = HISTORY_TIME.plus(Duration.ofMinutes(10));
            fixture.given(IncidentFixtures.reported(), oldTerms,
                            new IncidentEscalated(INCIDENT, Assignee.board(), "straight up"),
                            new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, due, 0))
                    .when(new MarkStepOverdue(INCIDENT, Step.ACKNOWLEDGE, due), as(SYSTEM))
                    .expectEvents(new StepOverdue(INCIDENT, Step.ACKNOWLEDGE, due, Assignee.board()),
                            new BoardReminded(INCIDENT, Step.ACKNOWLEDGE, 1),
                            new DeadlineSet(INCIDENT, Step.ACKNOWLEDGE, fixture.currentTime().plus(Duration.ofMinutes(7)), 1));
        }
    }

    @Nested
    @DisplayName("when other steps are overdue")
    class OtherStepsOverdue {

        @Test
        @DisplayName("the communications department is notified by the system, and the step is recorded as overdue")
        void communicationsNotifiedAutomatically() {
            List<Object> history = withManagerHistory();
            Instant due = due(history, Step.NOTIFY_COMMUNICATIONS);
            fixture.given(history)
                    .when(overdue(history, Step.NOTIFY_COMMUNICATIONS), as(SYSTEM))
                    .expectEvents(new StepOverdue(INCIDENT, Step.NOTIFY_COMMUNICATIONS, due, null),
                            new CommunicationsDepartmentNotified(INCIDENT, "Notified by the system: the communications "
                                    + "department had not been informed by " + due + ", when it was due."));
        }

        @Test
        @DisplayName("on a need-to-know case nobody of the communications department was added to, the board is "
                + "reminded instead: the case never says the department was told when nobody was")
        void communicationsOfANeedToKnowCaseRemindTheBoard() {
            List<Object> history = followedBy(withBoardHistory(),
                    new CaseRestrictedToNeedToKnow(INCIDENT, "A colleague is named."));
            Instant due = due(history, Step.NOTIFY_COMMUNICATIONS);
            fixture.given(history)
                    .when(overdue(history, Step.NOTIFY_COMMUNICATIONS), as(SYSTEM))
                    .expectEvents(new StepOverdue(INCIDENT, Step.NOTIFY_COMMUNICATIONS, due, null),
                            new BoardReminded(INCIDENT, Step.NOTIFY_COMMUNICATIONS, 1),
                            new DeadlineSet(INCIDENT, Step.NOTIFY_COMMUNICATIONS,
                                    RULES.nextReminder(terms(), fixture.currentTime()), 1));
        }

        @Test
        @DisplayName("the board is reminded of an undecided police report until it decides")
        void policeDecisionReminder() {
            List<Object> history = withBoardHistory();
            Instant due = due(history, Step.POLICE_DECISION);
            fixture.given(history)
                    .when(overdue(history, Step.POLICE_DECISION), as(SYSTEM))
                    .expectEvents(new StepOverdue(INCIDENT, Step.POLICE_DECISION, due, null),
                            new BoardReminded(INCIDENT, Step.POLICE_DECISION, 1),
                            new DeadlineSet(INCIDENT, Step.POLICE_DECISION,
                                    RULES.nextReminder(terms(), fixture.currentTime()), 1));
            fixture().given(followedBy(history, new FiledWithPolice(INCIDENT, "Threat", null)))
                    .when(overdue(history, Step.POLICE_DECISION), as(SYSTEM))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("the board may decide not to file with the police, once, and that takes the decision")
        void boardDeclinesPoliceReport() {
            List<Object> history = withBoardHistory();
            fixture.given(history)
                    .when(new DeclinePoliceReport(INCIDENT, "An insult, not a threat, on a closer look."), as(BOARD))
                    .expectEvents(new PoliceReportDeclined(INCIDENT, "An insult, not a threat, on a closer look."));
            fixture().given(history)
                    .when(new DeclinePoliceReport(INCIDENT, "Not mine to decide."), as(MANAGER))
                    .expectException(forbidden());
            fixture().given(followedBy(history, new PoliceReportDeclined(INCIDENT, "No.")))
                    .when(new DeclinePoliceReport(INCIDENT, "Still no."), as(BOARD))
                    .expectException(conflict());
            fixture().given(followedBy(history, new PoliceReportDeclined(INCIDENT, "No.")))
                    .when(overdue(history, Step.POLICE_DECISION), as(SYSTEM))
                    .expectNoEvents();
        }
    }

    @Nested
    @DisplayName("the legal duty: a possible sexual offence by a staff member against a pupil")
    class LegalDuty {

        private final ReportDerailingDiscussion report = report(Set.of(Harm.SEXUAL_IMAGES_OF_MINORS),
                List.of(new InvolvedParty(STAFF_MEMBER, PartyRole.STAFF, Part.AUTHOR),
                        new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.TARGET)));
        private final DerailingDiscussionReported reported = report.toEvent(REPORTER.id());

        private List<Object> history() {
            return followedBy(reportEvents(reported, HISTORY_TIME).stream().toList(),
                    escalation(new IncidentEscalated(INCIDENT, Assignee.board(), "legal duty"), HISTORY_TIME));
        }

        private List<Object> acknowledged() {
            return followedBy(history(), new EscalationAcknowledged(INCIDENT, Assignee.board(), null));
        }

        @Test
        @DisplayName("the report sets the inspector consultation and the police decision as due")
        void reportSetsLegalDutySteps() {
            org.assertj.core.api.Assertions.assertThat(RULES.termsFor(reported).legalDuty()).isTrue();
            fixture.givenNoPriorActivity()
                    .when(report, as(REPORTER))
                    .expectEvents(newReportEvents(reported, fixture.currentTime(), new IncidentEscalated(INCIDENT,
                            Assignee.board(), Escalations.LEGAL_DUTY)).toArray());
            org.assertj.core.api.Assertions.assertThat(reportEvents(reported, HISTORY_TIME))
                    .anyMatch(e -> e instanceof DeadlineSet d && d.step() == Step.INSPECTOR_CONSULTATION)
                    .anyMatch(e -> e instanceof DeadlineSet d && d.step() == Step.POLICE_DECISION);
        }

        @Test
        @DisplayName("the case goes to the board at once, not to the manager")
        void straightToTheBoard() {
            fixture.given(reportEvents(reported, HISTORY_TIME))
                    .when(new EscalateToManager(INCIDENT, MANAGER.id(), "Reported: the manager hears of it at once."),
                            as(SYSTEM))
                    .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.board(),
                            "Straight to the board, as the protocol requires for a case of this kind."),
                            fixture.currentTime()));
        }

        @Test
        @DisplayName("the case stays open until the inspector is consulted and the police decision recorded")
        void heldOpenUntilBothSteps() {
            fixture.given(acknowledged())
                    .when(new CloseIncident(INCIDENT, "Dealt with."), as(BOARD))
                    .expectException(conflict());
            fixture().given(followedBy(acknowledged(), new ReportedToConfidentialInspector(INCIDENT, STAFF_MEMBER, "s", null)))
                    .when(new CloseIncident(INCIDENT, "Dealt with."), as(BOARD))
                    .expectException(conflict());
            fixture().given(followedBy(acknowledged(), new ReportedToConfidentialInspector(INCIDENT, STAFF_MEMBER, "s", null),
                            new FiledWithPolice(INCIDENT, "art. 240b Sr", "PL-1")))
                    .when(new CloseIncident(INCIDENT, "Dealt with."), as(BOARD))
                    .expectEvents(new IncidentClosed(INCIDENT, "Dealt with."));
        }

        @Test
        @DisplayName("the decision not to report to the police follows the inspector's consultation")
        void declineOnlyAfterConsultation() {
            fixture.given(acknowledged())
                    .when(new DeclinePoliceReport(INCIDENT, "No suspicion."), as(BOARD))
                    .expectException(conflict());
            fixture().given(acknowledged())
                    .andGiven(new ReportedToConfidentialInspector(INCIDENT, STAFF_MEMBER, "s", null))
                    .when(new DeclinePoliceReport(INCIDENT, "The inspector saw no reasonable suspicion."), as(BOARD))
                    .expectEvents(new PoliceReportDeclined(INCIDENT, "The inspector saw no reasonable suspicion."));
            fixture().given(acknowledged())
                    .when(new ReportToConfidentialInspector(INCIDENT, STAFF_MEMBER, "Consulted by phone.", "LVI-1"), as(BOARD))
                    .expectEvents(new ReportedToConfidentialInspector(INCIDENT, STAFF_MEMBER, "Consulted by phone.", "LVI-1"));
        }

        @Test
        @DisplayName("an overdue consultation reminds the board again and again")
        void consultationReminder() {
            List<Object> history = acknowledged();
            Instant due = due(history, Step.INSPECTOR_CONSULTATION);
            fixture.given(history)
                    .when(overdue(history, Step.INSPECTOR_CONSULTATION), as(SYSTEM))
                    .expectEvents(new StepOverdue(INCIDENT, Step.INSPECTOR_CONSULTATION, due, null),
                            new BoardReminded(INCIDENT, Step.INSPECTOR_CONSULTATION, 1),
                            new DeadlineSet(INCIDENT, Step.INSPECTOR_CONSULTATION,
                                    RULES.nextReminder(RULES.termsFor(reported), fixture.currentTime()), 1));
        }
    }

    @Test
    @DisplayName("the manager still acknowledges after the acknowledgement deadline was set")
    void acknowledgeClearsTheDeadline() {
        fixture.given(awaitingManagerHistory())
                .when(new AcknowledgeEscalation(INCIDENT, null), as(MANAGER))
                .expectEvents(new EscalationAcknowledged(INCIDENT, Assignee.manager(MANAGER.id()), null));
        fixture().given(reportedHistory())
                .when(new MarkStepOverdue(INCIDENT, Step.NOTIFY_COMMUNICATIONS, due(reportedHistory(), Step.NOTIFY_COMMUNICATIONS)),
                        as(SYSTEM))
                .expectSuccessfulHandlerExecution();
    }

    private static ReportDerailingDiscussion withSeverity(ReportDerailingDiscussion r, Severity severity) {
        return new ReportDerailingDiscussion(r.incidentId(), r.schoolId(), r.platform(), r.location(), r.summary(),
                r.stage(), r.harms(), severity, r.involvedParties(), r.observedAt());
    }
}
