package nl.incidents.command.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.kernel.protocol.Hold;
import nl.incidents.kernel.protocol.RecordKind;
import nl.incidents.kernel.protocol.Retention;
import nl.incidents.kernel.protocol.RetentionPeriods;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The retention rule on one case, without a store: what goes when (the case at 5 years, pupils' and parents' dossier
 * entries at 2, staff members' at 5), who counts (only people with an entry, not yet erased), and that a hold is
 * reported with the plan.
 */
class RetentionPlanTest {

    private static final IncidentId CASE = IncidentId.random();
    private static final PersonId PUPIL = new PersonId("llnr-1");
    private static final PersonId PARENT = new PersonId("ouder-1");
    private static final PersonId BYSTANDER = new PersonId("llnr-2");
    private static final PersonId STAFF = new PersonId("emp-1");
    private static final PersonId OUTSIDER = new PersonId("ext-1");
    private static final RetentionPeriods PERIODS = RetentionPeriods.defaults();
    /** Closed on 10 March 2026, 14:00 Dutch time. */
    private static final ZonedDateTime CLOSED = ZonedDateTime.of(2026, 3, 10, 14, 0, 0, 0, Retention.DUTCH_TIME);

    @Test
    @DisplayName("within every period nothing is due; the pupil dossier period ends first, then the case")
    void periodsEndInTurn() {
        List<IncidentEvent> events = closedWith(measure(PUPIL, PartyRole.PUPIL), correspondence(STAFF, PartyRole.STAFF));

        assertThat(plan(events, CLOSED.plusYears(2).minusSeconds(1))).isNull();

        RetentionPlan pupils = plan(events, CLOSED.plusYears(2));
        assertThat(pupils.parts()).singleElement().satisfies(part -> {
            assertThat(part.kind()).isEqualTo(RecordKind.PUPIL_DOSSIER);
            assertThat(part.from()).isEqualTo(CLOSED.plusYears(2).toInstant());
            assertThat(part.people()).containsExactly(PUPIL);
        });
        assertThat(pupils.held()).isFalse();

        RetentionPlan whole = plan(events, CLOSED.plusYears(5));
        assertThat(whole.parts()).singleElement().satisfies(part -> {
            assertThat(part.kind()).isEqualTo(RecordKind.CASE);
            assertThat(part.from()).isEqualTo(CLOSED.plusYears(5).toInstant());
            assertThat(part.people()).isEmpty();
        });
    }

    @Test
    @DisplayName("the pupil dossier holds pupils' and parents' entries; the involved without entries and outsiders stay")
    void onlyPeopleWithEntriesOfTheKind() {
        List<IncidentEvent> events = closedWith(measure(PUPIL, PartyRole.PUPIL), correspondence(PUPIL, PartyRole.PUPIL),
                correspondence(PARENT, PartyRole.PARENT), correspondence(OUTSIDER, PartyRole.OUTSIDER));

        assertThat(plan(events, CLOSED.plusYears(3)).parts()).singleElement()
                .satisfies(part -> assertThat(part.people()).containsExactly(PUPIL, PARENT));
    }

    @Test
    @DisplayName("who was erased already is not erased again; a case with nobody left to erase has nothing due")
    void theErasedAreNotCountedAgain() {
        List<IncidentEvent> events = closedWith(measure(PersonId.ERASED, PartyRole.PUPIL));

        assertThat(plan(events, CLOSED.plusYears(3))).isNull();
        assertThat(plan(closedWith(), CLOSED.plusYears(3))).as("no dossier entries at all").isNull();
    }

    @Test
    @DisplayName("with its own periods a board gets its own order: staff entries before pupils'")
    void aBoardsOwnPeriods() {
        List<IncidentEvent> events = closedWith(measure(PUPIL, PartyRole.PUPIL), correspondence(STAFF, PartyRole.STAFF));
        RetentionPeriods own = new RetentionPeriods(7, 1, 3);

        assertThat(RetentionPlan.of(CASE, events, CLOSED.toInstant(), own, CLOSED.plusYears(4).toInstant()).orElseThrow()
                .parts()).extracting(RetentionPlan.Part::kind)
                .containsExactly(RecordKind.PERSONNEL_DOSSIER, RecordKind.PUPIL_DOSSIER);
    }

    @Test
    @DisplayName("a held case's plan names its holds: a legal hold and an open police report")
    void holdsComeWithThePlan() {
        List<IncidentEvent> events = closedWith(new FiledWithPolice(CASE, "Threat (art. 285 Sr)", "PL-1"));
        events.add(new LegalHoldPlaced(CASE, "The parents announced a claim."));

        RetentionPlan plan = plan(events, CLOSED.plusYears(6));
        assertThat(plan.held()).isTrue();
        assertThat(plan.holds()).extracting(Hold::kind).containsExactly(Hold.Kind.LEGAL_HOLD, Hold.Kind.POLICE_REPORT);
        assertThat(RetentionSchedule.holdCodes(plan)).containsExactly("legal-hold", "police-report");
    }

    @Test
    @DisplayName("an open case and an erased case have nothing due")
    void openAndErasedCases() {
        List<IncidentEvent> open = closedWith();
        open.remove(open.size() - 1);
        assertThat(plan(open, CLOSED.plusYears(50))).isNull();

        List<IncidentEvent> erased = closedWith();
        erased.add(new CaseErased(CASE, "AVG-2031-1", ErasureGround.NO_LONGER_NEEDED, ErasureRequester.BOARD));
        assertThat(plan(erased, CLOSED.plusYears(50))).isNull();
    }

    private static RetentionPlan plan(List<IncidentEvent> events, ZonedDateTime until) {
        return RetentionPlan.of(CASE, events, CLOSED.toInstant(), PERIODS, until.toInstant()).orElse(null);
    }

    /** A case with a pupil, a parent, a bystander, a staff member and an outsider, these events, then closed. */
    private static List<IncidentEvent> closedWith(IncidentEvent... between) {
        List<IncidentEvent> events = new ArrayList<>();
        events.add(new DerailingDiscussionReported(CASE, "school-1", Platform.TIKTOK, "https://www.tiktok.com/@x/video/1",
                "A video mocks a teacher.", Stage.DERAILED, Set.of(Harm.BULLYING), Severity.LOW,
                List.of(new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.AUTHOR),
                        new InvolvedParty(PARENT, PartyRole.PARENT, Part.AUTHOR),
                        new InvolvedParty(BYSTANDER, PartyRole.PUPIL, Part.BYSTANDER),
                        new InvolvedParty(STAFF, PartyRole.STAFF, Part.TARGET),
                        new InvolvedParty(OUTSIDER, PartyRole.OUTSIDER, Part.BYSTANDER)),
                Instant.parse("2026-01-10T19:00:00Z"), new PersonId("teacher")));
        events.add(new IncidentEscalated(CASE, Assignee.manager(new PersonId("manager")), "Reported."));
        events.add(new EscalationAcknowledged(CASE, Assignee.manager(new PersonId("manager")), "Seen."));
        events.addAll(List.of(between));
        events.add(new IncidentClosed(CASE, "Talked it through."));
        return events;
    }

    private static MeasureImposed measure(PersonId person, PartyRole role) {
        return new MeasureImposed(CASE, person, role, Measure.WARNING, "A warning.");
    }

    private static CorrespondenceRecorded correspondence(PersonId person, PartyRole role) {
        return new CorrespondenceRecorded(CASE, person, role, "A letter.");
    }
}
