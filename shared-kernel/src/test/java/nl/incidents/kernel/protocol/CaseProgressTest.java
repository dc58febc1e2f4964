package nl.incidents.kernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.Timing;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one fold of a case's events, as a table: each row a history and where the case then stands
 * (status, holder, the case's manager, and each open step with its own due time, next deadline,
 * reminders and overdue mark).
 */
class CaseProgressTest {

    private static final IncidentId ID = IncidentId.of("5b0c8f5e-3d1a-4c8e-9a57-0d8f6a2b1c11");
    private static final PersonId REPORTER = new PersonId("emp-1001");
    private static final PersonId MANAGER = new PersonId("emp-2001");
    private static final PersonId DEPUTY = new PersonId("emp-2002");
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Assignee TO_MANAGER = Assignee.manager(MANAGER);
    private static final Assignee TO_BOARD = Assignee.board();

    private static Instant at(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static final DerailingDiscussionReported REPORT = new DerailingDiscussionReported(ID, "brin-12AB",
            Platform.FACEBOOK, "https://example.org/post", "A parent threatens a teacher.", Stage.DERAILED,
            Set.of(Harm.THREATENING), Severity.HIGH,
            List.of(new InvolvedParty(new PersonId("ouder-1"), PartyRole.PARENT, Part.AUTHOR)), T0, REPORTER);
    private static final EscalationPolicyRecorded TERMS = new EscalationPolicyRecorded(ID,
            new Timing(Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(4),
                    Duration.ofHours(2)),
            ClockMode.SCHOOL_TIME, Region.MIDDLE, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), false);

    private static List<IncidentEvent> reported() {
        return List.of(REPORT, TERMS, new DeadlineSet(ID, Step.NOTIFY_COMMUNICATIONS, at(4), 0),
                new DeadlineSet(ID, Step.POLICE_DECISION, at(8), 0));
    }

    private static List<IncidentEvent> withManager() {
        return then(reported(), new IncidentEscalated(ID, TO_MANAGER, "reported"),
                new DeadlineSet(ID, Step.ACKNOWLEDGE, at(2), 0));
    }

    private static List<IncidentEvent> wentUp() {
        return then(withManager(), new StepOverdue(ID, Step.ACKNOWLEDGE, at(2), TO_MANAGER),
                new IncidentEscalated(ID, TO_BOARD, "not acknowledged"), new DeadlineSet(ID, Step.ACKNOWLEDGE, at(5), 0));
    }

    private static List<IncidentEvent> then(List<IncidentEvent> history, IncidentEvent... events) {
        List<IncidentEvent> all = new ArrayList<>(history);
        all.addAll(Arrays.asList(events));
        return all;
    }

    /** An expected open step: its own due time, next deadline, reminders, overdue since, assignee. */
    private static OpenStep open(Step step, int due, int next, int reminders, Integer overdueSince, Assignee assignee) {
        return new OpenStep(step, at(due), at(next), reminders, overdueSince == null ? null : at(overdueSince), assignee);
    }

    private static Map<Step, OpenStep> steps(OpenStep... steps) {
        Map<Step, OpenStep> map = new LinkedHashMap<>();
        Stream.of(steps).forEach(s -> map.put(s.step(), s));
        return map;
    }

    private static final OpenStep COMMS = open(Step.NOTIFY_COMMUNICATIONS, 4, 4, 0, null, null);
    private static final OpenStep POLICE = open(Step.POLICE_DECISION, 8, 8, 0, null, null);
    private static final OpenStep ACK_MANAGER = open(Step.ACKNOWLEDGE, 2, 2, 0, null, TO_MANAGER);

