package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.HISTORY_TIME;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_TEACHER;
import static nl.incidents.command.incident.IncidentFixtures.PUPIL;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.STAFF_MEMBER;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.closedHistory;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.followedBy;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.report;
import static nl.incidents.command.incident.IncidentFixtures.reportEvents;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.AttachEvidence;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.EvidenceAttached;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Evidence on a case: its reporter or those who handle it attach it; nobody involved, and not once it is closed. */
class IncidentEvidenceTest {

    private static final UUID EVIDENCE = UUID.fromString("0e6f3c1a-8b2d-4f5e-9a6b-7c8d9e0f1a2b");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant RECEIVED = Instant.parse("2026-11-23T09:15:00Z");
    private static final AttachEvidence ATTACH = new AttachEvidence(INCIDENT, EVIDENCE, SHA, RECEIVED, 4_096,
            "image/png", "screenshot.png", "The post and its first comments.");
    private static final EvidenceAttached ATTACHED = new EvidenceAttached(INCIDENT, EVIDENCE, SHA, RECEIVED, 4_096,
            "image/png", "screenshot.png", "The post and its first comments.");

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    static Stream<Arguments> mayAttach() {
        return Stream.of(REPORTER, MANAGER, BOARD).map(Arguments::of);
    }

    static Stream<Arguments> mayNotAttach() {
        // The staff member the discussion is about is involved: not even a board member who is would be let.
        return Stream.of(OTHER_TEACHER, OTHER_MANAGER, COMMUNICATIONS, new Actor(STAFF_MEMBER, ActorRole.STAFF))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mayAttach")
    @DisplayName("the reporter, the case's manager and the board attach evidence, kept with its hash and time")
    void reporterAndHandlersAttach(Actor actor) {
        fixture.given(withManagerHistory())
                .when(ATTACH, as(actor))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ATTACHED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mayNotAttach")
    @DisplayName("someone else, or a person involved, is refused, and told nothing of the case's state")
    void othersAreRefusedBeforeTheState(Actor actor) {
        // On a closed case: permission is checked first, so the refusal is 403, never the 409 of a closed case.
        fixture.given(closedHistory())
                .when(ATTACH, as(actor))
                .expectNoEvents()
                .expectException(forbidden());
    }

    @Test
    @DisplayName("a board member involved in the discussion does not attach evidence to its case")
    void involvedBoardMemberIsRefused() {
        fixture.given(withManagerHistory())
                .when(ATTACH, as(new Actor(STAFF_MEMBER, ActorRole.BOARD)))
                .expectNoEvents()
                .expectException(forbidden());
    }

    @Test
    @DisplayName("a reporter who is involved (a teacher reporting what is said about them) still attaches the "
            + "evidence they hold; they do not handle the case")
    void involvedReporterAttaches() {
        List<Object> aboutTheReporter = reportEvents(report(Set.of(Harm.INSULTING),
                        List.of(new InvolvedParty(REPORTER.id(), PartyRole.STAFF, Part.TARGET),
                                new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.AUTHOR))).toEvent(REPORTER.id()),
                HISTORY_TIME);
        fixture.given(aboutTheReporter)
                .when(ATTACH, as(REPORTER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ATTACHED);
        fixture.given(aboutTheReporter)
                .when(new CloseIncident(INCIDENT, "Done."), as(REPORTER))
                .expectNoEvents()
                .expectException(forbidden());
    }

    @Test
    @DisplayName("nothing is attached to a closed case")
    void closedCaseRefuses() {
        fixture.given(closedHistory())
                .when(ATTACH, as(REPORTER))
                .expectNoEvents()
                .expectException(conflict());
    }

    @Test
    @DisplayName("nothing is attached to an erased case")
    void erasedCaseRefuses() {
        fixture.given(followedBy(closedHistory(), new CaseErased(INCIDENT, "AVG-2026-015", ErasureGround.NO_LONGER_NEEDED,
                        ErasureRequester.BOARD)))
                .when(ATTACH, as(BOARD))
                .expectNoEvents()
                .expectException(conflict());
    }
}
