package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_BOARD_MEMBER;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.SYSTEM;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.closed;
import static nl.incidents.command.incident.IncidentFixtures.closedHistory;
import static nl.incidents.command.incident.IncidentFixtures.code;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.followedBy;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.keptHistory;
import static nl.incidents.command.incident.IncidentFixtures.strategyAgreedHistory;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;

import java.util.stream.Stream;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.EraseCase;
import nl.incidents.kernel.incident.ErasePersonFromCase;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.LegalHoldLifted;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.LiftLegalHold;
import nl.incidents.kernel.incident.PlaceLegalHold;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.RecordPoliceReportOutcome;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The board keeps a case past its retention period: a legal hold, and the outcome of its police report. */
class IncidentLegalHoldTest {

    private static final String REASON = "The parents announced a claim; keep the case until it is settled.";
    private static final FiledWithPolice FILED = new FiledWithPolice(INCIDENT, "Threat (art. 285 Sr)", "PL-1");

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    static Stream<Arguments> notTheBoard() {
        return Stream.of(REPORTER, MANAGER, COMMUNICATIONS, SYSTEM).map(Arguments::of);
    }

    @Test
    @DisplayName("the board places a legal hold on an open case, with its reason")
    void boardHoldsAnOpenCase() {
        fixture.given(withManagerHistory())
                .when(new PlaceLegalHold(INCIDENT, REASON), as(BOARD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LegalHoldPlaced(INCIDENT, REASON));
    }

    @Test
    @DisplayName("the board places a legal hold on a closed case, and any board member lifts it")
    void boardHoldsAClosedCaseAndLiftsIt() {
        fixture.given(closedHistory())
                .when(new PlaceLegalHold(INCIDENT, REASON), as(BOARD))
                .expectEvents(new LegalHoldPlaced(INCIDENT, REASON));

        fixture.given(followedBy(closedHistory(), new LegalHoldPlaced(INCIDENT, REASON)))
                .when(new LiftLegalHold(INCIDENT, "The claim was withdrawn."), as(OTHER_BOARD_MEMBER))
                .expectEvents(new LegalHoldLifted(INCIDENT, "The claim was withdrawn."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheBoard")
    @DisplayName("nobody but the board places or lifts a hold, even the case's manager")
    void othersMayNotHold(Actor actor) {
        fixture.given(withManagerHistory())
                .when(new PlaceLegalHold(INCIDENT, REASON), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
        fixture.given(followedBy(closedHistory(), new LegalHoldPlaced(INCIDENT, REASON)))
                .when(new LiftLegalHold(INCIDENT, "Mine to lift?"), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    @DisplayName("permission before state: the manager asking to lift a hold that is not there hears 403")
    void permissionBeforeState() {
        fixture.given(closedHistory())
                .when(new LiftLegalHold(INCIDENT, "?"), as(MANAGER))
                .expectException(code(forbidden(), "policy.board-legal-hold"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("one hold at a time: a second is refused, and a hold that is not there cannot be lifted")
    void oneHoldAtATime() {
        fixture.given(followedBy(withManagerHistory(), new LegalHoldPlaced(INCIDENT, REASON)))
                .when(new PlaceLegalHold(INCIDENT, "Again."), as(BOARD))
                .expectException(code(conflict(), "state.legal-hold-placed"))
                .expectNoEvents();
        fixture.given(followedBy(withManagerHistory(), new LegalHoldPlaced(INCIDENT, REASON),
                        new LegalHoldLifted(INCIDENT, "Settled.")))
                .when(new LiftLegalHold(INCIDENT, "Again."), as(BOARD))
                .expectException(code(conflict(), "state.no-legal-hold"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the board records how a police report ended, after the case closed too")
    void boardRecordsThePoliceReportsOutcome() {
        fixture.given(followedBy(strategyAgreedHistory(), FILED, closed()))
                .when(new RecordPoliceReportOutcome(INCIDENT, "Dismissed by the prosecutor."), as(BOARD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PoliceReportConcluded(INCIDENT, "Dismissed by the prosecutor."));
    }

    @Test
    @DisplayName("a police report's outcome is recorded once, and only for a report that was filed")
    void outcomeOnlyOfAnOpenReport() {
        fixture.given(strategyAgreedHistory())
                .when(new RecordPoliceReportOutcome(INCIDENT, "Dismissed."), as(BOARD))
                .expectException(code(conflict(), "state.no-police-report"))
                .expectNoEvents();
        fixture.given(followedBy(strategyAgreedHistory(), FILED, new PoliceReportConcluded(INCIDENT, "Dismissed.")))
                .when(new RecordPoliceReportOutcome(INCIDENT, "Dismissed again."), as(BOARD))
                .expectException(code(conflict(), "state.no-police-report"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheBoard")
    @DisplayName("only the board records a police report's outcome")
    void othersMayNotRecordTheOutcome(Actor actor) {
        fixture.given(followedBy(strategyAgreedHistory(), FILED))
                .when(new RecordPoliceReportOutcome(INCIDENT, "Dismissed."), as(actor))
                .expectException(code(forbidden(), "policy.board-police"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentFixtures#keepingCommands")
    @DisplayName("each keeping command works on a closed, held case with an open police report, where its state "
            + "allows; the hold keeps the erasures back")
    void keepingCommandsWorkOnAClosedCase(Object command, Actor actor) {
        if (command instanceof PlaceLegalHold || command instanceof EraseCase || command instanceof ErasePersonFromCase) {
            fixture.given(keptHistory()).when(command, as(actor)).expectException(conflict());
        } else {
            fixture.given(keptHistory()).when(command, as(actor)).expectSuccessfulHandlerExecution();
        }
    }
}
