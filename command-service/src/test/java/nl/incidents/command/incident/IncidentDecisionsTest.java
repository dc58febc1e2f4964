package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.NOT_INVOLVED;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_BOARD_MEMBER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_TEACHER;
import static nl.incidents.command.incident.IncidentFixtures.PARENT;
import static nl.incidents.command.incident.IncidentFixtures.PUPIL;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.STAFF_MEMBER;
import static nl.incidents.command.incident.IncidentFixtures.SYSTEM;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.awaitingBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.awaitingManagerHistory;
import static nl.incidents.command.incident.IncidentFixtures.communicationsNotified;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.followedBy;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.invalid;
import static nl.incidents.command.incident.IncidentFixtures.reportedHistory;
import static nl.incidents.command.incident.IncidentFixtures.strategyAgreedHistory;
import static nl.incidents.command.incident.IncidentFixtures.withBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;

import java.util.Set;
import java.util.stream.Stream;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.ReportToConfidentialInspector;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the case's handler decides: a response strategy, informing communications, the police, the inspector. */
class IncidentDecisionsTest {

    private static final Set<ResponseStrategy> STRATEGY =
            Set.of(ResponseStrategy.CORRECT_UNTRUTHS_ONLY, ResponseStrategy.INVOLVE_PARENTS);
    private static final String STRATEGY_TEXT = "Correct the untrue claim about the trip once; call the parents.";

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** People who are neither the case's manager nor on the board. */
    static Stream<Arguments> notHandlers() {
        return Stream.of(REPORTER, OTHER_TEACHER, OTHER_MANAGER, COMMUNICATIONS, SYSTEM).map(Arguments::of);
    }

    // --- AgreeResponseStrategy -------------------------------------------------------------------

