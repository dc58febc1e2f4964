package nl.incidents.command.incident;

import static nl.incidents.command.incident.IncidentFixtures.BOARD;
import static nl.incidents.command.incident.IncidentFixtures.COMMUNICATIONS;
import static nl.incidents.command.incident.IncidentFixtures.HISTORY_TIME;
import static nl.incidents.command.incident.IncidentFixtures.INCIDENT;
import static nl.incidents.command.incident.IncidentFixtures.MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.OTHER_MANAGER;
import static nl.incidents.command.incident.IncidentFixtures.PUPIL;
import static nl.incidents.command.incident.IncidentFixtures.REPORTER;
import static nl.incidents.command.incident.IncidentFixtures.STAFF_MEMBER;
import static nl.incidents.command.incident.IncidentFixtures.as;
import static nl.incidents.command.incident.IncidentFixtures.awaitingBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.closedHistory;
import static nl.incidents.command.incident.IncidentFixtures.code;
import static nl.incidents.command.incident.IncidentFixtures.conflict;
import static nl.incidents.command.incident.IncidentFixtures.escalation;
import static nl.incidents.command.incident.IncidentFixtures.fixture;
import static nl.incidents.command.incident.IncidentFixtures.followedBy;
import static nl.incidents.command.incident.IncidentFixtures.forbidden;
import static nl.incidents.command.incident.IncidentFixtures.invalid;
import static nl.incidents.command.incident.IncidentFixtures.report;
import static nl.incidents.command.incident.IncidentFixtures.reportEvents;
import static nl.incidents.command.incident.IncidentFixtures.reportedHistory;
import static nl.incidents.command.incident.IncidentFixtures.withBoardHistory;
import static nl.incidents.command.incident.IncidentFixtures.withManagerHistory;

import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.AddNeedToKnowReader;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.LiftNeedToKnow;
import nl.incidents.kernel.incident.NeedToKnowLifted;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.NeedToKnowReaderRemoved;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.RemoveNeedToKnowReader;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.RestrictToNeedToKnow;
import nl.incidents.kernel.protocol.Escalations;
import nl.incidents.kernel.protocol.NeedToKnow;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Need to know: the board marks a case so, with a reason, and adds or takes off the people who may know of it. */
class IncidentNeedToKnowTest {

