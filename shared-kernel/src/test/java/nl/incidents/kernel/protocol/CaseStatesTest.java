package nl.incidents.kernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.Timing;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which action the state of a case allows, as a table: a history, an action, allowed or not. */
class CaseStatesTest {

    private static final IncidentId ID = IncidentId.of("5b0c8f5e-3d1a-4c8e-9a57-0d8f6a2b1c11");
    private static final PersonId MANAGER = new PersonId("emp-2001");
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static List<IncidentEvent> reported(boolean legalDuty) {
        Duration hour = Duration.ofHours(1);
        List<IncidentEvent> events = new ArrayList<>(List.of(
                new DerailingDiscussionReported(ID, "school-1", Platform.FACEBOOK, "https://example.org/post", "s",
                        Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH,
                        List.of(new InvolvedParty(new PersonId("pupil-7"), PartyRole.PUPIL, Part.TARGET)), T0,
                        new PersonId("emp-1001")),
                new EscalationPolicyRecorded(ID, new Timing(hour, hour, hour, hour, hour), ClockMode.SCHOOL_TIME,
                        Region.MIDDLE, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), legalDuty),
                new DeadlineSet(ID, Step.POLICE_DECISION, T0.plus(hour), 0)));
        if (legalDuty) {
            events.add(new DeadlineSet(ID, Step.INSPECTOR_CONSULTATION, T0.plus(hour), 0));
        }
        return events;
    }

    private static List<IncidentEvent> then(List<IncidentEvent> history, IncidentEvent... events) {
        List<IncidentEvent> all = new ArrayList<>(history);
        all.addAll(Arrays.asList(events));
        return all;
    }

    private static final IncidentEscalated TO_MANAGER = new IncidentEscalated(ID, Assignee.manager(MANAGER), "r");
    private static final EscalationAcknowledged ACKNOWLEDGED =
            new EscalationAcknowledged(ID, Assignee.manager(MANAGER), null);

    static Stream<Arguments> table() {
        List<IncidentEvent> awaiting = then(reported(false), TO_MANAGER);
        List<IncidentEvent> handled = then(awaiting, ACKNOWLEDGED);
        List<IncidentEvent> dutyHandled = then(reported(true), new IncidentEscalated(ID, Assignee.board(), "duty"),
                new EscalationAcknowledged(ID, Assignee.board(), null));
        return Stream.of(
                row("before escalation: nothing to acknowledge", reported(false), CaseAction.ACKNOWLEDGE, false, "state.not-escalated"),
                row("escalated: it waits for its acknowledgement", awaiting, CaseAction.ACKNOWLEDGE, true),
                row("acknowledged: not twice", handled, CaseAction.ACKNOWLEDGE, false, "state.acknowledged"),
                row("not acknowledged: no strategy yet", awaiting, CaseAction.AGREE_STRATEGY, false, "state.awaiting-acknowledgement"),
                row("not acknowledged: no measure yet", awaiting, CaseAction.IMPOSE_LIGHT_MEASURE, false, "state.awaiting-acknowledgement"),
                row("not acknowledged: no closing yet", awaiting, CaseAction.CLOSE, false, "state.awaiting-acknowledgement"),
                row("not acknowledged: communications may be informed", awaiting, CaseAction.NOTIFY_COMMUNICATIONS, true),
                row("acknowledged: a strategy", handled, CaseAction.AGREE_STRATEGY, true),
                row("acknowledged: closing", handled, CaseAction.CLOSE, true),
                row("communications informed: not twice",
                        then(handled, new CommunicationsDepartmentNotified(ID, "m")), CaseAction.NOTIFY_COMMUNICATIONS, false, "state.communications-notified"),
                row("police declined: not twice", then(handled, new PoliceReportDeclined(ID, "no")),
                        CaseAction.DECLINE_POLICE_REPORT, false, "state.police-decided"),
                row("with the manager: up to the board", handled, CaseAction.ESCALATE_TO_NEXT_LEVEL, true),
                row("with the board: no higher level", dutyHandled, CaseAction.ESCALATE_TO_NEXT_LEVEL, false, "state.at-board"),
                row("legal duty: no declining before the inspector", dutyHandled, CaseAction.DECLINE_POLICE_REPORT, false, "state.inspector-first"),
                row("legal duty: no closing before inspector and police", dutyHandled, CaseAction.CLOSE, false, "state.legal-duty-open"),
                row("closed: nothing, not even a police report",
                        then(handled, new IncidentClosed(ID, "done")), CaseAction.FILE_WITH_POLICE, false, "state.closed"),
                row("open: a police report", handled, CaseAction.FILE_WITH_POLICE, true));
    }

    private static Arguments row(String name, List<IncidentEvent> events, CaseAction action, boolean allowed) {
        return row(name, events, action, allowed, null);
    }

    private static Arguments row(String name, List<IncidentEvent> events, CaseAction action, boolean allowed, String code) {
        return Arguments.of(Named.of(name, events), action, allowed, code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void whatTheStateAllows(List<IncidentEvent> events, CaseAction action, boolean allowed, String code) {
        CaseProgress progress = CaseProgress.of(ID, events);

        assertThat(CaseStates.allows(action, progress)).isEqualTo(allowed);
        CaseStates.refusal(action, progress).ifPresent(reason -> assertThat(reason).isNotBlank());
        // Each refusal by the state carries its code and the action refused, for a client to say it in its language.
        if (allowed) {
            assertThat(CaseStates.refused(action, progress)).isEmpty();
        } else {
            assertThat(CaseStates.refused(action, progress)).hasValueSatisfying(refused -> {
                assertThat(refused.code()).isEqualTo(code);
                assertThat(refused.kind()).isEqualTo(nl.incidents.kernel.RequestRefused.Kind.CONFLICT);
                assertThat(refused.parameters()).containsEntry("action", action.name());
            });
        }
    }

    @Test
    void theBoardAndTheCasesManagerHandleTheCaseButNotWhenInvolved() {
        CaseProgress progress = CaseProgress.of(ID, then(reported(false), TO_MANAGER));
        assertThat(CasePolicies.handles(new Actor(MANAGER, ActorRole.MANAGER), progress)).isTrue();
        assertThat(CasePolicies.handles(new Actor(new PersonId("emp-4001"), ActorRole.BOARD), progress)).isTrue();
        assertThat(CasePolicies.handles(new Actor(new PersonId("emp-2002"), ActorRole.MANAGER), progress)).isFalse();
        assertThat(CasePolicies.handles(new Actor(new PersonId("emp-3001"), ActorRole.COMMUNICATIONS), progress))
                .isFalse();
        assertThat(CasePolicies.handles(new Actor(new PersonId("pupil-7"), ActorRole.BOARD), progress))
                .as("a board member named in the case").isFalse();
        CaseProgress marked = progress.next(new nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow(ID, "Private"));
        assertThat(CasePolicies.handles(new Actor(MANAGER, ActorRole.MANAGER), marked))
                .as("the case's manager of a need-to-know case the board did not add them to").isFalse();
        assertThat(CasePolicies.handles(new Actor(MANAGER, ActorRole.MANAGER),
                marked.next(new nl.incidents.kernel.incident.NeedToKnowReaderAdded(ID, MANAGER)))).isTrue();
    }
}
