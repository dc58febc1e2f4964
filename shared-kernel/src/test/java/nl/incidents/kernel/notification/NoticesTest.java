package nl.incidents.kernel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
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
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.Timing;
import nl.incidents.kernel.notification.Notice.Kind;
import nl.incidents.kernel.protocol.CaseProgress;
import org.junit.jupiter.api.Test;

/** Who hears of each escalation, reminder and notification of a case, and what the message says and leaves out. */
class NoticesTest {

    private static final PersonId MANAGER = new PersonId("e1000");
    private static final PersonId TEACHER = new PersonId("e1234");
    private static final String SUMMARY = "Parent of Jan threatens Ms. de Vries";
    private static final String LOCATION = "https://www.facebook.com/groups/ouders-de-esch/posts/1";
    private static final PersonId PUPIL = new PersonId("pupil-4711");
    private static final Instant REPORTED = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant COMMS_DUE = Instant.parse("2026-11-20T11:00:00Z");
    private static final Instant MANAGER_DUE = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant BOARD_DUE = Instant.parse("2026-11-20T11:00:00Z");

    private final OrganisationDirectory directory = new OrganisationDirectory("Stichting Voorbeeld",
            List.of(new School("obs-de-esch", "OBS De Esch", Region.NORTH)),
            List.of(new Member(TEACHER, "T. de Vries", "t@example.nl", ActorRole.STAFF, Set.of("obs-de-esch")),
                    new Member(MANAGER, "M. Jansen", "m@example.nl", ActorRole.MANAGER, Set.of("obs-de-esch")),
                    new Member(new PersonId("e0002"), "Communicatie", "c@example.nl", ActorRole.COMMUNICATIONS, Set.of()),
                    new Member(new PersonId("e0001"), "Bestuurder", "b1@example.nl", ActorRole.BOARD, Set.of()),
                    new Member(new PersonId("e0003"), "Lid CvB", "b2@example.nl", ActorRole.BOARD, Set.of())));
    private final Notices notices = new Notices(directory, "https://incidents.example.nl/");
    private final IncidentId id = IncidentId.random();

    @Test
    void aReportTellsTheSchoolsManagerOnceWithTheDeadlineToAcknowledge() {
        List<Notice> told = run(reported(false), terms(false), deadline(Step.NOTIFY_COMMUNICATIONS, COMMS_DUE),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "Reported: the manager hears of it at once."),
                deadline(Step.ACKNOWLEDGE, MANAGER_DUE));

