package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.NOT_INVOLVED;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_TEACHER;
import static nl.incidents.command.incident.IncidentFixtures.OUTSIDER;
import static nl.incidents.command.incident.IncidentFixtures.PARENT;
import static nl.incidents.command.incident.IncidentFixtures.PUPIL;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.STAFF_MEMBER;
import static nl.incidents.command.incident.IncidentFixtures.SYSTEM;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.awaitingBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.awaitingManagerHistory;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.invalid;
import static nl.incidents.command.incident.IncidentFixtures.reportedHistory;
import static nl.incidents.command.incident.IncidentFixtures.strategyAgreedHistory;
import static nl.incidents.command.incident.IncidentFixtures.withBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;

import java.util.stream.Stream;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.RecordCorrespondence;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Measures against the people involved, and correspondence for their dossiers. */
class IncidentMeasuresTest {

    private static final String REASON = "Threatening a teacher in a parents' group.";

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** Heavy measures, each against a person it fits: the board's to impose. */
    static Stream<Arguments> heavyMeasures() {
        return Stream.of(
                Arguments.of(STAFF_MEMBER, PartyRole.STAFF, Measure.SUSPENSION),
                Arguments.of(STAFF_MEMBER, PartyRole.STAFF, Measure.DISMISSAL),
                Arguments.of(STAFF_MEMBER, PartyRole.STAFF, Measure.SUMMARY_DISMISSAL),
                Arguments.of(PUPIL, PartyRole.PUPIL, Measure.SUSPENSION),
                Arguments.of(PUPIL, PartyRole.PUPIL, Measure.REMOVAL),
                Arguments.of(PARENT, PartyRole.PARENT, Measure.SUSPENSION),
                Arguments.of(PARENT, PartyRole.PARENT, Measure.REMOVAL));
    }

    /** Light measures, each against a person it fits: the case's manager may impose them. */
    static Stream<Arguments> lightMeasures() {
        return Stream.of(
                Arguments.of(STAFF_MEMBER, PartyRole.STAFF, Measure.WARNING),
                Arguments.of(STAFF_MEMBER, PartyRole.STAFF, Measure.REPRIMAND),
                Arguments.of(PUPIL, PartyRole.PUPIL, Measure.WARNING),
                Arguments.of(PARENT, PartyRole.PARENT, Measure.WARNING));
    }

    /** Measures that do not fit the person's role. */
    static Stream<Arguments> misfits() {
        return Stream.of(
                Arguments.of(PUPIL, Measure.REPRIMAND),
                Arguments.of(PUPIL, Measure.DISMISSAL),
                Arguments.of(PUPIL, Measure.SUMMARY_DISMISSAL),
                Arguments.of(PARENT, Measure.REPRIMAND),
                Arguments.of(PARENT, Measure.DISMISSAL),
                Arguments.of(STAFF_MEMBER, Measure.REMOVAL));
    }

    static Stream<Arguments> notHandlers() {
        return Stream.of(REPORTER, OTHER_TEACHER, OTHER_MANAGER, COMMUNICATIONS, SYSTEM).map(Arguments::of);
    }