    static Stream<Arguments> table() {
        return Stream.of(
                row("nothing yet", List.of(), null, null, null, steps()),
                row("reported: communications and police decision due", reported(),
                        IncidentStatus.REPORTED, null, null, steps(COMMS, POLICE)),
                row("escalated to the manager: the acknowledgement is due", withManager(),
                        IncidentStatus.ESCALATED, TO_MANAGER, MANAGER, steps(ACK_MANAGER, COMMS, POLICE)),
                row("acknowledged: that step is taken", then(withManager(), new EscalationAcknowledged(ID, TO_MANAGER, null)),
                        IncidentStatus.ACKNOWLEDGED, TO_MANAGER, MANAGER, steps(COMMS, POLICE)),
                row("a strategy agreed", then(withManager(), new EscalationAcknowledged(ID, TO_MANAGER, null),
                                new ResponseStrategyAgreed(ID, Set.of(ResponseStrategy.NO_ONLINE_REACTION), "quiet", REPORTER)),
                        IncidentStatus.STRATEGY_AGREED, TO_MANAGER, MANAGER, steps(COMMS, POLICE)),
                row("the manager misses it: the board's acknowledgement replaces the manager's", wentUp(),
                        IncidentStatus.ESCALATED, TO_BOARD, MANAGER,
                        steps(open(Step.ACKNOWLEDGE, 5, 5, 0, null, TO_BOARD), COMMS, POLICE)),
                row("after a strategy, the board's acknowledgement keeps it agreed",
                        then(withManager(), new EscalationAcknowledged(ID, TO_MANAGER, null),
                                new ResponseStrategyAgreed(ID, Set.of(ResponseStrategy.NO_ONLINE_REACTION), "quiet", REPORTER),
                                new IncidentEscalated(ID, TO_BOARD, "up"), new EscalationAcknowledged(ID, TO_BOARD, null)),
                        IncidentStatus.STRATEGY_AGREED, TO_BOARD, MANAGER, steps(COMMS, POLICE)),
                row("sent back down to another manager: they become the case's manager",
                        then(wentUp(), new IncidentEscalated(ID, Assignee.manager(DEPUTY), "back"),
                                new DeadlineSet(ID, Step.ACKNOWLEDGE, at(7), 0)),
                        IncidentStatus.ESCALATED, Assignee.manager(DEPUTY), DEPUTY,
                        steps(open(Step.ACKNOWLEDGE, 7, 7, 0, null, Assignee.manager(DEPUTY)), COMMS, POLICE)),
                row("overdue and reminded: own due time kept, next deadline moves",
                        then(withManager(), new StepOverdue(ID, Step.POLICE_DECISION, at(8), null),
                                new BoardReminded(ID, Step.POLICE_DECISION, 1),
                                new DeadlineSet(ID, Step.POLICE_DECISION, at(10), 1)),
                        IncidentStatus.ESCALATED, TO_MANAGER, MANAGER,
                        steps(ACK_MANAGER, COMMS, open(Step.POLICE_DECISION, 8, 10, 1, 8, null))),
                row("communications informed, police declined: both taken",
                        then(withManager(), new CommunicationsDepartmentNotified(ID, "fyi"),
                                new PoliceReportDeclined(ID, "no offence")),
                        IncidentStatus.ESCALATED, TO_MANAGER, MANAGER, steps(ACK_MANAGER)),
                row("filed with the police and the inspector consulted: both taken",
                        then(withManager(), new FiledWithPolice(ID, "threat", null),
                                new ReportedToConfidentialInspector(ID, new PersonId("emp-9"), "s", null)),
                        IncidentStatus.ESCALATED, TO_MANAGER, MANAGER, steps(ACK_MANAGER, COMMS)),
                row("closed: nothing is open", then(withManager(), new IncidentClosed(ID, "done")),
                        IncidentStatus.CLOSED, TO_MANAGER, MANAGER, steps()));
    }

    private static Arguments row(String name, List<IncidentEvent> events, IncidentStatus status, Assignee assignee,
                                 PersonId manager, Map<Step, OpenStep> open) {
        return Arguments.of(Named.of(name, events), status, assignee, manager, open);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void whereTheCaseStands(List<IncidentEvent> events, IncidentStatus status, Assignee assignee, PersonId manager,
                            Map<Step, OpenStep> open) {
        CaseProgress progress = CaseProgress.of(ID, events);

        assertThat(progress.status()).isEqualTo(status);
        assertThat(progress.assignee()).isEqualTo(assignee);
        assertThat(progress.manager()).isEqualTo(manager);
        assertThat(progress.open()).containsExactlyEntriesOf(open);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void rowsKeptByStepsEndedByAndDeadlinesAgreeWithTheFold(List<IncidentEvent> events, IncidentStatus status,
                                                             Assignee assignee, PersonId manager,
                                                             Map<Step, OpenStep> open) {
        // What a consumer keeping its own rows (the saga, the ledgers) does: a deadline opens or
        // replaces its step, stepsEndedBy ends steps.
        Map<Step, Instant> rows = new LinkedHashMap<>();
        for (IncidentEvent event : events) {
            if (event instanceof DeadlineSet deadline) {
                rows.put(deadline.step(), deadline.dueAt());
            }
            CaseProgress.stepsEndedBy(event).forEach(rows::remove);
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(open.keySet());
        open.values().forEach(step -> assertThat(rows.get(step.step())).isEqualTo(step.nextDeadline()));
    }
}
