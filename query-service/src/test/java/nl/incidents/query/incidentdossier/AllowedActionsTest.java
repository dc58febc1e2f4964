package nl.incidents.query.incidentdossier;

import static nl.incidents.kernel.protocol.CaseAction.ACKNOWLEDGE;
import static nl.incidents.kernel.protocol.CaseAction.ADD_NEED_TO_KNOW_READER;
import static nl.incidents.kernel.protocol.CaseAction.LIFT_NEED_TO_KNOW;
import static nl.incidents.kernel.protocol.CaseAction.REMOVE_NEED_TO_KNOW_READER;
import static nl.incidents.kernel.protocol.CaseAction.RESTRICT_TO_NEED_TO_KNOW;
import static nl.incidents.kernel.protocol.CaseAction.AGREE_STRATEGY;
import static nl.incidents.kernel.protocol.CaseAction.ATTACH_EVIDENCE;
import static nl.incidents.kernel.protocol.CaseAction.CLOSE;
import static nl.incidents.kernel.protocol.CaseAction.DECLINE_POLICE_REPORT;
import static nl.incidents.kernel.protocol.CaseAction.ESCALATE_TO_NEXT_LEVEL;
import static nl.incidents.kernel.protocol.CaseAction.FILE_WITH_POLICE;
import static nl.incidents.kernel.protocol.CaseAction.IMPOSE_HEAVY_MEASURE;
import static nl.incidents.kernel.protocol.CaseAction.IMPOSE_LIGHT_MEASURE;
import static nl.incidents.kernel.protocol.CaseAction.LIFT_LEGAL_HOLD;
import static nl.incidents.kernel.protocol.CaseAction.NOTIFY_COMMUNICATIONS;
import static nl.incidents.kernel.protocol.CaseAction.PLACE_LEGAL_HOLD;
import static nl.incidents.kernel.protocol.CaseAction.RECORD_CORRESPONDENCE;
import static nl.incidents.kernel.protocol.CaseAction.RECORD_POLICE_REPORT_OUTCOME;
import static nl.incidents.kernel.protocol.CaseAction.REPORT_TO_INSPECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
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
import nl.incidents.kernel.incident.Part;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.protocol.CaseAction;
import nl.incidents.kernel.protocol.CaseProgress;
import org.junit.jupiter.api.Test;

/**
 * The actions the dossier offers its reader (the web module offers exactly these), per role and per
 * state of the case, as the kernel's rules give them.
 */
class AllowedActionsTest {

    private static final Actor TEACHER = new Actor(new PersonId("teacher"), ActorRole.STAFF);
    private static final Actor MANAGER = new Actor(new PersonId("manager"), ActorRole.MANAGER);
    private static final Actor OTHER_MANAGER = new Actor(new PersonId("manager2"), ActorRole.MANAGER);
    private static final Actor COMMS = new Actor(new PersonId("comms"), ActorRole.COMMUNICATIONS);
    private static final Actor BOARD = new Actor(new PersonId("board"), ActorRole.BOARD);

    private final IncidentId id = IncidentId.random();
    private final List<IncidentEvent> events = new ArrayList<>();

    @Test
    void whileTheCaseWaitsForTheManagerOnlyTheyAcknowledgeAndTheBoardMayTakeItUp() {
        reportedAndEscalatedToTheManager();

        assertThat(actionsOf(MANAGER)).containsExactly(ESCALATE_TO_NEXT_LEVEL, ACKNOWLEDGE, NOTIFY_COMMUNICATIONS,
                RECORD_CORRESPONDENCE, ATTACH_EVIDENCE);
        assertThat(actionsOf(BOARD)).containsExactly(ESCALATE_TO_NEXT_LEVEL, NOTIFY_COMMUNICATIONS, FILE_WITH_POLICE,
                DECLINE_POLICE_REPORT, REPORT_TO_INSPECTOR, RECORD_CORRESPONDENCE, PLACE_LEGAL_HOLD, ATTACH_EVIDENCE,
                RESTRICT_TO_NEED_TO_KNOW);
        assertThat(actionsOf(TEACHER)).as("the reporter").containsExactly(ATTACH_EVIDENCE);
        assertThat(actionsOf(COMMS)).isEmpty();
        assertThat(actionsOf(OTHER_MANAGER)).isEmpty();
    }

    @Test
    void onceAcknowledgedTheManagerHandlesItWithinTheirMandateAndTheBoardWithAllOfIt() {
        reportedAndEscalatedToTheManager();
        events.add(new EscalationAcknowledged(id, Assignee.manager(MANAGER.id()), "Calling the teacher"));

        assertThat(actionsOf(MANAGER)).containsExactly(ESCALATE_TO_NEXT_LEVEL, AGREE_STRATEGY, NOTIFY_COMMUNICATIONS,
                IMPOSE_LIGHT_MEASURE, RECORD_CORRESPONDENCE, CLOSE, ATTACH_EVIDENCE);
        assertThat(actionsOf(BOARD)).containsExactly(ESCALATE_TO_NEXT_LEVEL, AGREE_STRATEGY, NOTIFY_COMMUNICATIONS,
                FILE_WITH_POLICE, DECLINE_POLICE_REPORT, REPORT_TO_INSPECTOR, IMPOSE_LIGHT_MEASURE, IMPOSE_HEAVY_MEASURE,
                RECORD_CORRESPONDENCE, CLOSE, PLACE_LEGAL_HOLD, ATTACH_EVIDENCE,
                RESTRICT_TO_NEED_TO_KNOW);
        assertThat(actionsOf(TEACHER)).as("the reporter").containsExactly(ATTACH_EVIDENCE);
        assertThat(actionsOf(COMMS)).isEmpty();
    }