    // --- ImposeMeasure ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{2} for {1}")
    @MethodSource("nl.incidents.command.incident.IncidentMeasuresTest#lightMeasures")
    @DisplayName("ImposeMeasure: the manager imposes a light measure once the case is acknowledged")
    void managerImposesLightMeasure(PersonId person, PartyRole role, Measure measure) {
        fixture.given(withManagerHistory())
                .when(new ImposeMeasure(INCIDENT, person, measure, REASON), as(MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeasureImposed(INCIDENT, person, role, measure, REASON));
    }

    @Test
    @DisplayName("ImposeMeasure: the manager imposes a warning after the strategy is agreed")
    void managerWarnsAfterStrategy() {
        fixture.given(strategyAgreedHistory())
                .when(new ImposeMeasure(INCIDENT, PUPIL, Measure.WARNING, REASON), as(MANAGER))
                .expectEvents(new MeasureImposed(INCIDENT, PUPIL, PartyRole.PUPIL, Measure.WARNING, REASON));
    }

    @Test
    @DisplayName("ImposeMeasure: someone who may not act learns nothing about who is involved")
    void permissionIsCheckedBeforeInvolvement() {
        fixture.given(strategyAgreedHistory())
                .when(new ImposeMeasure(INCIDENT, NOT_INVOLVED, Measure.WARNING, REASON), as(OTHER_TEACHER))
                .expectException(forbidden())
                .expectNoEvents();
        fixture.given(strategyAgreedHistory())
                .when(new RecordCorrespondence(INCIDENT, NOT_INVOLVED, "letter"), as(COMMUNICATIONS))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    @DisplayName("ImposeMeasure: no warning before the manager acknowledged the case")
    void noWarningBeforeAcknowledgement() {
        fixture.given(awaitingManagerHistory())
                .when(new ImposeMeasure(INCIDENT, PUPIL, Measure.WARNING, REASON), as(MANAGER))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    @DisplayName("ImposeMeasure: no measure before the case was escalated")
    void noMeasureBeforeEscalation() {
        fixture.given(reportedHistory())
                .when(new ImposeMeasure(INCIDENT, PUPIL, Measure.WARNING, REASON), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{2} for {1}")
    @MethodSource("nl.incidents.command.incident.IncidentMeasuresTest#heavyMeasures")
    @DisplayName("ImposeMeasure: the manager may not impose a heavy measure")
    void managerMayNotImposeHeavyMeasure(PersonId person, PartyRole role, Measure measure) {
        fixture.given(withManagerHistory())
                .when(new ImposeMeasure(INCIDENT, person, measure, REASON), as(MANAGER))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{2} for {1}")
    @MethodSource("nl.incidents.command.incident.IncidentMeasuresTest#heavyMeasures")
    @DisplayName("ImposeMeasure: the board imposes a heavy measure, recorded with the person's role")
    void boardImposesHeavyMeasure(PersonId person, PartyRole role, Measure measure) {
        fixture.given(withBoardHistory())
                .when(new ImposeMeasure(INCIDENT, person, measure, REASON), as(BOARD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeasureImposed(INCIDENT, person, role, measure, REASON));
    }

    @Test
    @DisplayName("ImposeMeasure: the board imposes a heavy measure in a case the manager handles")
    void boardImposesHeavyMeasureInManagersCase() {
        fixture.given(withManagerHistory())
                .when(new ImposeMeasure(INCIDENT, STAFF_MEMBER, Measure.SUSPENSION, REASON), as(BOARD))
                .expectEvents(new MeasureImposed(INCIDENT, STAFF_MEMBER, PartyRole.STAFF, Measure.SUSPENSION,
                        REASON));
    }

    @Test
    @DisplayName("ImposeMeasure: not even the board imposes a measure before it acknowledged the case")
    void boardWaitsForAcknowledgement() {
        fixture.given(awaitingBoardHistory())
                .when(new ImposeMeasure(INCIDENT, STAFF_MEMBER, Measure.DISMISSAL, REASON), as(BOARD))
                .expectException(conflict())
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{1} for {0}")
    @MethodSource("nl.incidents.command.incident.IncidentMeasuresTest#misfits")
    @DisplayName("ImposeMeasure: a measure must fit the person's role")
    void measureMustFitRole(PersonId person, Measure measure) {
        fixture.given(withBoardHistory())
                .when(new ImposeMeasure(INCIDENT, person, measure, REASON), as(BOARD))
                .expectException(invalid("measure"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Measure.class)
    @DisplayName("ImposeMeasure: no measure fits an outsider")
    void noMeasureForOutsider(Measure measure) {
        fixture.given(withBoardHistory())
                .when(new ImposeMeasure(INCIDENT, OUTSIDER, measure, REASON), as(BOARD))
                .expectException(invalid("measure"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("ImposeMeasure: the person must be involved in the case")
    void measuredPersonMustBeInvolved() {
        fixture.given(withManagerHistory())
                .when(new ImposeMeasure(INCIDENT, NOT_INVOLVED, Measure.WARNING, REASON), as(MANAGER))
                .expectException(invalid("personId"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentMeasuresTest#notHandlers")
    @DisplayName("ImposeMeasure: only the case's manager or the board imposes a measure")
    void othersMayNotImpose(Actor actor) {
        fixture.given(withManagerHistory())
                .when(new ImposeMeasure(INCIDENT, PUPIL, Measure.WARNING, REASON), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }

    // --- RecordCorrespondence --------------------------------------------------------------------

    private static final String LETTER = "Letter to the parents: invitation for a conversation on 14 March.";

    @Test
    @DisplayName("RecordCorrespondence: the manager records correspondence about a parent, for the pupil dossier")
    void managerRecordsCorrespondenceAboutParent() {
        fixture.given(withManagerHistory())
                .when(new RecordCorrespondence(INCIDENT, PARENT, LETTER), as(MANAGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CorrespondenceRecorded(INCIDENT, PARENT, PartyRole.PARENT, LETTER));
    }

    @Test
    @DisplayName("RecordCorrespondence: the board records correspondence about a staff member, for the personnel dossier")
    void boardRecordsCorrespondenceAboutStaffMember() {
        fixture.given(withBoardHistory())
                .when(new RecordCorrespondence(INCIDENT, STAFF_MEMBER, "Invitation to a hearing."), as(BOARD))
                .expectEvents(new CorrespondenceRecorded(INCIDENT, STAFF_MEMBER, PartyRole.STAFF,
                        "Invitation to a hearing."));
    }

    @Test
    @DisplayName("RecordCorrespondence: correspondence about an outsider is recorded with their role")
    void correspondenceAboutOutsider() {
        fixture.given(withManagerHistory())
                .when(new RecordCorrespondence(INCIDENT, OUTSIDER, "Request to remove the post."), as(MANAGER))
                .expectEvents(new CorrespondenceRecorded(INCIDENT, OUTSIDER, PartyRole.OUTSIDER,
                        "Request to remove the post."));
    }

    @Test
    @DisplayName("RecordCorrespondence: the person must be involved in the case")
    void correspondentMustBeInvolved() {
        fixture.given(withManagerHistory())
                .when(new RecordCorrespondence(INCIDENT, NOT_INVOLVED, LETTER), as(MANAGER))
                .expectException(invalid("personId"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentMeasuresTest#notHandlers")
    @DisplayName("RecordCorrespondence: only the case's manager or the board records correspondence")
    void othersMayNotRecord(Actor actor) {
        fixture.given(withManagerHistory())
                .when(new RecordCorrespondence(INCIDENT, PUPIL, LETTER), as(actor))
                .expectException(forbidden())
                .expectNoEvents();
    }
}
