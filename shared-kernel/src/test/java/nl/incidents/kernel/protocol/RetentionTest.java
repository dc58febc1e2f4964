package nl.incidents.kernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.ClockMode;
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
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.LegalHoldLifted;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.Timing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules of what keeps a case ({@link CaseProgress#holds()}) and when it may be erased ({@link Retention#of}),
 * on histories as the aggregate writes them.
 */
class RetentionTest {

    private static final IncidentId ID = IncidentId.of("5b0c8f5e-3d1a-4c8e-9a57-0d8f6a2b1c11");
    private static final PersonId MANAGER = new PersonId("emp-2001");
    private static final PersonId STAFF_MEMBER = new PersonId("emp-1002");
    private static final Instant CLOSED = Instant.parse("2020-03-03T10:15:00Z");
    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final RetentionPeriods DEFAULTS = RetentionPeriods.defaults();

    private static List<IncidentEvent> reported(boolean legalDuty) {
        Duration hour = Duration.ofHours(1);
        List<IncidentEvent> events = new ArrayList<>(List.of(
                new DerailingDiscussionReported(ID, "school-1", Platform.FACEBOOK, "https://example.org/post", "s",
                        Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH,
                        List.of(new InvolvedParty(STAFF_MEMBER, PartyRole.STAFF, Part.TARGET)), CLOSED,
                        new PersonId("emp-1001")),
                new EscalationPolicyRecorded(ID, new Timing(hour, hour, hour, hour, hour), ClockMode.SCHOOL_TIME,
                        Region.MIDDLE, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), legalDuty),
                new IncidentEscalated(ID, Assignee.manager(MANAGER), "reported"),
                new EscalationAcknowledged(ID, Assignee.manager(MANAGER), null)));
        if (legalDuty) {
            events.add(new DeadlineSet(ID, Step.INSPECTOR_CONSULTATION, CLOSED.plus(hour), 0));
        }
        return events;
    }

    private static CaseProgress caseOf(List<IncidentEvent> history, IncidentEvent... more) {
        List<IncidentEvent> all = new ArrayList<>(history);
        all.addAll(Arrays.asList(more));
        return CaseProgress.of(ID, all);
    }

    private static final IncidentClosed CLOSURE = new IncidentClosed(ID, "settled with the parents");

    @Test
    @DisplayName("a case closed six years ago, with nothing holding it, may be erased")
    void closedSixYearsAgoIsErasable() {
        Retention.Verdict verdict = Retention.of(caseOf(reported(false), CLOSURE), CLOSED, DEFAULTS, NOW);

        assertThat(verdict.reason()).isEqualTo(Retention.Reason.ERASABLE);
        assertThat(verdict.erasable()).isTrue();
        assertThat(verdict.holds()).isEmpty();
        assertThat(verdict.caseErasableFrom()).isEqualTo(Instant.parse("2025-03-03T10:15:00Z"));
        assertThat(verdict.erasableFrom()).containsEntry(RecordKind.PUPIL_DOSSIER, Instant.parse("2022-03-03T10:15:00Z"))
                .containsEntry(RecordKind.PERSONNEL_DOSSIER, Instant.parse("2025-03-03T10:15:00Z"));
    }

    @Test
    @DisplayName("a case closed four years ago is kept until its fifth anniversary; its pupil entries may go already")
    void withinTheCasesPeriodIsKept() {
        Instant closed = Instant.parse("2022-05-01T09:00:00Z");
        Retention.Verdict verdict = Retention.of(caseOf(reported(false), CLOSURE), closed, DEFAULTS, NOW);

        assertThat(verdict.reason()).isEqualTo(Retention.Reason.RETENTION_RUNNING);
        assertThat(verdict.erasable()).isFalse();
        assertThat(verdict.caseErasableFrom()).isEqualTo(Instant.parse("2027-05-01T09:00:00Z"));
        assertThat(verdict.erasable(RecordKind.PUPIL_DOSSIER, NOW)).isTrue();
        assertThat(verdict.erasable(RecordKind.PERSONNEL_DOSSIER, NOW)).isFalse();
    }

    @Test
    @DisplayName("years count on the Dutch calendar: closed in winter time, kept until the same wall-clock time")
    void yearsCountInDutchTime() {
        Instant closed = Instant.parse("2021-01-15T23:30:00Z"); // 16 January, 00:30 in Amsterdam
        Retention.Verdict verdict = Retention.of(caseOf(reported(false), CLOSURE), closed,
                new RetentionPeriods(1, 1, 1), NOW);

        assertThat(verdict.caseErasableFrom().atZone(Retention.DUTCH_TIME).toLocalDateTime())
                .hasToString("2022-01-16T00:30");
    }

    @Test
    @DisplayName("a case held by the board is kept, with the board's reason, however long ago it closed")
    void heldByTheBoardIsKept() {
        CaseProgress held = caseOf(reported(false), CLOSURE, new LegalHoldPlaced(ID, "claim of the parents"));
        Retention.Verdict verdict = Retention.of(held, CLOSED, DEFAULTS, NOW);

        assertThat(verdict.reason()).isEqualTo(Retention.Reason.HELD);
        assertThat(verdict.holds()).containsExactly(new Hold(Hold.Kind.LEGAL_HOLD, "claim of the parents"));
        assertThat(verdict.caseErasableFrom()).isEqualTo(Instant.parse("2025-03-03T10:15:00Z"));
        assertThat(verdict.erasable(RecordKind.PUPIL_DOSSIER, NOW)).isFalse();
    }

    @Test
    @DisplayName("a lifted hold no longer keeps the case")
    void aLiftedHoldNoLongerKeeps() {
        CaseProgress lifted = caseOf(reported(false), new LegalHoldPlaced(ID, "claim"), CLOSURE,
                new LegalHoldLifted(ID, "claim withdrawn"));

        assertThat(lifted.holds()).isEmpty();
        assertThat(Retention.of(lifted, CLOSED, DEFAULTS, NOW).erasable()).isTrue();
    }

    @Test
    @DisplayName("an open police report keeps the case until the board records how it ended")
    void anOpenPoliceReportKeeps() {
        List<IncidentEvent> filed = new ArrayList<>(reported(false));
        filed.add(new FiledWithPolice(ID, "threat", "PL0900-2020-1"));
        CaseProgress open = caseOf(filed, CLOSURE);

        Retention.Verdict verdict = Retention.of(open, CLOSED, DEFAULTS, NOW);
        assertThat(verdict.reason()).isEqualTo(Retention.Reason.HELD);
        assertThat(verdict.holds()).containsExactly(new Hold(Hold.Kind.POLICE_REPORT, null));

        CaseProgress concluded = caseOf(filed, CLOSURE, new PoliceReportConcluded(ID, "dismissed by the prosecutor"));
        assertThat(Retention.of(concluded, CLOSED, DEFAULTS, NOW).erasable()).isTrue();
    }

    @Test
    @DisplayName("an open consultation of the confidential inspector keeps the case, and ends when it is reported")
    void anOpenInspectorStepKeeps() {
        CaseProgress consulting = caseOf(reported(true));

        assertThat(consulting.holds()).containsExactly(new Hold(Hold.Kind.INSPECTOR_CONSULTATION, null));
        Retention.Verdict verdict = Retention.of(consulting, null, DEFAULTS, NOW);
        assertThat(verdict.reason()).isEqualTo(Retention.Reason.OPEN);
        assertThat(verdict.holds()).extracting(Hold::kind).containsExactly(Hold.Kind.INSPECTOR_CONSULTATION);
        assertThat(verdict.erasableFrom()).isEmpty();

        CaseProgress reportedToInspector = caseOf(reported(true),
                new ReportedToConfidentialInspector(ID, STAFF_MEMBER, "summary", "VI-1"));
        assertThat(reportedToInspector.holds()).isEmpty();
    }

    @Test
    @DisplayName("every hold is named, in the order: the board's, the police report, the inspector")
    void everyHoldIsNamed() {
        List<IncidentEvent> all = new ArrayList<>(reported(true));
        all.add(new FiledWithPolice(ID, "threat", null));
        CaseProgress progress = caseOf(all, new LegalHoldPlaced(ID, "inspectorate asked"));

        assertThat(progress.holds()).extracting(Hold::kind).containsExactly(Hold.Kind.LEGAL_HOLD,
                Hold.Kind.POLICE_REPORT, Hold.Kind.INSPECTOR_CONSULTATION);
        assertThat(progress.held()).isTrue();
    }

    @Test
    @DisplayName("an open case is never erasable, however old")
    void anOpenCaseIsKept() {
        Retention.Verdict verdict = Retention.of(caseOf(reported(false)), null, DEFAULTS, NOW.plusSeconds(1_000_000_000L));

        assertThat(verdict.reason()).isEqualTo(Retention.Reason.OPEN);
        assertThat(verdict.erasable(RecordKind.CASE, NOW)).isFalse();
    }

    @Test
    void aClosedCaseNeedsItsClosureTime() {
        assertThatThrownBy(() -> Retention.of(caseOf(reported(false), CLOSURE), null, DEFAULTS, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a retention period is one to a hundred years")
    void periodsAreBounded() {
        assertThatThrownBy(() -> new RetentionPeriods(0, 5, 2)).hasMessageContaining("case")
                .hasMessageContaining("not 0");
        assertThatThrownBy(() -> new RetentionPeriods(5, 5, 101)).hasMessageContaining("pupil dossier");
        assertThat(DEFAULTS.byKind()).containsExactly(java.util.Map.entry(RecordKind.CASE, 5),
                java.util.Map.entry(RecordKind.PERSONNEL_DOSSIER, 5), java.util.Map.entry(RecordKind.PUPIL_DOSSIER, 2));
    }

    @Test
    @DisplayName("only the board places, lifts, and records a police report's outcome; on a closed case too")
    void theBoardKeepsCases() {
        CaseProgress closed = caseOf(reported(false), new FiledWithPolice(ID, "threat", null), CLOSURE);
        Actor board = new Actor(new PersonId("emp-4001"), ActorRole.BOARD);
        Actor manager = new Actor(MANAGER, ActorRole.MANAGER);

        for (CaseAction action : List.of(CaseAction.PLACE_LEGAL_HOLD, CaseAction.LIFT_LEGAL_HOLD,
                CaseAction.RECORD_POLICE_REPORT_OUTCOME)) {
            assertThat(CasePolicies.allows(Attempt.of(action, board, closed))).as(action.name()).isTrue();
            assertThat(CasePolicies.refused(Attempt.of(action, manager, closed))).as(action.name()).isPresent();
        }
        assertThat(CasePolicies.refused(Attempt.of(CaseAction.PLACE_LEGAL_HOLD, manager, closed)).orElseThrow().code())
                .isEqualTo("policy.board-legal-hold");
        assertThat(CaseStates.allows(CaseAction.PLACE_LEGAL_HOLD, closed)).isTrue();
        assertThat(CaseStates.refused(CaseAction.LIFT_LEGAL_HOLD, closed).orElseThrow().code())
                .isEqualTo("state.no-legal-hold");
        assertThat(CaseStates.allows(CaseAction.RECORD_POLICE_REPORT_OUTCOME, closed)).isTrue();

        CaseProgress held = closed.next(new LegalHoldPlaced(ID, "claim"));
        assertThat(CaseStates.refused(CaseAction.PLACE_LEGAL_HOLD, held).orElseThrow().code())
                .isEqualTo("state.legal-hold-placed");
        assertThat(CaseStates.allows(CaseAction.LIFT_LEGAL_HOLD, held)).isTrue();
        CaseProgress concluded = closed.next(new PoliceReportConcluded(ID, "dismissed"));
        assertThat(CaseStates.refused(CaseAction.RECORD_POLICE_REPORT_OUTCOME, concluded).orElseThrow().code())
                .isEqualTo("state.no-police-report");
    }
}
