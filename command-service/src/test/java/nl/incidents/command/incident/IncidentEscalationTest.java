package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.escalation;
import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.ESCALATION_REASON;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_BOARD_MEMBER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_TEACHER;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.SYSTEM;
import static nl.incidents.command.incident.IncidentFixtures.acknowledgedBy;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.awaitingBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.awaitingManagerHistory;
import static nl.incidents.command.incident.IncidentFixtures.closedHistory;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.escalatedTo;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.followedBy;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.reportedHistory;
import static nl.incidents.command.incident.IncidentFixtures.strategyAgreedHistory;
import static nl.incidents.command.incident.IncidentFixtures.withBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;

import java.util.stream.Stream;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.IncidentEscalated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The case climbs from the school's manager to the board, and each assignee acknowledges it. */
class IncidentEscalationTest {

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    static Stream<Arguments> peopleOtherThanSystemAndBoard() {
        return Stream.of(REPORTER, OTHER_TEACHER, MANAGER, OTHER_MANAGER, COMMUNICATIONS).map(Arguments::of);
    }

    // --- EscalateToManager -----------------------------------------------------------------------

    @Test
    @DisplayName("EscalateToManager: the system escalates a new report to the school's manager")
    void systemEscalatesReportToManager() {
        fixture.given(reportedHistory())
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), ESCALATION_REASON), as(SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.manager(MANAGER.id()), ESCALATION_REASON), fixture.currentTime()));
    }

    @Test
    @DisplayName("EscalateToManager: escalating again to the same manager stores nothing")
    void repeatedEscalationToSameManagerIsIgnored() {
        fixture.given(awaitingManagerHistory())
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), ESCALATION_REASON), as(SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("EscalateToManager: escalating again to the same manager after acknowledgement stores nothing")
    void repeatedEscalationAfterAcknowledgementIsIgnored() {
        fixture.given(withManagerHistory())
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), ESCALATION_REASON), as(SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("EscalateToManager: the board sends a case it holds back to a manager")
    void boardSendsCaseBackToManager() {
        fixture.given(withBoardHistory())
                .when(new EscalateToManager(INCIDENT, OTHER_MANAGER.id(), "The deputy manager knows the family."),
                        as(BOARD))
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.manager(OTHER_MANAGER.id()),
                        "The deputy manager knows the family."), fixture.currentTime()));
    }

    @Test
    @DisplayName("EscalateToManager: the manager the board sends the case to is the one who acknowledges it")
    void newManagerAcknowledges() {
        fixture.given(followedBy(withBoardHistory(), escalatedTo(OTHER_MANAGER)))
                .when(new AcknowledgeEscalation(INCIDENT, null), as(OTHER_MANAGER))
                .expectEvents(new EscalationAcknowledged(INCIDENT, Assignee.manager(OTHER_MANAGER.id()), null));
    }

    @Test
    @DisplayName("EscalateToManager: once the board sent the case to another manager, the first manager no longer handles it")
    void previousManagerNoLongerHandles() {
        fixture.given(followedBy(withBoardHistory(), escalatedTo(OTHER_MANAGER), acknowledgedBy(OTHER_MANAGER)))
                .when(new CloseIncident(INCIDENT, "Closed by the first manager"), as(MANAGER))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentEscalationTest#peopleOtherThanSystemAndBoard")
    @DisplayName("EscalateToManager: only the system and the board escalate to a manager")
    void othersMayNotEscalateToManager(Actor actor) {
        fixture.given(reportedHistory())
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), "I want my manager on it."), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    @DisplayName("EscalateToManager: the board cannot send a closed case to a manager")
    void closedCaseIsNotEscalatedToManager() {
        fixture.given(closedHistory())
                .when(new EscalateToManager(INCIDENT, OTHER_MANAGER.id(), "Reopen"), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("EscalateToManager: the system's escalation on a report never pulls a case back once it moved on")
    void lateOrReplayedSystemEscalationChangesNothing() {
        fixture.given(awaitingBoardHistory())
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), ESCALATION_REASON), as(SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(closedHistory())
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), ESCALATION_REASON), as(SYSTEM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- EscalateToNextLevel ---------------------------------------------------------------------

    @Test
    @DisplayName("EscalateToNextLevel: the manager who holds the case hands it to the board")
    void managerHandsCaseToBoard() {
        fixture.given(withManagerHistory())
                .when(new EscalateToNextLevel(INCIDENT, "Staff member involved: this is for the board."),
                        as(MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.board(),
                        "Staff member involved: this is for the board."), fixture.currentTime()));
    }

    @Test
    @DisplayName("EscalateToNextLevel: the manager may hand the case up before acknowledging it")
    void managerHandsUpBeforeAcknowledging() {
        fixture.given(awaitingManagerHistory())
                .when(new EscalateToNextLevel(INCIDENT, "I am on leave."), as(MANAGER))
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.board(), "I am on leave."), fixture.currentTime()));
    }

    @Test
    @DisplayName("EscalateToNextLevel: the system hands the case to the board when the manager does not acknowledge in time")
    void systemEscalatesUnacknowledgedCase() {
        fixture.given(awaitingManagerHistory())
                .when(new EscalateToNextLevel(INCIDENT, "Not acknowledged within 24 hours."), as(SYSTEM))
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.board(), "Not acknowledged within 24 hours."), fixture.currentTime()));
    }

    @Test
    @DisplayName("EscalateToNextLevel: a case of a school without a manager goes straight to the board")
    void caseWithoutManagerGoesToBoard() {
        fixture.given(reportedHistory())
                .when(new EscalateToNextLevel(INCIDENT, "School brin-12AB has no manager on record."), as(SYSTEM))
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.board(),
                        "School brin-12AB has no manager on record."), fixture.currentTime()));
    }

    @Test
    @DisplayName("EscalateToNextLevel: the board takes a case from a manager")
    void boardTakesCase() {
        fixture.given(strategyAgreedHistory())
                .when(new EscalateToNextLevel(INCIDENT, "Press asked questions."), as(BOARD))
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.board(), "Press asked questions."), fixture.currentTime()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentEscalationTest#boardAndSystem")
    @DisplayName("EscalateToNextLevel: a case with the board cannot climb higher")
    void caseAtBoardCannotClimb(Actor actor) {
        fixture.given(awaitingBoardHistory())
                .when(new EscalateToNextLevel(INCIDENT, "Higher still"), as(actor))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("EscalateToNextLevel: an acknowledged case with the board cannot climb higher")
    void acknowledgedCaseAtBoardCannotClimb() {
        fixture.given(withBoardHistory())
                .when(new EscalateToNextLevel(INCIDENT, "Higher still"), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentEscalationTest#notHoldingTheCase")
    @DisplayName("EscalateToNextLevel: someone who does not hold the case may not escalate it")
    void othersMayNotEscalate(Actor actor) {
        fixture.given(withManagerHistory())
                .when(new EscalateToNextLevel(INCIDENT, "My manager does nothing."), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    @DisplayName("EscalateToNextLevel: the manager no longer holds a case that went to the board")
    void managerDoesNotHoldBoardCase() {
        fixture.given(awaitingBoardHistory())
                .when(new EscalateToNextLevel(INCIDENT, "Again"), as(MANAGER))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    @DisplayName("EscalateToNextLevel: a closed case is not escalated")
    void closedCaseIsNotEscalatedFurther() {
        fixture.given(closedHistory())
                .when(new EscalateToNextLevel(INCIDENT, "Reopen"), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    static Stream<Arguments> boardAndSystem() {
        return Stream.of(BOARD, SYSTEM).map(Arguments::of);
    }

    static Stream<Arguments> notHoldingTheCase() {
        return Stream.of(REPORTER, OTHER_TEACHER, OTHER_MANAGER, COMMUNICATIONS).map(Arguments::of);
    }

    // --- AcknowledgeEscalation -------------------------------------------------------------------

    @Test
    @DisplayName("AcknowledgeEscalation: the manager the case was escalated to acknowledges it")
    void managerAcknowledges() {
        fixture.given(awaitingManagerHistory())
                .when(new AcknowledgeEscalation(INCIDENT, "I call the parents tomorrow."), as(MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EscalationAcknowledged(INCIDENT, Assignee.manager(MANAGER.id()),
                        "I call the parents tomorrow."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentEscalationTest#notTheManager")
    @DisplayName("AcknowledgeEscalation: only the manager who holds the case acknowledges it")
    void othersMayNotAcknowledgeForManager(Actor actor) {
        fixture.given(awaitingManagerHistory())
                .when(new AcknowledgeEscalation(INCIDENT, null), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentEscalationTest#boardMembers")
    @DisplayName("AcknowledgeEscalation: any board member acknowledges a case with the board")
    void anyBoardMemberAcknowledgesBoardCase(Actor boardMember) {
        fixture.given(awaitingBoardHistory())
                .when(new AcknowledgeEscalation(INCIDENT, "On the board's agenda."), as(boardMember))
                .expectEvents(new EscalationAcknowledged(INCIDENT, Assignee.board(), "On the board's agenda."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentEscalationTest#notOnTheBoard")
    @DisplayName("AcknowledgeEscalation: only a board member acknowledges a case with the board")
    void othersMayNotAcknowledgeForBoard(Actor actor) {
        fixture.given(awaitingBoardHistory())
                .when(new AcknowledgeEscalation(INCIDENT, null), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    @DisplayName("AcknowledgeEscalation: a case already acknowledged is not acknowledged again")
    void alreadyAcknowledgedIsConflict() {
        fixture.given(withManagerHistory())
                .when(new AcknowledgeEscalation(INCIDENT, "Again"), as(MANAGER))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("AcknowledgeEscalation: a case acknowledged by the board is not acknowledged again")
    void alreadyAcknowledgedByBoardIsConflict() {
        fixture.given(withBoardHistory())
                .when(new AcknowledgeEscalation(INCIDENT, "Again"), as(OTHER_BOARD_MEMBER))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("AcknowledgeEscalation: a case that was not escalated has nothing to acknowledge")
    void notEscalatedIsConflict() {
        fixture.given(reportedHistory())
                .when(new AcknowledgeEscalation(INCIDENT, null), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("AcknowledgeEscalation: a case escalated again after its strategy waits for a new acknowledgement")
    void reEscalatedCaseIsAcknowledgedAgain() {
        fixture.given(strategyAgreedHistory())
                .andGiven(new IncidentEscalated(INCIDENT, Assignee.board(), "Press asked questions."))
                .when(new AcknowledgeEscalation(INCIDENT, null), as(BOARD))
                .expectEvents(new EscalationAcknowledged(INCIDENT, Assignee.board(), null));
    }

    @Test
    @DisplayName("AcknowledgeEscalation: a closed case is not acknowledged")
    void closedCaseIsNotAcknowledged() {
        fixture.given(closedHistory())
                .when(new AcknowledgeEscalation(INCIDENT, null), as(MANAGER))
                .expectException(conflict())
                .expectNoEvents();
    }

    static Stream<Arguments> notTheManager() {
        return Stream.of(OTHER_MANAGER, REPORTER, BOARD, SYSTEM, COMMUNICATIONS).map(Arguments::of);
    }

    static Stream<Arguments> boardMembers() {
        return Stream.of(BOARD, OTHER_BOARD_MEMBER).map(Arguments::of);
    }

    static Stream<Arguments> notOnTheBoard() {
        return Stream.of(MANAGER, OTHER_MANAGER, REPORTER, SYSTEM, COMMUNICATIONS).map(Arguments::of);
    }
}
