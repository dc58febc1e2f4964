package nl.incidents.query.incidentdossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.incidents.kernel.escalation.EscalationPolicy;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.protocol.Escalations;
import nl.incidents.kernel.timeline.TimelineCode;
import nl.incidents.query.history.StoredEvent;
import org.junit.jupiter.api.Test;

/** The incident dossier folded from a case's events, without Spring or a store. */
class DossierAssemblerTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);
    private static final Set<Class<? extends IncidentEvent>> EVERYTHING = Stream.of(IncidentEvent.class.getPermittedSubclasses())
            .map(type -> type.asSubclass(IncidentEvent.class)).collect(Collectors.toUnmodifiableSet());

    private final IncidentId id = IncidentId.random();
    private final List<StoredEvent.Read> events = new ArrayList<>();

    @Test
    void whatTheSystemWorkedOutReadsByTheSystemInDutchWinterTime() {
        Instant reported = Instant.parse("2026-11-29T20:13:40Z");
        reported(reported, TEACHER);
        // The terms and deadlines come with the teacher's report; the system worked them out.
        at(reported, TEACHER, terms());
        at(reported, TEACHER, new DeadlineSet(id, Step.NOTIFY_COMMUNICATIONS, Instant.parse("2026-11-30T09:30:00Z"), 0));
        at(reported, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(MANAGER.id()), "Reported"));
        at(reported, Actor.SYSTEM, new DeadlineSet(id, Step.ACKNOWLEDGE, Instant.parse("2026-11-30T08:30:00Z"), 0));

        IncidentDossier dossier = DossierAssembler.assemble(events, EVERYTHING);

        assertThat(lines(dossier)).containsExactly(
                "Reported a derailed discussion on FACEBOOK (severity HIGH; THREATENING)",
                "Escalation terms recorded by the system: school time in region NORTH (school hours on school days count);"
                        + " levels: the manager, then the board; acknowledgement within 2 school hours, notification of the"
                        + " communications department within 4 school hours, decision on a police report within 8 school hours,"
                        + " consultation of the national confidential inspector within 4 school hours; the board is reminded of"
                        + " an overdue step every 2 school hours; legal duty (art. 4a WOT): no",
                "Notification of the communications department due by 2026-11-30 10:30 CET, set by the system",
                "Escalated to manager manager by the system: Reported",
                "Acknowledgement due by 2026-11-30 09:30 CET (manager manager), set by the system");
        assertThat(dossier.timeline()).extracting(e -> e.by().role())
                .containsExactly(ActorRole.STAFF, ActorRole.SYSTEM, ActorRole.SYSTEM, ActorRole.SYSTEM, ActorRole.SYSTEM);
        assertThat(dossier.deadlines()).extracting(IncidentDossier.Deadline::step)
                .containsExactly(Step.ACKNOWLEDGE, Step.NOTIFY_COMMUNICATIONS);
    }

    @Test
    void summerTimesReadInDutchSummerTime() {
        Instant reported = Instant.parse("2027-06-14T07:00:00Z");
        reported(reported, TEACHER);
        at(reported, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(MANAGER.id()), null));
        at(reported, Actor.SYSTEM, new DeadlineSet(id, Step.ACKNOWLEDGE, Instant.parse("2027-06-14T09:00:00Z"), 0));

        assertThat(lines(DossierAssembler.assemble(events, EVERYTHING)))
                .contains("Acknowledgement due by 2027-06-14 11:00 CEST (manager manager), set by the system");
    }

    @Test
    void anOverdueStepTheBoardIsRemindedOfKeepsTheDeadlineItMissed() {
        Instant reported = Instant.parse("2026-11-02T09:00:00Z");
        Instant policeDue = reported.plus(Duration.ofHours(8));
        Instant reminder = policeDue.plus(Duration.ofHours(2));
        reported(reported, TEACHER);
        at(reported, TEACHER, new DeadlineSet(id, Step.NOTIFY_COMMUNICATIONS, reported.plus(Duration.ofHours(4)), 0));
        at(reported, TEACHER, new DeadlineSet(id, Step.POLICE_DECISION, policeDue, 0));
        at(policeDue, Actor.SYSTEM, new StepOverdue(id, Step.POLICE_DECISION, policeDue, null));
        at(policeDue, Actor.SYSTEM, new BoardReminded(id, Step.POLICE_DECISION, 1));
        at(policeDue, Actor.SYSTEM, new DeadlineSet(id, Step.POLICE_DECISION, reminder, 1));

        IncidentDossier dossier = DossierAssembler.assemble(events, EVERYTHING);

        IncidentDossier.Deadline police = dossier.deadlines().get(1);
        assertThat(police.step()).isEqualTo(Step.POLICE_DECISION);
        assertThat(police.dueAt()).isEqualTo(reminder);
        assertThat(police.overdueSince()).isEqualTo(policeDue);
        assertThat(police.reminders()).isEqualTo(1);
        assertThat(dossier.lateSteps()).extracting(IncidentDossier.LateStep::step).containsExactly(Step.POLICE_DECISION);
        assertThat(lines(dossier)).contains(
                "Decision on a police report overdue: it was due by 2026-11-02 18:00 CET; noticed by the system",
                "Board reminded by the system (1st time) of the decision on a police report",
                "Decision on a police report still open: the board is reminded again at 2026-11-02 20:00 CET, set by the system");
    }

    @Test
    void theCommunicationsDepartmentNotifiedByTheSystemSaysSinceWhenTheStepWasOverdue() {
        Instant reported = Instant.parse("2026-11-02T09:00:00Z");
        Instant due = reported.plus(Duration.ofHours(4));
        reported(reported, TEACHER);
        at(reported, TEACHER, new DeadlineSet(id, Step.NOTIFY_COMMUNICATIONS, due, 0));
        at(due, Actor.SYSTEM, new StepOverdue(id, Step.NOTIFY_COMMUNICATIONS, due, null));
        at(due, Actor.SYSTEM, new CommunicationsDepartmentNotified(id, "Notified by the system"));

        IncidentDossier dossier = DossierAssembler.assemble(events, EVERYTHING);

        assertThat(lines(dossier)).last()
                .isEqualTo("Communications department notified by the system: the step was overdue since 2026-11-02 14:00 CET");
        assertThat(dossier.deadlines()).isEmpty();
    }

    @Test
    void aStrategyAgreedBeforeTheCaseWentUpStandsAfterTheBoardsAcknowledgement() {
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        reported(at, TEACHER);
        at(at, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(MANAGER.id()), null));
        at(at, MANAGER, new EscalationAcknowledged(id, Assignee.manager(MANAGER.id()), null));
        at(at, MANAGER, new ResponseStrategyAgreed(id, Set.of(ResponseStrategy.NO_ONLINE_REACTION), "Wait", TEACHER.id()));
        at(at, MANAGER, new IncidentEscalated(id, Assignee.board(), "Threats"));
        assertThat(DossierAssembler.assemble(events, EVERYTHING).status()).isEqualTo(IncidentStatus.ESCALATED);

        at(at, BOARD, new EscalationAcknowledged(id, Assignee.board(), null));
        IncidentDossier dossier = DossierAssembler.assemble(events, EVERYTHING);

        assertThat(dossier.status()).isEqualTo(IncidentStatus.STRATEGY_AGREED);
        assertThat(dossier.escalations()).hasSize(2);
        assertThat(dossier.escalation().acknowledgedBy()).isEqualTo(BOARD);
    }

    @Test
    void sectionsTheViewerMayNotReadAreAbsentNotEmpty() {
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        reported(at, TEACHER);
        at(at, TEACHER, terms());
        at(at, TEACHER, new DeadlineSet(id, Step.NOTIFY_COMMUNICATIONS, at.plus(Duration.ofHours(4)), 0));
        at(at, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(MANAGER.id()), null));

        IncidentDossier dossier = DossierAssembler.assemble(events, Set.of(DerailingDiscussionReported.class,
                IncidentEscalated.class, EscalationAcknowledged.class, ResponseStrategyAgreed.class));

        assertThat(dossier.status()).isEqualTo(IncidentStatus.ESCALATED);
        assertThat(dossier.terms()).isNull();
        assertThat(dossier.deadlines()).isNull();
        assertThat(dossier.lateSteps()).isNull();
        assertThat(dossier.measures()).isNull();
        assertThat(dossier.communicationsNotifications()).isNull();
        assertThat(dossier.timeline()).hasSize(2);
    }

    @Test
    void everyLineHasItsCodeAndParametersBesideTheEnglishSentence() {
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        Actor board = new Actor(new PersonId("board"), ActorRole.BOARD);
        reported(at, TEACHER);
        at(at, TEACHER, terms());
        at(at, Actor.SYSTEM, new IncidentEscalated(id, Assignee.manager(MANAGER.id()), Escalations.REPORTED));
        at(at, TEACHER, new DeadlineSet(id, Step.ACKNOWLEDGE, at.plus(Duration.ofHours(2)), 0));
        at(at, MANAGER, new EscalationAcknowledged(id, Assignee.manager(MANAGER.id()), null));
        at(at, MANAGER, new ResponseStrategyAgreed(id, Set.of(ResponseStrategy.NO_ONLINE_REACTION,
                ResponseStrategy.INVOLVE_PARENTS), "calm", TEACHER.id()));
        at(at, MANAGER, new CommunicationsDepartmentNotified(id, "please know"));
        at(at, MANAGER, new IncidentEscalated(id, Assignee.board(), "The board decides"));
        at(at, board, new FiledWithPolice(id, "Threat", "PL-1"));
        at(at, board, new ReportedToConfidentialInspector(id, new PersonId("staff-9"), "summary", null));
        at(at, board, new MeasureImposed(id, new PersonId("pupil-1"), PartyRole.PUPIL, Measure.SUSPENSION, "why"));
        at(at, MANAGER, new CorrespondenceRecorded(id, new PersonId("pupil-1"), PartyRole.PUPIL, "letter"));
        at(at, board, new IncidentClosed(id, "Done"));

        List<IncidentDossier.TimelineEntry> timeline = DossierAssembler.assemble(events, EVERYTHING).timeline();

        assertThat(timeline).extracting(IncidentDossier.TimelineEntry::code).containsExactly("reported", "terms-recorded",
                "escalated-by-system", "deadline-set", "acknowledged", "strategy-agreed", "communications-notified",
                "escalated", "filed-with-police", "reported-to-inspector", "measure-imposed", "correspondence-recorded",
                "closed");
        assertThat(timeline.get(0).params()).containsExactly(entry("stage", "DERAILED"), entry("platform", "FACEBOOK"),
                entry("severity", "HIGH"), entry("harms", "THREATENING"));
        assertThat(timeline.get(2).params()).containsExactly(entry("level", "MANAGER"), entry("personId", "manager"),
                entry("cause", "REPORT"), entry("reason", Escalations.REPORTED));
        assertThat(timeline.get(3).params()).containsEntry("dueAt", "2026-11-02T11:00:00Z").containsEntry("personId", "manager");
        assertThat(timeline.get(4).params()).doesNotContainKey("note");
        assertThat(timeline.get(5).params()).containsEntry("elements", "INVOLVE_PARENTS,NO_ONLINE_REACTION")
                .containsEntry("agreedWith", "teacher");
        assertThat(timeline.get(7).params()).containsExactly(entry("level", "BOARD"), entry("reason", "The board decides"));
        assertThat(timeline.get(10).params()).containsExactly(entry("measure", "SUSPENSION"), entry("personId", "pupil-1"),
                entry("partyRole", "PUPIL"));
        // Each line's parameters are those its code declares (Line refuses others), and the English text stays.
        for (IncidentDossier.TimelineEntry entry : timeline) {
            assertThat(TimelineCode.of(entry.code()).parameters()).containsAll(entry.params().keySet());
            assertThat(entry.text()).isNotBlank();
        }
    }

    @Test
    void whatKeepsTheCaseIsShownToThoseWhoHandleIt() {
        Instant t = Instant.parse("2026-11-30T09:00:00Z");
        reported(t, TEACHER);
        at(t.plusSeconds(60), BOARD, new FiledWithPolice(id, "Threat", "PL-1"));
        at(t.plusSeconds(120), BOARD, new nl.incidents.kernel.incident.LegalHoldPlaced(id, "Claim of the parents"));
        at(t.plusSeconds(180), BOARD, new nl.incidents.kernel.incident.LegalHoldLifted(id, "Claim withdrawn"));
        at(t.plusSeconds(240), BOARD, new nl.incidents.kernel.incident.LegalHoldPlaced(id, "Inspectorate asked"));

        IncidentDossier dossier = DossierAssembler.assemble(events, EVERYTHING);

        assertThat(dossier.holds()).containsExactly(new IncidentDossier.HoldEntry("legal-hold", "Inspectorate asked"),
                new IncidentDossier.HoldEntry("police-report", null));
        assertThat(dossier.legalHolds()).containsExactly(
                new IncidentDossier.LegalHold(t.plusSeconds(120), BOARD, "Claim of the parents", t.plusSeconds(180),
                        BOARD, "Claim withdrawn"),
                new IncidentDossier.LegalHold(t.plusSeconds(240), BOARD, "Inspectorate asked", null, null, null));
        assertThat(dossier.timeline()).extracting(IncidentDossier.TimelineEntry::code).contains("legal-hold-placed",
                "legal-hold-lifted");

        at(t.plusSeconds(300), BOARD, new nl.incidents.kernel.incident.PoliceReportConcluded(id, "Dismissed"));
        IncidentDossier concluded = DossierAssembler.assemble(events, EVERYTHING);
        assertThat(concluded.holds()).extracting(IncidentDossier.HoldEntry::kind).containsExactly("legal-hold");
        assertThat(concluded.policeReportOutcomes()).extracting(IncidentDossier.Step::text).containsExactly("Dismissed");
        assertThat(lines(concluded)).contains("The police report ended: Dismissed");

        IncidentDossier reporters = DossierAssembler.assemble(events, Set.of(DerailingDiscussionReported.class));
        assertThat(reporters.holds()).isNull();
        assertThat(reporters.legalHolds()).isNull();
        assertThat(reporters.policeReportOutcomes()).isNull();
    }

    private void reported(Instant at, Actor by) {
        at(at, by, new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK, "https://facebook.com/x", "Threats",
                Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId("pupil-1"), PartyRole.PUPIL, Part.AUTHOR)),
                at.minus(Duration.ofHours(1)), by.id()));
    }

    private EscalationPolicyRecorded terms() {
        return new EscalationPolicyRecorded(id, EscalationPolicy.defaults().timingFor(Severity.HIGH), ClockMode.SCHOOL_TIME,
                Region.NORTH, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), false);
    }

    private void at(Instant at, Actor by, IncidentEvent event) {
        StoredEvent stored = new StoredEvent(events.size(), UUID.randomUUID().toString(), event.getClass().getSimpleName(),
                at, by, null, null, null, null);
        events.add(new StoredEvent.Read(stored, event));
    }

    private static List<String> lines(IncidentDossier dossier) {
        return dossier.timeline().stream().map(IncidentDossier.TimelineEntry::text).toList();
    }
}