    @Test
    @DisplayName("AgreeResponseStrategy: the manager agrees a strategy with the reporter")
    void managerAgreesStrategyWithReporter() {
        fixture.given(withManagerHistory())
                .when(new AgreeResponseStrategy(INCIDENT, STRATEGY, STRATEGY_TEXT), as(MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ResponseStrategyAgreed(INCIDENT, STRATEGY, STRATEGY_TEXT, REPORTER.id()));
    }

    @Test
    @DisplayName("AgreeResponseStrategy: the board agrees a strategy with the reporter of a case it holds")
    void boardAgreesStrategyWithReporter() {
        fixture.given(withBoardHistory())
                .when(new AgreeResponseStrategy(INCIDENT, STRATEGY, STRATEGY_TEXT), as(OTHER_BOARD_MEMBER))
                .expectEvents(new ResponseStrategyAgreed(INCIDENT, STRATEGY, STRATEGY_TEXT, REPORTER.id()));
    }

    @Test
    @DisplayName("AgreeResponseStrategy: a strategy may be revised once agreed")
    void strategyMayBeRevised() {
        Set<ResponseStrategy> revised = Set.of(ResponseStrategy.REQUEST_REMOVAL_FROM_PLATFORM);
        fixture.given(strategyAgreedHistory())
                .when(new AgreeResponseStrategy(INCIDENT, revised, "Ask Facebook to remove the post."), as(MANAGER))
                .expectEvents(new ResponseStrategyAgreed(INCIDENT, revised, "Ask Facebook to remove the post.",
                        REPORTER.id()));
    }

    @Test
    @DisplayName("AgreeResponseStrategy: no strategy before the manager acknowledged the case")
    void notBeforeAcknowledgement() {
        fixture.given(awaitingManagerHistory())
                .when(new AgreeResponseStrategy(INCIDENT, STRATEGY, STRATEGY_TEXT), as(MANAGER))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("AgreeResponseStrategy: no strategy before the board acknowledged the case")
    void notBeforeBoardAcknowledgement() {
        fixture.given(awaitingBoardHistory())
                .when(new AgreeResponseStrategy(INCIDENT, STRATEGY, STRATEGY_TEXT), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("AgreeResponseStrategy: no strategy before the case was escalated")
    void notBeforeEscalation() {
        fixture.given(reportedHistory())
                .when(new AgreeResponseStrategy(INCIDENT, STRATEGY, STRATEGY_TEXT), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("AgreeResponseStrategy: a strategy names at least one element")
    void emptyElementsAreInvalid() {
        fixture.given(withManagerHistory())
                .when(new AgreeResponseStrategy(INCIDENT, Set.of(), STRATEGY_TEXT), as(MANAGER))
                .expectException(invalid("elements"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentDecisionsTest#notHandlers")
    @DisplayName("AgreeResponseStrategy: only the case's manager or the board agrees a strategy")
    void othersMayNotAgree(Actor actor) {
        fixture.given(withManagerHistory())
                .when(new AgreeResponseStrategy(INCIDENT, STRATEGY, STRATEGY_TEXT), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    // --- NotifyCommunicationsDepartment ----------------------------------------------------------

    private static final String MESSAGE = "Parents' Facebook group turns on a teacher.";

    @Test
    @DisplayName("NotifyCommunicationsDepartment: the manager informs the communications department")
    void managerNotifies() {
        fixture.given(withManagerHistory())
                .when(new NotifyCommunicationsDepartment(INCIDENT, MESSAGE), as(MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CommunicationsDepartmentNotified(INCIDENT, MESSAGE));
    }

    @Test
    @DisplayName("NotifyCommunicationsDepartment: the department may be informed at once, before the manager acknowledged")
    void notifiedAtOnce() {
        fixture.given(awaitingManagerHistory())
                .when(new NotifyCommunicationsDepartment(INCIDENT, MESSAGE), as(MANAGER))
                .expectEvents(new CommunicationsDepartmentNotified(INCIDENT, MESSAGE));
    }

    @Test
    @DisplayName("NotifyCommunicationsDepartment: the board informs the communications department")
    void boardNotifies() {
        fixture.given(withBoardHistory())
                .when(new NotifyCommunicationsDepartment(INCIDENT, MESSAGE), as(BOARD))
                .expectEvents(new CommunicationsDepartmentNotified(INCIDENT, MESSAGE));
    }

    @Test
    @DisplayName("NotifyCommunicationsDepartment: the department is informed once")
    void notifiedTwiceIsConflict() {
        fixture.given(followedBy(withManagerHistory(), communicationsNotified()))
                .when(new NotifyCommunicationsDepartment(INCIDENT, "Again"), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentDecisionsTest#notHandlers")
    @DisplayName("NotifyCommunicationsDepartment: only the case's manager or the board informs the department")
    void othersMayNotNotify(Actor actor) {
        fixture.given(withManagerHistory())
                .when(new NotifyCommunicationsDepartment(INCIDENT, MESSAGE), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    // --- FileWithPolice --------------------------------------------------------------------------

    @Test
    @DisplayName("FileWithPolice: the board files a complaint with the police")
    void boardFiles() {
        fixture.given(withBoardHistory())
                .when(new FileWithPolice(INCIDENT, "Threat (art. 285 Sr)", "PL0900-2025031012345"), as(BOARD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FiledWithPolice(INCIDENT, "Threat (art. 285 Sr)", "PL0900-2025031012345"));
    }

    @Test
    @DisplayName("FileWithPolice: the board may record a complaint before the police gave a reference")
    void boardFilesWithoutReference() {
        fixture.given(withManagerHistory())
                .when(new FileWithPolice(INCIDENT, "Threat (art. 285 Sr)", null), as(OTHER_BOARD_MEMBER))
                .expectEvents(new FiledWithPolice(INCIDENT, "Threat (art. 285 Sr)", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentDecisionsTest#notOnTheBoard")
    @DisplayName("FileWithPolice: filing with the police is the board's decision")
    void othersMayNotFile(Actor actor) {
        fixture.given(withManagerHistory())
                .when(new FileWithPolice(INCIDENT, "Threat (art. 285 Sr)", null), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    // --- ReportToConfidentialInspector -----------------------------------------------------------

    private static final String SUMMARY = "The teacher answered the parents in the group in abusive terms.";

    @Test
    @DisplayName("ReportToConfidentialInspector: the board reports an involved staff member to the inspector")
    void boardReportsStaffMember() {
        fixture.given(withBoardHistory())
                .when(new ReportToConfidentialInspector(INCIDENT, STAFF_MEMBER, SUMMARY, "LVI-2025-118"), as(BOARD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReportedToConfidentialInspector(INCIDENT, STAFF_MEMBER, SUMMARY, "LVI-2025-118"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentDecisionsTest#notOnTheBoard")
    @DisplayName("ReportToConfidentialInspector: reporting to the inspector is the board's decision")
    void othersMayNotReport(Actor actor) {
        fixture.given(withBoardHistory())
                .when(new ReportToConfidentialInspector(INCIDENT, STAFF_MEMBER, SUMMARY, null), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    @DisplayName("ReportToConfidentialInspector: the inspector hears of staff members only, not of pupils")
    void pupilIsInvalid() {
        fixture.given(withBoardHistory())
                .when(new ReportToConfidentialInspector(INCIDENT, PUPIL, SUMMARY, null), as(BOARD))
                .expectException(invalid("personId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ReportToConfidentialInspector: the inspector hears of staff members only, not of parents")
    void parentIsInvalid() {
        fixture.given(withBoardHistory())
                .when(new ReportToConfidentialInspector(INCIDENT, PARENT, SUMMARY, null), as(BOARD))
                .expectException(invalid("personId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ReportToConfidentialInspector: the staff member must be involved in the case")
    void uninvolvedStaffMemberIsInvalid() {
        fixture.given(withBoardHistory())
                .when(new ReportToConfidentialInspector(INCIDENT, OTHER_TEACHER.id(), SUMMARY, null), as(BOARD))
                .expectException(invalid("personId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ReportToConfidentialInspector: a person unknown to the case is invalid")
    void unknownPersonIsInvalid() {
        fixture.given(withBoardHistory())
                .when(new ReportToConfidentialInspector(INCIDENT, NOT_INVOLVED, SUMMARY, null), as(BOARD))
                .expectException(invalid("personId"))
                .expectNoEvents();
    }

    static Stream<Arguments> notOnTheBoard() {
        return Stream.of(MANAGER, OTHER_MANAGER, REPORTER, COMMUNICATIONS, SYSTEM).map(Arguments::of);
    }
}
