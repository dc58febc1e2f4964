package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_TEACHER;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.SYSTEM;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.awaitingBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.awaitingManagerHistory;
import static nl.incidents.command.incident.IncidentFixtures.closedHistory;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.report;
import static nl.incidents.command.incident.IncidentFixtures.reportedHistory;
import static nl.incidents.command.incident.IncidentFixtures.strategyAgreedHistory;
import static nl.incidents.command.incident.IncidentFixtures.withBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.IncidentClosed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The handler closes the case once acknowledged; after that nothing more happens in it. */
class IncidentClosureTest {

    private static final String OUTCOME = "The parents apologised; the post was removed.";

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    @DisplayName("the manager closes an acknowledged case")
    void managerClosesAcknowledgedCase() {
        fixture.given(withManagerHistory())
                .when(new CloseIncident(INCIDENT, OUTCOME), as(MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IncidentClosed(INCIDENT, OUTCOME));
    }

    @Test
    @DisplayName("the manager closes a case after agreeing a strategy")
    void managerClosesAfterStrategy() {
        fixture.given(strategyAgreedHistory())
                .when(new CloseIncident(INCIDENT, OUTCOME), as(MANAGER))
                .expectEvents(new IncidentClosed(INCIDENT, OUTCOME));
    }

    @Test
    @DisplayName("the board closes a case it acknowledged")
    void boardClosesAcknowledgedCase() {
        fixture.given(withBoardHistory())
                .when(new CloseIncident(INCIDENT, OUTCOME), as(BOARD))
                .expectEvents(new IncidentClosed(INCIDENT, OUTCOME));
    }

    @Test
    @DisplayName("a case waiting for the manager's acknowledgement is not closed")
    void notWhileAwaitingManager() {
        fixture.given(awaitingManagerHistory())
                .when(new CloseIncident(INCIDENT, OUTCOME), as(MANAGER))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("a case waiting for the board's acknowledgement is not closed")
    void notWhileAwaitingBoard() {
        fixture.given(awaitingBoardHistory())
                .when(new CloseIncident(INCIDENT, OUTCOME), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("a case that was never escalated is not closed")
    void notBeforeEscalation() {
        fixture.given(reportedHistory())
                .when(new CloseIncident(INCIDENT, OUTCOME), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    static Stream<Arguments> notHandlers() {
        return Stream.of(REPORTER, OTHER_TEACHER, OTHER_MANAGER, COMMUNICATIONS, SYSTEM).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notHandlers")
    @DisplayName("only the case's manager or the board closes it")
    void othersMayNotClose(Actor actor) {
        fixture.given(withManagerHistory())
                .when(new CloseIncident(INCIDENT, OUTCOME), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentFixtures#everyCommand")
    @DisplayName("nothing more happens in a closed case")
    void closedCaseRefusesEveryCommand(Object command, Actor actor) {
        fixture.given(closedHistory())
                .when(command, as(actor))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("the parameterized test above covers every command the aggregate handles")
    void everyCommandIsCovered() {
        List<Class<?>> covered = Stream.of(IncidentFixtures.everyCommand(), IncidentFixtures.deadlineCommands(),
                        IncidentFixtures.keepingCommands(), IncidentFixtures.evidenceCommands(),
                        IncidentFixtures.needToKnowCommands()).flatMap(s -> s)
                .<Class<?>>map(arguments -> ((Named<?>) arguments.get()[0]).getPayload().getClass())
                .toList();
        List<Class<?>> handled = Stream.of(Incident.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(CommandHandler.class))
                .<Class<?>>map(method -> method.getParameterTypes()[0])
                .toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(handled);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentFixtures#deadlineCommands")
    @DisplayName("a deadline that passes after the case closed changes nothing, and is no error")
    void deadlineAfterClosureIsIgnored(Object command, Actor actor) {
        fixture.given(closedHistory())
                .when(command, as(actor))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"nl.incidents.command.incident.IncidentFixtures#everyFollowUpCommand",
            "nl.incidents.command.incident.IncidentFixtures#deadlineCommands",
            "nl.incidents.command.incident.IncidentFixtures#keepingCommands",
            "nl.incidents.command.incident.IncidentFixtures#evidenceCommands"})
    @DisplayName("nothing happens in an incident that was never reported")
    void unknownIncidentIsNotFound(Object command, Actor actor) {
        fixture.givenNoPriorActivity()
                .when(command, as(actor))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("the identical report sent again to a closed case is still answered without new events")
    void repeatedReportOnClosedCaseIsIgnored() {
        fixture.given(closedHistory())
                .when(report(), as(REPORTER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }
}