    @Test
    void stepsTakenOnceAreNotOfferedAgainAndTheBoardAcknowledgesACaseThatWentUp() {
        reportedAndEscalatedToTheManager();
        events.add(new EscalationAcknowledged(id, Assignee.manager(MANAGER.id()), null));
        events.add(new CommunicationsDepartmentNotified(id, "Threats on Facebook"));
        events.add(new IncidentEscalated(id, Assignee.board(), "The board decides"));
        events.add(new FiledWithPolice(id, "Threat", null));

        assertThat(actionsOf(BOARD)).containsExactly(ACKNOWLEDGE, FILE_WITH_POLICE, REPORT_TO_INSPECTOR,
                RECORD_CORRESPONDENCE, PLACE_LEGAL_HOLD, RECORD_POLICE_REPORT_OUTCOME, ATTACH_EVIDENCE,
                RESTRICT_TO_NEED_TO_KNOW);
        assertThat(actionsOf(MANAGER)).as("the case's manager keeps handling it with the board")
                .containsExactly(RECORD_CORRESPONDENCE, ATTACH_EVIDENCE);
    }

    @Test
    void aClosedCaseOffersTheBoardOnlyWhatKeepsItAndAPersonInvolvedNothing() {
        reportedAndEscalatedToTheManager();
        events.add(new EscalationAcknowledged(id, Assignee.manager(MANAGER.id()), null));
        Actor involvedBoardMember = new Actor(new PersonId("pupil-1"), ActorRole.BOARD);
        assertThat(actionsOf(involvedBoardMember)).isEmpty();

        events.add(new FiledWithPolice(id, "Threat", null));
        events.add(new IncidentClosed(id, "Posts removed"));
        assertThat(actionsOf(MANAGER)).isEmpty();
        assertThat(actionsOf(BOARD)).containsExactly(PLACE_LEGAL_HOLD, RECORD_POLICE_REPORT_OUTCOME,
                RESTRICT_TO_NEED_TO_KNOW);
        assertThat(actionsOf(involvedBoardMember)).isEmpty();

        events.add(new LegalHoldPlaced(id, "Claim of the parents"));
        events.add(new PoliceReportConcluded(id, "Dismissed"));
        assertThat(actionsOf(BOARD)).containsExactly(LIFT_LEGAL_HOLD, RESTRICT_TO_NEED_TO_KNOW);
    }

    @Test
    void aNeedToKnowCaseOffersItsManagerNothingUntilTheBoardAddsThem() {
        reportedAndEscalatedToTheManager();
        events.add(new EscalationAcknowledged(id, Assignee.manager(MANAGER.id()), null));
        events.add(new CaseRestrictedToNeedToKnow(id, "A colleague's private life"));

        assertThat(actionsOf(MANAGER)).isEmpty();
        assertThat(actionsOf(BOARD)).contains(LIFT_NEED_TO_KNOW, ADD_NEED_TO_KNOW_READER, REMOVE_NEED_TO_KNOW_READER)
                .doesNotContain(RESTRICT_TO_NEED_TO_KNOW);

        events.add(new NeedToKnowReaderAdded(id, MANAGER.id()));
        assertThat(actionsOf(MANAGER)).containsExactly(ESCALATE_TO_NEXT_LEVEL, AGREE_STRATEGY, NOTIFY_COMMUNICATIONS,
                IMPOSE_LIGHT_MEASURE, RECORD_CORRESPONDENCE, CLOSE, ATTACH_EVIDENCE);
        // The reporter, neither board nor added, keeps only the reporter's view: no step, not even evidence.
        assertThat(actionsOf(TEACHER)).isEmpty();
    }

    private List<CaseAction> actionsOf(Actor viewer) {
        return IncidentDossierQueries.allowedActions(viewer, CaseProgress.of(id, events));
    }

    private void reportedAndEscalatedToTheManager() {
        events.add(new DerailingDiscussionReported(id, "school-1", Platform.FACEBOOK, "https://facebook.com/x", "Threats",
                Stage.DERAILED, Set.of(Harm.THREATENING), Severity.HIGH,
                List.of(new InvolvedParty(new PersonId("pupil-1"), PartyRole.PUPIL, Part.AUTHOR)),
                Instant.parse("2026-11-02T08:00:00Z"), TEACHER.id()));
        events.add(new IncidentEscalated(id, Assignee.manager(MANAGER.id()), "Reported"));
    }
}