    private static final String REASON = "A staff member's private life is at stake; keep the circle small.";
    private static final CaseRestrictedToNeedToKnow MARKED = new CaseRestrictedToNeedToKnow(INCIDENT, REASON);

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** A legal-duty case (a possible sexual offence by a staff member), with the board. */
    private static List<Object> legalDutyHistory() {
        return followedBy(reportEvents(report(Set.of(Harm.SEXUAL_IMAGES_OF_MINORS),
                        List.of(new InvolvedParty(STAFF_MEMBER, PartyRole.STAFF, Part.AUTHOR),
                                new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.TARGET))).toEvent(REPORTER.id()),
                        HISTORY_TIME),
                escalation(new IncidentEscalated(INCIDENT, Assignee.board(), "legal duty"), HISTORY_TIME));
    }

    @Test
    @DisplayName("the board marks a case need-to-know with its reason, also a closed one")
    void boardMarksACase() {
        fixture.given(awaitingBoardHistory())
                .when(new RestrictToNeedToKnow(INCIDENT, REASON), as(BOARD))
                .expectEvents(MARKED);
        fixture.given(closedHistory())
                .when(new RestrictToNeedToKnow(INCIDENT, REASON), as(BOARD))
                .expectEvents(MARKED);
    }

    @Test
    @DisplayName("the board sends a need-to-know case only to a manager it added; the system's escalation on the "
            + "report goes to the board instead, saying why")
    void escalationToAManagerFollowsNeedToKnow() {
        EscalateToManager back = new EscalateToManager(INCIDENT, OTHER_MANAGER.id(), "The deputy manager knows the family.");
        fixture.given(followedBy(withBoardHistory(), MARKED))
                .when(back, as(BOARD))
                .expectException(code(conflict(), "state.need-to-know-manager"))
                .expectNoEvents();
        fixture.given(followedBy(withBoardHistory(), MARKED, new NeedToKnowReaderAdded(INCIDENT, OTHER_MANAGER.id())))
                .when(back, as(BOARD))
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.manager(OTHER_MANAGER.id()),
                        back.reason()), fixture.currentTime()));
        fixture.given(followedBy(reportedHistory(), MARKED))
                .when(new EscalateToManager(INCIDENT, MANAGER.id(), Escalations.REPORTED), as(Actor.SYSTEM))
                .expectEvents(escalation(new IncidentEscalated(INCIDENT, Assignee.board(), Escalations.NEED_TO_KNOW),
                        fixture.currentTime()));
    }

    @Test
    @DisplayName("a case its manager holds goes to the board when the board marks it or takes the manager off, in the "
            + "same step, so it never waits with someone who may not know of it")
    void theHolderWhoMayNotKnowHandsItToTheBoard() {
        fixture.given(withManagerHistory())
                .when(new RestrictToNeedToKnow(INCIDENT, REASON), as(BOARD))
                .expectEvents(followedBy(List.<Object>of(MARKED), escalation(new IncidentEscalated(INCIDENT, Assignee.board(),
                        Escalations.NEED_TO_KNOW), fixture.currentTime())).toArray());
        fixture.given(followedBy(withManagerHistory(), MARKED, new NeedToKnowReaderAdded(INCIDENT, MANAGER.id())))
                .when(new RemoveNeedToKnowReader(INCIDENT, MANAGER.id()), as(BOARD))
                .expectEvents(followedBy(List.<Object>of(new NeedToKnowReaderRemoved(INCIDENT, MANAGER.id())),
                        escalation(new IncidentEscalated(INCIDENT, Assignee.board(), Escalations.NEED_TO_KNOW),
                                fixture.currentTime())).toArray());
    }

    @Test
    @DisplayName("the communications department is informed of a need-to-know case only once the board added one of "
            + "its members; until then the system reminds the board instead of saying it was done")
    void communicationsOnlyOnceAdded() {
        NotifyCommunicationsDepartment notify = new NotifyCommunicationsDepartment(INCIDENT, "Press questions expected.");
        fixture.given(followedBy(withBoardHistory(), MARKED))
                .when(notify, as(BOARD))
                .expectException(code(conflict(), "state.need-to-know-communications"))
                .expectNoEvents();
        fixture.given(followedBy(withBoardHistory(), MARKED, new NeedToKnowReaderAdded(INCIDENT, COMMUNICATIONS.id())))
                .when(notify, as(BOARD))
                .expectEvents(new CommunicationsDepartmentNotified(INCIDENT, "Press questions expected."));
    }

    @Test
    @DisplayName("the reason is required, and at most 500 characters")
    void reasonRequired() {
        fixture.given(withManagerHistory())
                .when(new RestrictToNeedToKnow(INCIDENT, "  "), as(BOARD))
                .expectException(code(invalid("reason"), "need-to-know.reason.missing"))
                .expectNoEvents();
        fixture.given(withManagerHistory())
                .when(new RestrictToNeedToKnow(INCIDENT, "x".repeat(NeedToKnow.REASON + 1)), as(BOARD))
                .expectException(code(invalid("reason"), "need-to-know.reason.too-long"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("permission before state: the case's manager marking a case already marked hears 403, not 409")
    void permissionBeforeState() {
        fixture.given(followedBy(withManagerHistory(), MARKED))
                .when(new RestrictToNeedToKnow(INCIDENT, REASON), as(MANAGER))
                .expectException(code(forbidden(), "case.not-readable"))
                .expectNoEvents();
        fixture.given(withManagerHistory())
                .when(new RestrictToNeedToKnow(INCIDENT, REASON), as(MANAGER))
                .expectException(code(forbidden(), "policy.board-need-to-know"))
                .expectNoEvents();
        fixture.given(followedBy(withManagerHistory(), MARKED))
                .when(new RestrictToNeedToKnow(INCIDENT, "Again."), as(BOARD))
                .expectException(code(conflict(), "state.need-to-know"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("on a need-to-know case a manager the board did not add may take no step, refused as for a case "
            + "they may not read; once added they act as their role allows")
    void nonReaderManagerRefused() {
        AgreeResponseStrategy strategy = new AgreeResponseStrategy(INCIDENT, Set.of(ResponseStrategy.NO_ONLINE_REACTION),
                "Quiet.");
        fixture.given(followedBy(withManagerHistory(), MARKED))
                .when(strategy, as(MANAGER))
                .expectException(code(forbidden(), "case.not-readable"))
                .expectNoEvents();
        fixture.given(followedBy(withManagerHistory(), MARKED, new NeedToKnowReaderAdded(INCIDENT, MANAGER.id())))
                .when(strategy, as(MANAGER))
                .expectSuccessfulHandlerExecution();
        fixture.given(followedBy(withManagerHistory(), MARKED, new NeedToKnowReaderAdded(INCIDENT, MANAGER.id()),
                        new NeedToKnowReaderRemoved(INCIDENT, MANAGER.id())))
                .when(strategy, as(MANAGER))
                .expectException(code(forbidden(), "case.not-readable"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a legal-duty case is need-to-know from its report: the communications department may not act on it")
    void legalDutyCaseIsNeedToKnow() {
        fixture.given(legalDutyHistory())
                .when(new CloseIncident(INCIDENT, "Done."), as(COMMUNICATIONS))
                .expectException(code(forbidden(), "case.not-readable"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the board adds a person of the directory and takes them off again; adding them twice changes nothing")
    void boardAddsAndRemoves() {
        fixture.given(followedBy(withBoardHistory(), MARKED))
                .when(new AddNeedToKnowReader(INCIDENT, OTHER_MANAGER.id()), as(BOARD))
                .expectEvents(new NeedToKnowReaderAdded(INCIDENT, OTHER_MANAGER.id()));
        fixture.given(followedBy(withBoardHistory(), MARKED, new NeedToKnowReaderAdded(INCIDENT, OTHER_MANAGER.id())))
                .when(new AddNeedToKnowReader(INCIDENT, OTHER_MANAGER.id()), as(BOARD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(followedBy(withBoardHistory(), MARKED, new NeedToKnowReaderAdded(INCIDENT, OTHER_MANAGER.id())))
                .when(new RemoveNeedToKnowReader(INCIDENT, OTHER_MANAGER.id()), as(BOARD))
                .expectEvents(new NeedToKnowReaderRemoved(INCIDENT, OTHER_MANAGER.id()));
        fixture.given(followedBy(withBoardHistory(), MARKED))
                .when(new RemoveNeedToKnowReader(INCIDENT, OTHER_MANAGER.id()), as(BOARD))
                .expectException(code(invalid("personId"), "need-to-know.reader.not-added"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("nobody involved in the case is added, nor anyone outside the directory; nor on a case that is not "
            + "need-to-know")
    void involvedOrUnknownNotAdded() {
        fixture.given(legalDutyHistory())
                .when(new AddNeedToKnowReader(INCIDENT, STAFF_MEMBER), as(BOARD))
                .expectException(code(invalid("personId"), "need-to-know.reader.unknown"))
                .expectNoEvents();
        fixture.given(legalDutyHistory())
                .when(new AddNeedToKnowReader(INCIDENT, new PersonId("emp-9999")), as(BOARD))
                .expectException(code(invalid("personId"), "need-to-know.reader.unknown"))
                .expectNoEvents();
        fixture.given(withManagerHistory())
                .when(new AddNeedToKnowReader(INCIDENT, OTHER_MANAGER.id()), as(BOARD))
                .expectException(code(conflict(), "state.not-need-to-know"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a reporter in the directory who is involved in the case is not added")
    void involvedMemberNotAdded() {
        List<Object> history = followedBy(reportEvents(report(Set.of(Harm.BULLYING),
                        List.of(new InvolvedParty(OTHER_MANAGER.id(), PartyRole.STAFF, Part.TARGET))).toEvent(REPORTER.id()),
                        HISTORY_TIME), MARKED);
        fixture.given(history)
                .when(new AddNeedToKnowReader(INCIDENT, OTHER_MANAGER.id()), as(BOARD))
                .expectException(code(invalid("personId"), "need-to-know.reader.involved"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nl.incidents.command.incident.IncidentFixtures#needToKnowCommands")
    @DisplayName("each need-to-know command works on a closed case where its state allows")
    void needToKnowCommandsWorkOnAClosedCase(Object command, Actor actor) {
        List<Object> history = followedBy(closedHistory(), MARKED,
                new NeedToKnowReaderAdded(INCIDENT, OTHER_MANAGER.id()));
        if (command instanceof RestrictToNeedToKnow) {
            fixture.given(history).when(command, as(actor)).expectException(code(conflict(), "state.need-to-know"));
        } else {
            fixture.given(history).when(command, as(actor)).expectSuccessfulHandlerExecution();
        }
    }

    @Test
    @DisplayName("the board lifts its own mark, but never the legal duty's")
    void liftOnlyTheBoardsMark() {
        fixture.given(followedBy(withManagerHistory(), MARKED))
                .when(new LiftNeedToKnow(INCIDENT, "The matter is public now."), as(BOARD))
                .expectEvents(new NeedToKnowLifted(INCIDENT, "The matter is public now."));
        fixture.given(legalDutyHistory())
                .when(new LiftNeedToKnow(INCIDENT, "Let the manager see it."), as(BOARD))
                .expectException(code(conflict(), "state.legal-duty-need-to-know"))
                .expectNoEvents();
        fixture.given(withManagerHistory())
                .when(new LiftNeedToKnow(INCIDENT, "Nothing to lift."), as(BOARD))
                .expectException(code(conflict(), "state.not-need-to-know"))
                .expectNoEvents();
    }
}
