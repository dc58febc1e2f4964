package nl.incidents.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.CaseProgress;
import org.junit.jupiter.api.Test;

/** Who reads what of a case, without Spring or a store: the rules behind the list and the dossiers. */
class CaseAccessTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Actor COMMS = new Actor(new PersonId("comms"), ActorRole.COMMUNICATIONS);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    private final CaseAccess access = new CaseAccess(new OrganisationDirectory("Board", List.of(
            new School("school-1", "School 1", Region.NORTH)), List.of(
            new Member(TEACHER.id(), "T", "t@example.nl", ActorRole.STAFF, Set.of("school-1")),
            new Member(MANAGER.id(), "M", "m@example.nl", ActorRole.MANAGER, Set.of("school-1")),
            new Member(COMMS.id(), "C", "c@example.nl", ActorRole.COMMUNICATIONS, Set.of()),
            new Member(BOARD.id(), "B", "b@example.nl", ActorRole.BOARD, Set.of()))));

    @Test
    void theCasesHandlersReadEverythingIncludingItsTiming() {
        for (Actor handler : List.of(MANAGER, BOARD)) {
            assertThat(access.dossierEventsFor(handler)).contains(MeasureImposed.class, CorrespondenceRecorded.class,
                    ReportedToConfidentialInspector.class, DeadlineSet.class, StepOverdue.class);
            assertThat(access.seesTiming(handler)).isTrue();
        }
    }

    @Test
    void theReporterAndTheCommunicationsDepartmentReadTheCourseOfTheCaseWithoutItsTiming() {
        assertThat(access.dossierEventsFor(TEACHER)).contains(DerailingDiscussionReported.class, IncidentEscalated.class)
                .doesNotContain(MeasureImposed.class, FiledWithPolice.class, DeadlineSet.class);
        assertThat(access.dossierEventsFor(COMMS)).contains(FiledWithPolice.class)
                .doesNotContain(MeasureImposed.class, ReportedToConfidentialInspector.class, DeadlineSet.class,
                        StepOverdue.class);
        assertThat(access.seesTiming(TEACHER)).isFalse();
        assertThat(access.seesTiming(COMMS)).isFalse();
    }

    @Test
    void aManagerNamedInTheDiscussionReadsNothingOfItButWhatTheyReported() {
        CaseProgress managerIsAuthor = reported(TEACHER, MANAGER.id());

        assertThat(CaseAccess.aPersonInvolvedReadsOnlyWhatTheyReported(MANAGER, managerIsAuthor)).isTrue();
        assertThat(access.dossierEventsFor(MANAGER, managerIsAuthor)).isEqualTo(access.dossierEventsFor(TEACHER));
        assertThat(CaseAccess.aPersonInvolvedReadsOnlyWhatTheyReported(BOARD, managerIsAuthor)).isFalse();
        assertThat(access.dossierEventsFor(BOARD, managerIsAuthor)).isEqualTo(access.dossierEventsFor(BOARD));
        assertThat(CaseAccess.aPersonInvolvedReadsOnlyWhatTheyReported(Actor.SYSTEM, reported(TEACHER, Actor.SYSTEM.id())))
                .isFalse();
    }

    @Test
    void onlyTheBoardReviewsTheHistoryAndNotOfACaseThatNamesThem() {
        CaseProgress someoneElse = reported(TEACHER, new PersonId("pupil-1"));
        assertThat(access.mayReviewHistory(BOARD, someoneElse)).isTrue();
        assertThat(access.mayReviewHistory(MANAGER, someoneElse)).isFalse();
        assertThat(access.mayReviewHistory(COMMS, someoneElse)).isFalse();
        assertThat(access.mayReviewHistory(BOARD, reported(TEACHER, BOARD.id()))).isFalse();
    }

    @Test
    void theListsConditionNamesTheViewersSchoolsAndLeavesOutTheCasesThatNameThem() {
        CaseAccess.Filter manager = access.fullView(MANAGER);
        assertThat(manager.where()).contains("school_id IN (?)").contains("NOT EXISTS").contains("incident_party");
        assertThat(manager.parameters()).containsExactly("manager", "manager", "school-1", "manager", "manager");
        assertThat(manager.where()).contains("need_to_know = FALSE").contains("need_to_know_reader");
        assertThat(access.listFilter(MANAGER).where()).endsWith(" OR reported_by = ?)");
        assertThat(access.listFilter(Actor.SYSTEM).where()).isEqualTo("1 = 1");
    }

    private static CaseProgress reported(Actor reporter, PersonId involved) {
        IncidentId id = IncidentId.random();
        return CaseProgress.of(id, List.of(new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK,
                        "https://facebook.com/x", "Posts", Stage.DERAILED, Set.of(Harm.INSULTING), Severity.MEDIUM,
                        List.of(new InvolvedParty(involved, PartyRole.STAFF, Part.AUTHOR)), Instant.parse("2026-11-02T09:00:00Z"),
                        reporter.id()),
                new IncidentEscalated(id, Assignee.board(), null)));
    }
}
