package nl.incidents.command.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Locale;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.escalation.EscalationRules;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DeclinePoliceReport;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.MarkStepOverdue;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.RecordCorrespondence;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ReportToConfidentialInspector;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.Attempt;
import nl.incidents.kernel.protocol.CaseAction;
import nl.incidents.kernel.protocol.CasePolicies;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.OpenStep;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One reported derailing discussion, from report to closure. Each command handler checks who may
 * act ({@link CasePolicies}) before the state of the case, so that someone without a right to the
 * case learns nothing of it, then the input and the state, and refuses with a reason a person
 * understands; the event sourcing handler only folds the event into the case's {@link CaseProgress}.
 */
@Aggregate
class Incident {

    @AggregateIdentifier
    private IncidentId incidentId;
    private CaseProgress progress;

    Incident() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ReportDerailingDiscussion command, Actor reporter, EscalationRules rules,
                   OrganisationDirectory directory) {
        DerailingDiscussionReported reported = command.toEvent(reporter.id());
        EscalationPolicyRecorded terms = rules.termsFor(reported); // refuses an unknown school
        CasePolicies.check(new Attempt(CaseAction.REPORT, reporter, directory.schoolsOf(reporter.id()),
                CaseProgress.of(command.incidentId()).next(reported)));
        if (command.harms().isEmpty()) {
            throw RequestRefused.invalid("harms", "Name at least one kind of harm the discussion does.");
        }
        if (command.involvedParties().stream().map(InvolvedParty::personId).distinct().count()
                != command.involvedParties().size()) {
            throw RequestRefused.invalid("involvedParties", "Each person may be listed once among the involved parties.");
        }
        if (progress != null) {
            if (progress.report().equals(reported)) {
                return false; // the same report sent again: nothing new to store
            }
            throw RequestRefused.conflict("Incident " + incidentId + " was already reported with other content. "
                    + "Leave out incidentId, or choose a new one, to report another discussion.");
        }
        apply(reported);
        apply(terms);
        Instant now = now();
        Step.dueOnReport(reported, terms.legalDuty()).forEach(step -> setDeadline(rules, step, now));
        return true;
    }

    @CommandHandler
    void handle(EscalateToManager command, Actor actor, EscalationRules rules) {
        check(CaseAction.ESCALATE_TO_MANAGER, actor);
        boolean managerInvolved = command.manager() != null && !CasePolicies.mayHold(command.manager(), progress);
        Assignee to = command.manager() == null || managerInvolved || progress.skipsManager()
                ? Assignee.board() : Assignee.manager(command.manager());
        if (to.equals(progress.assignee()) || (actor.role() == ActorRole.SYSTEM && progress.assignee() != null)) {
            // Already with this assignee; or the system's escalation on the report arrives after someone
            // already moved the case on (or is replayed): it must not pull the case back.
            return;
        }
        refuseWhenClosed();
        String reason = command.reason();
        if (to.level() == EscalationLevel.BOARD && progress.legalDuty()) {
            reason = "Straight to the board, as the protocol requires for a case of this kind.";
        } else if (managerInvolved) {
            reason = "Straight to the board: the school's manager is involved in the discussion, and a person "
                    + "involved does not handle the case.";
        }
        escalate(rules, to, reason);
    }

    @CommandHandler
    void handle(EscalateToNextLevel command, Actor actor, EscalationRules rules) {
        check(CaseAction.ESCALATE_TO_NEXT_LEVEL, actor);
        refuseWhenClosed();
        // Asked for before the escalation on the report has run: the level above the manager is the board.
        Assignee holder = progress.assignee();
        EscalationLevel next = holder == null ? EscalationLevel.BOARD : progress.levelAbove(holder.level());
        if (next == null) {
            throw RequestRefused.conflict("The case is already with the board, the highest level.");
        }
        escalate(rules, new Assignee(next, null), command.reason());
    }

    @CommandHandler
    void handle(MarkStepOverdue command, Actor actor, EscalationRules rules) {
        check(CaseAction.MARK_STEP_OVERDUE, actor);
        OpenStep step = progress.openStep(command.step());
        if (progress.closed() || step == null || !step.hasDeadlineAt(command.dueAt())) {
            return; // taken, replaced or closed in the meantime, or acted on already: nothing is overdue
        }
        Assignee holder = progress.assignee();
        if (step.reminders() == 0) {
            apply(new StepOverdue(incidentId, step.step(), step.dueAt(), step.step() == Step.ACKNOWLEDGE ? holder : null));
        }
        EscalationLevel above = holder == null ? null : progress.levelAbove(holder.level());
        if (step.step() == Step.NOTIFY_COMMUNICATIONS) {
            apply(new CommunicationsDepartmentNotified(incidentId, "Notified by the system: the communications "
                    + "department had not been informed by " + step.dueAt() + ", when it was due."));
        } else if (step.step() == Step.ACKNOWLEDGE && step.reminders() == 0 && above != null) {
            escalate(rules, new Assignee(above, null),
                    holder.describe() + " did not acknowledge the case by " + step.dueAt() + ", when it was due.");
        } else {
            int reminder = step.reminders() + 1;
            apply(new BoardReminded(incidentId, step.step(), reminder));
            apply(new DeadlineSet(incidentId, step.step(), rules.nextReminder(progress.terms(), now()), reminder));
        }
    }

    @CommandHandler
    void handle(AcknowledgeEscalation command, Actor actor) {
        check(CaseAction.ACKNOWLEDGE, actor);
        refuseWhenClosed();
        if (progress.status() != IncidentStatus.ESCALATED) {
            throw RequestRefused.conflict(progress.assignee() == null
                    ? "The case has not been escalated yet, so there is nothing to acknowledge."
                    : "Nothing waits for an acknowledgement: the case was acknowledged already.");
        }
        apply(new EscalationAcknowledged(incidentId, progress.assignee(), command.note()));
    }

    @CommandHandler
    void handle(AgreeResponseStrategy command, Actor actor) {
        check(CaseAction.AGREE_STRATEGY, actor);
        if (command.elements().isEmpty()) {
            throw RequestRefused.invalid("elements", "Name at least one element of the strategy.");
        }
        refuseWhenClosed();
        refuseWhileAwaitingAcknowledgement("agree a strategy");
        apply(new ResponseStrategyAgreed(incidentId, command.elements(), command.description(), progress.reporter()));
    }

    @CommandHandler
    void handle(NotifyCommunicationsDepartment command, Actor actor) {
        check(CaseAction.NOTIFY_COMMUNICATIONS, actor);
        refuseWhenClosed();
        if (progress.communicationsNotified()) {
            throw RequestRefused.conflict("The communications department has already been notified of this case.");
        }
        apply(new CommunicationsDepartmentNotified(incidentId, command.message()));
    }

    @CommandHandler
    void handle(FileWithPolice command, Actor actor) {
        check(CaseAction.FILE_WITH_POLICE, actor);
        refuseWhenClosed();
        apply(new FiledWithPolice(incidentId, command.offence(), command.policeReference()));
    }

    @CommandHandler
    void handle(DeclinePoliceReport command, Actor actor) {
        check(CaseAction.DECLINE_POLICE_REPORT, actor);
        refuseWhenClosed();
        if (progress.policeDecided()) {
            throw RequestRefused.conflict("The board already decided on a police report in this case.");
        }
        if (progress.isOpen(Step.INSPECTOR_CONSULTATION)) {
            throw RequestRefused.conflict("Consult the national confidential inspector first: under the legal duty, "
                    + "the decision on a police report follows that consultation.");
        }
        apply(new PoliceReportDeclined(incidentId, command.reason()));
    }

    @CommandHandler
    void handle(ReportToConfidentialInspector command, Actor actor) {
        check(CaseAction.REPORT_TO_INSPECTOR, actor);
        if (progress.partyRole(command.staffMember()).orElse(null) != PartyRole.STAFF) {
            throw RequestRefused.invalid("personId", command.staffMember()
                    + " is not a staff member involved in this case; the inspector hears of staff members' communication.");
        }
        refuseWhenClosed();
        apply(new ReportedToConfidentialInspector(incidentId, command.staffMember(), command.summary(),
                command.inspectorReference()));
    }

    @CommandHandler
    void handle(ImposeMeasure command, Actor actor) {
        check(CaseAction.imposing(command.measure()), actor);
        PartyRole role = involved(command.personId());
        if (!command.measure().fits(role)) {
            throw RequestRefused.invalid("measure", command.measure() + " is not a measure for a "
                    + role.name().toLowerCase(Locale.ROOT) + ".");
        }
        refuseWhenClosed();
        refuseWhileAwaitingAcknowledgement("impose a measure");
        apply(new MeasureImposed(incidentId, command.personId(), role, command.measure(), command.reason()));
    }

    @CommandHandler
    void handle(RecordCorrespondence command, Actor actor) {
        check(CaseAction.RECORD_CORRESPONDENCE, actor);
        PartyRole role = involved(command.personId());
        refuseWhenClosed();
        apply(new CorrespondenceRecorded(incidentId, command.personId(), role, command.summary()));
    }

    @CommandHandler
    void handle(CloseIncident command, Actor actor) {
        check(CaseAction.CLOSE, actor);
        refuseWhenClosed();
        refuseWhileAwaitingAcknowledgement("close the case");
        if (progress.legalDuty()
                && (progress.isOpen(Step.INSPECTOR_CONSULTATION) || progress.isOpen(Step.POLICE_DECISION))) {
            throw RequestRefused.conflict("The legal duty holds this case open: the board must consult the national "
                    + "confidential inspector and decide on a police report before it closes.");
        }
        apply(new IncidentClosed(incidentId, command.outcome()));
    }

    private void check(CaseAction action, Actor actor) {
        CasePolicies.check(Attempt.of(action, actor, progress));
    }

    private void escalate(EscalationRules rules, Assignee to, String reason) {
        apply(new IncidentEscalated(incidentId, to, reason));
        setDeadline(rules, Step.ACKNOWLEDGE, now());
    }

    private void setDeadline(EscalationRules rules, Step step, Instant from) {
        if (progress.timed()) {
            apply(new DeadlineSet(incidentId, step, rules.due(progress.terms(), step, from), 0));
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private void refuseWhenClosed() {
        if (progress.closed()) {
            throw RequestRefused.conflict("Incident " + incidentId + " is closed; nothing more can be done in it.");
        }
    }

    private void refuseWhileAwaitingAcknowledgement(String what) {
        if (progress.awaitingAcknowledgement()) {
            throw RequestRefused.conflict("The case still waits for " + (progress.assignee() == null ? "escalation"
                    : "an acknowledgement by " + progress.assignee().describe()) + "; acknowledge it before you "
                    + what + ".");
        }
    }

    private PartyRole involved(PersonId person) {
        return progress.partyRole(person).orElseThrow(() ->
                RequestRefused.invalid("personId", person + " is not involved in this case."));
    }

    @EventSourcingHandler
    void on(IncidentEvent event) {
        incidentId = event.incidentId();
        progress = (progress == null ? CaseProgress.of(event.incidentId()) : progress).next(event);
    }
}