        assertThat(told).singleElement().satisfies(notice -> {
            assertThat(notice.recipient()).isEqualTo(MANAGER);
            assertThat(notice.kind()).isEqualTo(Kind.ESCALATION);
            assertThat(notice.facts()).isEqualTo(new NoticeFacts(Kind.ESCALATION, id, "obs-de-esch", "OBS De Esch",
                    EscalationLevel.MANAGER, Step.ACKNOWLEDGE, MANAGER_DUE, null, 0, false, false));
            assertThat(subject(notice)).isEqualTo("Incident " + id + ": escalated to you, acknowledge by 2026-11-20 11:00 CET");
            assertThat(text(notice)).contains("Incident " + id + " at OBS De Esch (obs-de-esch) has been escalated to you.")
                    .contains("Step: acknowledge the case, due 2026-11-20 11:00 CET.")
                    .contains("Dossier: https://incidents.example.nl/cases/" + id);
        });
    }

    @Test
    void aMissedAcknowledgementTellsEveryBoardMemberAndTheManagerOnceEach() {
        List<Notice> told = run(reported(false), terms(false), deadline(Step.NOTIFY_COMMUNICATIONS, COMMS_DUE),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "reported"), deadline(Step.ACKNOWLEDGE, MANAGER_DUE),
                new StepOverdue(id, Step.ACKNOWLEDGE, MANAGER_DUE, Assignee.manager(MANAGER)),
                new IncidentEscalated(id, Assignee.board(), "manager e1000 did not acknowledge the case"),
                deadline(Step.ACKNOWLEDGE, BOARD_DUE));

        List<Notice> afterMiss = told.subList(1, told.size());
        assertThat(afterMiss).extracting(Notice::recipient)
                .containsExactly(new PersonId("e0001"), new PersonId("e0003"), MANAGER);
        assertThat(afterMiss.get(0).kind()).isEqualTo(Kind.ESCALATION);
        assertThat(subject(afterMiss.get(0))).isEqualTo("Incident " + id
                + ": escalated to the board, acknowledge by 2026-11-20 12:00 CET");
        assertThat(text(afterMiss.get(0))).contains("has been escalated to the board.")
                .contains("It was not acknowledged by 2026-11-20 11:00 CET, when that was due.")
                .contains("Step: acknowledge the case, due 2026-11-20 12:00 CET.")
                .doesNotContain("legal duty");
        assertThat(afterMiss.get(2).kind()).isEqualTo(Kind.ESCALATED_TO_BOARD);
        assertThat(subject(afterMiss.get(2))).isEqualTo("Incident " + id + ": went up to the board");
        assertThat(text(afterMiss.get(2))).contains("went up to the board.")
                .contains("It was not acknowledged by 2026-11-20 11:00 CET")
                .contains("https://incidents.example.nl/cases/" + id);
    }

    @Test
    void theBoardIsRemindedOfTheOverdueStepWithItsDueTimeAndTheReminderNumber() {
        Instant policeDue = Instant.parse("2026-11-20T13:00:00Z");
        List<Notice> told = run(reported(false), terms(false), deadline(Step.POLICE_DECISION, policeDue),
                new StepOverdue(id, Step.POLICE_DECISION, policeDue, null),
                new BoardReminded(id, Step.POLICE_DECISION, 1),
                new DeadlineSet(id, Step.POLICE_DECISION, policeDue.plusSeconds(3600), 1),
                new BoardReminded(id, Step.POLICE_DECISION, 2));

        assertThat(told).extracting(Notice::recipient).containsExactly(new PersonId("e0001"), new PersonId("e0003"),
                new PersonId("e0001"), new PersonId("e0003"));
        assertThat(told).allSatisfy(n -> assertThat(n.kind()).isEqualTo(Kind.REMINDER));
        assertThat(subject(told.get(2))).isEqualTo("Incident " + id + ": reminder 2, decide on a police report is overdue");
        assertThat(text(told.get(2))).contains("Step: decide on a police report, due 2026-11-20 14:00 CET.")
                .contains("This is reminder 2.");
    }

    @Test
    void theSystemInformingCommunicationsTellsTheDepartmentAndTheManager() {
        List<Notice> told = run(reported(false), terms(false), deadline(Step.NOTIFY_COMMUNICATIONS, COMMS_DUE),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "reported"), deadline(Step.ACKNOWLEDGE, MANAGER_DUE),
                new EscalationAcknowledged(id, Assignee.manager(MANAGER), "calling"),
                new StepOverdue(id, Step.NOTIFY_COMMUNICATIONS, COMMS_DUE, null),
                new CommunicationsDepartmentNotified(id, "Notified by the system"));

        List<Notice> onNotification = told.subList(1, told.size());
        assertThat(onNotification).extracting(Notice::recipient, Notice::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new PersonId("e0002"), Kind.COMMUNICATIONS),
                org.assertj.core.groups.Tuple.tuple(MANAGER, Kind.COMMUNICATIONS_BY_SYSTEM));
        assertThat(text(onNotification.get(0))).contains("The communications department is informed of incident " + id)
                .contains("Step: inform the communications department, due 2026-11-20 12:00 CET: taken by the system");
        assertThat(subject(onNotification.get(1))).isEqualTo("Incident " + id
                + ": the system informed the communications department");
    }

    @Test
    void theManagerInformingCommunicationsTellsTheDepartmentOnly() {
        List<Notice> told = run(reported(false), terms(false), deadline(Step.NOTIFY_COMMUNICATIONS, COMMS_DUE),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "reported"), deadline(Step.ACKNOWLEDGE, MANAGER_DUE),
                new CommunicationsDepartmentNotified(id, "Jan's father threatens Ms. de Vries"));

        assertThat(told.subList(1, told.size())).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo(new PersonId("e0002"));
            assertThat(text(n)).contains(": taken.").doesNotContain("system").doesNotContain("Jan");
        });
    }

    @Test
    void underTheLegalDutyTheBoardHearsThatItApplies() {
        List<Notice> told = run(reported(true), terms(true), deadline(Step.NOTIFY_COMMUNICATIONS, COMMS_DUE),
                new IncidentEscalated(id, Assignee.board(), "legal duty"), deadline(Step.ACKNOWLEDGE, BOARD_DUE));

        // Straight to the board: the case never had a manager to tell.
        assertThat(told).extracting(Notice::recipient).containsExactly(new PersonId("e0001"), new PersonId("e0003"));
        assertThat(subject(told.get(0))).contains("escalated to the board, legal duty applies");
        assertThat(text(told.get(0))).contains("The legal duty of art. 4a WOT applies");
    }

    @Test
    void ofANeedToKnowCaseOnlyTheBoardAndThePeopleItAddedAreTold() {
        List<Notice> told = run(reported(true), terms(true), deadline(Step.NOTIFY_COMMUNICATIONS, COMMS_DUE),
                new IncidentEscalated(id, Assignee.board(), "legal duty"), deadline(Step.ACKNOWLEDGE, BOARD_DUE),
                new CommunicationsDepartmentNotified(id, "Informed by the board"),
                new NeedToKnowReaderAdded(id, MANAGER),
                new StepOverdue(id, Step.NOTIFY_COMMUNICATIONS, COMMS_DUE, null));

        // The communications department, informed of a legal-duty case, hears nothing of it; the manager hears that
        // the board added them, in words that name no one involved.
        assertThat(told).extracting(Notice::recipient, Notice::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new PersonId("e0001"), Kind.ESCALATION),
                org.assertj.core.groups.Tuple.tuple(new PersonId("e0003"), Kind.ESCALATION),
                org.assertj.core.groups.Tuple.tuple(MANAGER, Kind.NEED_TO_KNOW_READER_ADDED));
        Notice added = told.get(2);
        assertThat(subject(added)).isEqualTo("Incident " + id + ": you were added to a confidential case");
        assertThat(NoticeTexts.subject(added.facts(), NoticeTexts.DUTCH))
                .isEqualTo("Melding " + id + ": u bent toegevoegd aan een vertrouwelijke zaak");
        assertThat(text(added)).contains("The board added you to the confidential incident " + id
                + " at OBS De Esch (obs-de-esch)").contains("https://incidents.example.nl/cases/" + id);

        CaseProgress marked = CaseProgress.of(id, List.of(reported(false), terms(false),
                new CaseRestrictedToNeedToKnow(id, "A colleague's private life")));
        assertThat(notices.mayBeTold(new PersonId("e0001"), marked)).isTrue();
        assertThat(notices.mayBeTold(MANAGER, marked)).isFalse();
        assertThat(notices.mayBeTold(MANAGER, marked.next(new NeedToKnowReaderAdded(id, MANAGER)))).isTrue();
        assertThat(notices.mayBeTold(MANAGER, CaseProgress.of(id, List.of(reported(false), terms(false))))).isTrue();
    }

    @Test
    void aCaseWithoutDeadlinesIsToldOnTheEscalationItself() {
        List<Notice> told = run(reported(false), new IncidentEscalated(id, Assignee.manager(MANAGER), "reported"));

        assertThat(told).singleElement().satisfies(n -> {
            assertThat(subject(n)).isEqualTo("Incident " + id + ": escalated to you");
            assertThat(text(n)).contains("Step: acknowledge the case.");
        });
    }

    @Test
    void aCaseSentBackToAManagerDoesNotCarryTheBoardsMissedDeadline() {
        List<Notice> told = run(reported(false), terms(false),
                new IncidentEscalated(id, Assignee.board(), "up"), deadline(Step.ACKNOWLEDGE, BOARD_DUE),
                new StepOverdue(id, Step.ACKNOWLEDGE, BOARD_DUE, Assignee.board()),
                new BoardReminded(id, Step.ACKNOWLEDGE, 1),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "the board sends it back"),
                deadline(Step.ACKNOWLEDGE, BOARD_DUE.plusSeconds(3600)));

        Notice toManager = told.get(told.size() - 1);
        assertThat(toManager.recipient()).isEqualTo(MANAGER);
        assertThat(toManager.kind()).isEqualTo(Kind.ESCALATION);
        assertThat(text(toManager)).doesNotContain("not acknowledged");
    }

    @Test
    void someoneWhoIsNotInTheDirectoryIsToldNothing() {
        List<Notice> told = run(reported(false), terms(false),
                new IncidentEscalated(id, Assignee.manager(new PersonId("left-the-board")), "reported"),
                deadline(Step.ACKNOWLEDGE, MANAGER_DUE));

        assertThat(told).isEmpty();
    }

    @Test
    void noMessageNamesThePeopleInvolvedOrWhatHappened() {
        List<Notice> told = run(reported(false), terms(false), deadline(Step.NOTIFY_COMMUNICATIONS, COMMS_DUE),
                new IncidentEscalated(id, Assignee.manager(MANAGER), "Jan's father: call him"),
                deadline(Step.ACKNOWLEDGE, MANAGER_DUE),
                new StepOverdue(id, Step.ACKNOWLEDGE, MANAGER_DUE, Assignee.manager(MANAGER)),
                new IncidentEscalated(id, Assignee.board(), "Jan's father again"), deadline(Step.ACKNOWLEDGE, BOARD_DUE),
                new StepOverdue(id, Step.NOTIFY_COMMUNICATIONS, COMMS_DUE, null),
                new CommunicationsDepartmentNotified(id, "Jan's father threatens Ms. de Vries"),
                new StepOverdue(id, Step.ACKNOWLEDGE, BOARD_DUE, Assignee.board()),
                new BoardReminded(id, Step.ACKNOWLEDGE, 1),
                new CaseRestrictedToNeedToKnow(id, "Jan's father is a colleague"),
                new NeedToKnowReaderAdded(id, MANAGER));

        assertThat(told).extracting(Notice::kind).contains(Kind.values());
        for (Notice notice : told) {
            String all = subject(notice) + "\n" + text(notice) + "\n" + NoticeTexts.subject(notice.facts(), NoticeTexts.DUTCH)
                    + "\n" + NoticeTexts.mailText(notice.facts(), NoticeTexts.DUTCH, notices.link(id)) + "\n" + notice.facts();
            assertThat(all).doesNotContain(SUMMARY).doesNotContain(LOCATION).doesNotContain("facebook")
                    .doesNotContain(PUPIL.value()).doesNotContain(TEACHER.value()).doesNotContain("Jan")
                    .doesNotContain("de Vries").doesNotContain("M. Jansen").doesNotContainIgnoringCase("threat")
                    .doesNotContainIgnoringCase("sexual");
        }
    }

    @Test
    void onlyEscalationsRemindersAndNotificationsCanConcernAnyone() {
        assertThat(Notices.mayConcernAnyone(reported(false))).isFalse();
        assertThat(Notices.mayConcernAnyone(new StepOverdue(id, Step.ACKNOWLEDGE, MANAGER_DUE, null))).isFalse();
        assertThat(Notices.mayConcernAnyone(new BoardReminded(id, Step.ACKNOWLEDGE, 1))).isTrue();
        assertThat(notices.of(deadline(Step.NOTIFY_COMMUNICATIONS, COMMS_DUE), CaseProgress.of(id))).isEmpty();
    }

    /** The subject as an English mail gives it. */
    private static String subject(Notice notice) {
        return NoticeTexts.subject(notice.facts(), Locale.ENGLISH);
    }

    /** The text as an English mail gives it, with the case's link. */
    private String text(Notice notice) {
        return NoticeTexts.mailText(notice.facts(), Locale.ENGLISH, notices.link(notice.incidentId()));
    }

    /** Feeds the events in order, each with where the case stood before it, as a consumer does. */
    private List<Notice> run(IncidentEvent... events) {
        List<Notice> told = new ArrayList<>();
        CaseProgress facts = CaseProgress.of(id);
        for (IncidentEvent event : events) {
            told.addAll(notices.of(event, facts));
            facts = facts.next(event);
        }
        assertThat(CaseProgress.of(id, List.of(events))).isEqualTo(facts);
        return told;
    }

    private DerailingDiscussionReported reported(boolean sexualOffence) {
        return new DerailingDiscussionReported(id, "obs-de-esch", Platform.FACEBOOK, LOCATION, SUMMARY, Stage.DERAILED,
                sexualOffence ? Set.of(Harm.SEXUAL_IMAGES_OF_MINORS) : Set.of(Harm.THREATENING), Severity.HIGH,
                List.of(new InvolvedParty(PUPIL, PartyRole.PUPIL, Part.TARGET)), REPORTED, TEACHER);
    }

    private EscalationPolicyRecorded terms(boolean legalDuty) {
        Duration hour = Duration.ofHours(1);
        return new EscalationPolicyRecorded(id, new Timing(hour, hour, hour, hour, hour), ClockMode.SCHOOL_TIME,
                Region.NORTH, List.of(EscalationLevel.MANAGER, EscalationLevel.BOARD), legalDuty);
    }

    private DeadlineSet deadline(Step step, Instant dueAt) {
        return new DeadlineSet(id, step, dueAt, 0);
    }
}
