package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.PUPIL;
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
import static nl.incidents.command.incident.IncidentFixtures.invalid;
import static nl.incidents.command.incident.IncidentFixtures.strategyAgreedHistory;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;

import java.util.stream.Stream;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.EraseCase;
import nl.incidents.kernel.incident.ErasePersonFromCase;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.LegalHoldLifted;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PlaceLegalHold;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The board erases a person from a case, or a whole closed case (AVG art. 17), unless something holds the case. */
class IncidentErasureTest {

    private static final String REQUEST = "AVG-2026-014";
    private static final ErasePersonFromCase ERASE_PUPIL = new ErasePersonFromCase(INCIDENT, PUPIL, REQUEST,
            ErasureGround.OBJECTION, ErasureRequester.PARENT_OR_GUARDIAN);
    private static final EraseCase ERASE_CASE = new EraseCase(INCIDENT, REQUEST, ErasureGround.NO_LONGER_NEEDED,
            ErasureRequester.BOARD);
    private static final FiledWithPolice FILED = new FiledWithPolice(INCIDENT, "Threat (art. 285 Sr)", "PL-1");

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    @DisplayName("the board erases a pupil from an open case: the event names the request, the ground and who asked")
    void boardErasesAPersonFromAnOpenCase() {
        fixture.given(withManagerHistory())
                .when(ERASE_PUPIL, as(BOARD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonErased(INCIDENT, PUPIL, REQUEST, ErasureGround.OBJECTION,
                        ErasureRequester.PARENT_OR_GUARDIAN));
    }

    @Test
    @DisplayName("the board erases a closed case; after that nothing more happens in it")
    void boardErasesAClosedCase() {
        fixture.given(closedHistory())
                .when(ERASE_CASE, as(BOARD))
                .expectEvents(new CaseErased(INCIDENT, REQUEST, ErasureGround.NO_LONGER_NEEDED, ErasureRequester.BOARD));
        CaseErased erased = new CaseErased(INCIDENT, REQUEST, ErasureGround.NO_LONGER_NEEDED, ErasureRequester.BOARD);
        fixture.given(followedBy(closedHistory(), erased))
                .when(new PlaceLegalHold(INCIDENT, "Too late?"), as(BOARD))
                .expectException(code(conflict(), "state.erased"))
                .expectNoEvents();
        fixture.given(followedBy(closedHistory(), erased))
                .when(ERASE_PUPIL, as(BOARD))
                .expectException(code(conflict(), "state.erased"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the retention task (the system) erases a closed case whose period ended, and a pupil's part of one")
    void theSystemErasesWhatRetentionEnded() {
        fixture.given(closedHistory())
                .when(new EraseCase(INCIDENT, "retention", ErasureGround.RETENTION_PERIOD_ENDED,
                        ErasureRequester.RETENTION_SCHEDULE), as(SYSTEM))
                .expectEvents(new CaseErased(INCIDENT, "retention", ErasureGround.RETENTION_PERIOD_ENDED,
                        ErasureRequester.RETENTION_SCHEDULE));
        fixture.given(closedHistory())
                .when(new ErasePersonFromCase(INCIDENT, PUPIL, "retention", ErasureGround.RETENTION_PERIOD_ENDED,
                        ErasureRequester.RETENTION_SCHEDULE), as(SYSTEM))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("an open case is not erased whole: close it first")
    void anOpenCaseIsNotErased() {
        fixture.given(withManagerHistory())
                .when(ERASE_CASE, as(BOARD))
                .expectException(code(conflict(), "state.open"))
                .expectNoEvents();
    }

    static Stream<Arguments> notTheBoard() {
        return Stream.of(REPORTER, MANAGER, COMMUNICATIONS).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTheBoard")
    @DisplayName("nobody but the board erases, and permission comes before state (an open case answers 403, not 409)")
    void othersMayNotErase(Actor actor) {
        fixture.given(withManagerHistory())
                .when(ERASE_CASE, as(actor))
                .expectException(code(forbidden(), "policy.board-erases"))
                .expectNoEvents();
        fixture.given(closedHistory())
                .when(ERASE_PUPIL, as(actor))
                .expectException(code(forbidden(), "policy.board-erases"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a legal hold, an open police report keep the case and everyone in it (AVG art. 17(3)(e)); once they end, it goes")
    void heldCasesAreKept() {
        LegalHoldPlaced hold = new LegalHoldPlaced(INCIDENT, "The parents announced a claim.");
        fixture.given(followedBy(closedHistory(), hold))
                .when(ERASE_CASE, as(BOARD))
                .expectException(code(conflict(), "state.held"))
                .expectNoEvents();
        fixture.given(followedBy(closedHistory(), hold))
                .when(ERASE_PUPIL, as(BOARD))
                .expectException(code(conflict(), "state.held"))
                .expectNoEvents();
        fixture.given(followedBy(strategyAgreedHistory(), FILED, closed()))
                .when(ERASE_CASE, as(BOARD))
                .expectException(code(conflict(), "state.held"))
                .expectNoEvents();
        fixture.given(followedBy(strategyAgreedHistory(), FILED, closed(), hold,
                        new LegalHoldLifted(INCIDENT, "Settled."), new PoliceReportConcluded(INCIDENT, "Dismissed.")))
                .when(ERASE_CASE, as(BOARD))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "Jan de Vries, vader van Piet, belde boos op", "AVG;2026", "AVG-2026-0000000000000000000000000000000014"})
    @DisplayName("the request's reference is a register number: no name, no story (it stays in the clear for ever)")
    void theReferenceIsARegisterNumber(String reference) {
        fixture.given(closedHistory())
                .when(new EraseCase(INCIDENT, reference, ErasureGround.NO_LONGER_NEEDED, ErasureRequester.BOARD),
                        as(BOARD))
                .expectException(invalid("request"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the ground and who asked are required")
    void groundAndRequesterRequired() {
        fixture.given(closedHistory())
                .when(new EraseCase(INCIDENT, REQUEST, null, ErasureRequester.BOARD), as(BOARD))
                .expectException(invalid("ground"))
                .expectNoEvents();
        fixture.given(closedHistory())
                .when(new ErasePersonFromCase(INCIDENT, PUPIL, REQUEST, ErasureGround.OBJECTION, null), as(BOARD))
                .expectException(invalid("requestedBy"))
                .expectNoEvents();
    }
}
