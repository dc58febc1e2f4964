package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_TEACHER;
import static nl.incidents.command.incident.IncidentFixtures.PARTIES;
import static nl.incidents.command.incident.IncidentFixtures.PUPIL;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.SYSTEM;
import static nl.incidents.command.incident.IncidentFixtures.TEACHER_ELSEWHERE;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.closedHistory;
import static nl.incidents.command.incident.IncidentFixtures.deadline;
import static nl.incidents.command.incident.IncidentFixtures.escalation;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.followedBy;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.report;
import static nl.incidents.command.incident.IncidentFixtures.reportEvents;
import static nl.incidents.command.incident.IncidentFixtures.newReportEvents;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.RecordCorrespondence;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.Step;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may act on a case, as the aggregate enforces it: permission before state, refusals that name
 * nobody, staff reporting about their own school, and no person involved handling the case.
 */
class IncidentPermissionsTest {

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** A 403 that names nobody: not the manager who holds the case, not the people involved. */
    private static Matcher<RequestRefused> forbiddenNamingNobody() {
        return allOf(forbidden(), Matchers.<RequestRefused>hasProperty("message", allOf(
                not(containsString(MANAGER.id().value())), not(containsString(PUPIL.value())),
                not(containsString("emp-")), not(containsString("involved")))));
    }

    // --- fault 11: permission first, state second --------------------------------------------

    static Stream<Arguments> everyFollowUpCommandBySomeoneWithoutARight() {
        List<Arguments> all = new ArrayList<>();
        Stream.of(IncidentFixtures.everyFollowUpCommand(), IncidentFixtures.deadlineCommands(),
                IncidentFixtures.keepingCommands()).flatMap(s -> s).forEach(command -> {
            for (Actor outsider : List.of(REPORTER, OTHER_MANAGER, TEACHER_ELSEWHERE, COMMUNICATIONS)) {
                all.add(Arguments.of(command.get()[0], outsider));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyFollowUpCommandBySomeoneWithoutARight")
    @DisplayName("someone without a right to a closed case is told 403, not that it is closed, and no name")
    void closedCaseIsNotRevealedToOutsiders(Object command, Actor outsider) {
        fixture.given(closedHistory())
                .when(command, as(outsider))
                .expectException(forbiddenNamingNobody())
                .expectNoEvents();
    }

    @Test
    @DisplayName("another manager acknowledging a case already acknowledged is told 403, not who holds it")
    void acknowledgedCaseIsNotRevealedToOtherManagers() {
        fixture.given(withManagerHistory())
                .when(new AcknowledgeEscalation(INCIDENT, "mine?"), as(OTHER_MANAGER))
                .expectException(forbiddenNamingNobody())
                .expectNoEvents();
    }

    // --- staff report about their own school ---------------------------------------------------

    static Stream<Arguments> mayReportAboutTheSchool() {
        return Stream.of(REPORTER, OTHER_TEACHER, MANAGER, COMMUNICATIONS, BOARD).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mayReportAboutTheSchool")
    @DisplayName("staff and the manager of the school, communications and the board report about it")
    void ownSchoolIsReported(Actor reporter) {
        ReportDerailingDiscussion report = report();
        fixture.givenNoPriorActivity()
                .when(report, as(reporter))
                .expectResultMessagePayload(true)
                .expectEvents(newReportEvents(report.toEvent(reporter.id()), fixture.currentTime()).toArray());
    }

    static Stream<Arguments> mayNotReportAboutTheSchool() {
        return Stream.of(TEACHER_ELSEWHERE, OTHER_MANAGER, SYSTEM).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mayNotReportAboutTheSchool")
    @DisplayName("staff and managers of another school may not report about this one")
    void otherSchoolIsNotReported(Actor reporter) {
        fixture.givenNoPriorActivity()
                .when(report(), as(reporter))
                .expectException(forbiddenNamingNobody())
                .expectNoEvents();
    }

    // --- fault 12: a person involved does not handle the case -----------------------------------

    private static List<InvolvedParty> managerAsAuthor() {
        List<InvolvedParty> parties = new ArrayList<>(PARTIES);
        parties.add(new InvolvedParty(MANAGER.id(), PartyRole.STAFF, Part.AUTHOR));
        return parties;
    }

    private static List<Object> reportedWithManagerAsAuthor() {
        return reportEvents(report(Set.of(Harm.INSULTING, Harm.THREATENING), managerAsAuthor()).toEvent(REPORTER.id()),
                IncidentFixtures.HISTORY_TIME);
    }

    @Test
    @DisplayName("a report naming the school's manager goes to the board at once, saying why without naming them")
    void involvedManagerIsPassedOver() {
        fixture.given(reportedWithManagerAsAuthor())
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), "Reported: the manager hears of it at once."),
                        as(SYSTEM))
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.board(), "Straight to the board: the "
                        + "school's manager is involved in the discussion, and a person involved does not handle "
                        + "the case."), fixture.currentTime()))
                .expectEventsMatching(Matchers.not(Matchers.hasToString(containsString(MANAGER.id().value()))));
    }

    @Test
    @DisplayName("the board cannot send the case down to a manager involved in it: it stays with the board")
    void boardCannotSendCaseToInvolvedManager() {
        List<Object> withBoard = followedBy(reportedWithManagerAsAuthor(),
                escalation(new IncidentEscalated(INCIDENT, Assignee.board(), "involved"), IncidentFixtures.HISTORY_TIME));
        fixture.given(withBoard)
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), "Back to the school."), as(BOARD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** A case stored before this rule: escalated to the manager who is named in it. */
    private static List<Object> involvedManagerHoldsIt() {
        return followedBy(reportedWithManagerAsAuthor(), new IncidentEscalated(INCIDENT, Assignee.manager(MANAGER.id()),
                "Reported: the manager hears of it at once."), deadline(Step.ACKNOWLEDGE, IncidentFixtures.HISTORY_TIME));
    }

    static Stream<Arguments> handlingCommands() {
        return Stream.of(
                Arguments.of(new AcknowledgeEscalation(INCIDENT, "Seen.")),
                Arguments.of(new EscalateToNextLevel(INCIDENT, "Up.")),
                Arguments.of(new AgreeResponseStrategy(INCIDENT, Set.of(ResponseStrategy.NO_ONLINE_REACTION), "Quiet.")),
                Arguments.of(new NotifyCommunicationsDepartment(INCIDENT, "FYI")),
                Arguments.of(new ImposeMeasure(INCIDENT, PUPIL, Measure.WARNING, "Threatened a teacher.")),
                Arguments.of(new RecordCorrespondence(INCIDENT, PUPIL, "Letter.")),
                Arguments.of(new CloseIncident(INCIDENT, "Closed.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlingCommands")
    @DisplayName("a manager involved in a case cannot handle it, even one escalated to them before this rule")
    void involvedManagerCannotHandle(Object command) {
        fixture.given(involvedManagerHoldsIt())
                .when(command, as(MANAGER))
                .expectException(forbiddenNamingNobody())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlingCommands")
    @DisplayName("a manager involved in a case that they acknowledged before this rule cannot handle it either")
    void involvedManagerWhoAcknowledgedCannotHandle(Object command) {
        fixture.given(followedBy(involvedManagerHoldsIt(),
                        new EscalationAcknowledged(INCIDENT, Assignee.manager(MANAGER.id()), "Mine.")))
                .when(command, as(MANAGER))
                .expectException(forbiddenNamingNobody())
                .expectNoEvents();
    }
}
