package nl.incidents.command.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.escalation.EscalationRules;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.AttachEvidence;
import nl.incidents.kernel.incident.AddNeedToKnowReader;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.LiftNeedToKnow;
import nl.incidents.kernel.incident.NeedToKnowLifted;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.NeedToKnowReaderRemoved;
import nl.incidents.kernel.incident.RemoveNeedToKnowReader;
import nl.incidents.kernel.incident.RestrictToNeedToKnow;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DeclinePoliceReport;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EraseCase;
import nl.incidents.kernel.incident.ErasePersonFromCase;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.EvidenceAttached;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.LegalHoldLifted;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.LiftLegalHold;
import nl.incidents.kernel.incident.MarkStepOverdue;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.PlaceLegalHold;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.RecordCorrespondence;
import nl.incidents.kernel.incident.RecordPoliceReportOutcome;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ReportToConfidentialInspector;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.privacy.ErasureRequests;
import nl.incidents.kernel.protocol.Attempt;
import nl.incidents.kernel.protocol.CaseAction;
import nl.incidents.kernel.protocol.CasePolicies;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.CaseStates;
import nl.incidents.kernel.protocol.Escalations;
import nl.incidents.kernel.protocol.NeedToKnow;
import nl.incidents.kernel.protocol.OpenStep;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
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
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ReportDerailingDiscussion command, Actor reporter, EscalationRules rules,
                   OrganisationDirectory directory) {
        DerailingDiscussionReported reported = command.toEvent(reporter.id());
        EscalationPolicyRecorded terms = rules.termsFor(reported); // refuses an unknown school
        CasePolicies.check(new Attempt(CaseAction.REPORT, reporter, directory.schoolsOf(reporter.id()),
                CaseProgress.of(command.incidentId()).next(reported)));
        command.validate();
        if (progress != null) {
            if (progress.report().equals(reported)) {
                return false; // the same report sent again: nothing new to store
            }
            throw RequestRefused.conflict("report.other-content", "Incident " + incidentId + " was already reported with other content. "
                    + "Leave out incidentId, or choose a new one, to report another discussion.");
        }
        apply(reported, MetaData.with(Escalations.ESCALATED_ON_REPORT_KEY, "true"));
        apply(terms);
        Instant now = now();
        Step.dueOnReport(reported, terms.legalDuty()).forEach(step -> setDeadline(rules, step, now, MetaData.emptyInstance()));
        escalateOnReport(rules, directory, reported.schoolId(), now);
        return true;
    }

    /**
     * The first escalation, in the report's own unit of work: to the school's manager at once (SKOW B.2, Altena B.3),
     * or to the board where {@link Escalations#toManager} says so, with the acknowledgement's deadline. The system
     * does it, for the reason of the report: the metadata given here replaces the reporter's actor, which Axon copies
     * from the command onto every event (a message's own metadata is merged over the unit of work's correlation
     * data), so the history says "escalated by system, cause report" as when the saga sent {@link EscalateToManager}.
     */
    private void escalateOnReport(EscalationRules rules, OrganisationDirectory directory, String schoolId, Instant now) {
        PersonId manager = directory.managerOf(schoolId).map(Member::id).orElse(null);
        String reason = manager != null ? Escalations.REPORTED : Escalations.noManager(schoolId);
        MetaData bySystem = MetaData.from(Actor.SYSTEM.asMetaData()).and(Actor.CAUSE_KEY, Escalations.REPORT_CAUSE);
        apply(Escalations.toManager(progress, manager, reason), bySystem);
        setDeadline(rules, Step.ACKNOWLEDGE, now, bySystem);
    }

    @CommandHandler
    void handle(EscalateToManager command, Actor actor, EscalationRules rules) {
        check(CaseAction.ESCALATE_TO_MANAGER, actor);
        if (actor.role() == ActorRole.BOARD && progress.needToKnow() && !progress.legalDuty()
                && !progress.isNeedToKnowReader(command.manager())) {
            // The board hands a need-to-know case only to a manager it let know of it; the system's escalation on
            // the report goes to the board instead (Escalations.toManager says why).
            throw RequestRefused.conflict("state.need-to-know-manager", "Only those who need to know may know of "
                    + "this case: add the manager to them before sending the case to them.");
        }
        IncidentEscalated escalation = Escalations.toManager(progress, command.manager(), command.reason());
        if (escalation.assignee().equals(progress.assignee())
                || (actor.role() == ActorRole.SYSTEM && progress.assignee() != null)) {
            // Already with this assignee; or the system's escalation on the report arrives after someone
            // already moved the case on (or is replayed): it must not pull the case back.
            return;
        }
        CaseStates.check(CaseAction.ESCALATE_TO_MANAGER, progress);
        escalate(rules, escalation);
    }

    @CommandHandler
    void handle(EscalateToNextLevel command, Actor actor, EscalationRules rules) {
        mayAct(CaseAction.ESCALATE_TO_NEXT_LEVEL, actor);
        escalate(rules, Escalations.up(progress, command.reason()).orElseThrow());
    }

    @CommandHandler
    void handle(MarkStepOverdue command, Actor actor, EscalationRules rules, OrganisationDirectory directory) {
        check(CaseAction.MARK_STEP_OVERDUE, actor);
        OpenStep step = progress.openStep(command.step());
        if (progress.closed() || step == null || !step.hasDeadlineAt(command.dueAt())) {
            return; // taken, replaced or closed in the meantime, or acted on already: nothing is overdue
        }
        if (step.reminders() == 0) {
            apply(new StepOverdue(incidentId, step.step(), step.dueAt(), step.assignee()));
        }
        Optional<IncidentEscalated> up = step.step() == Step.ACKNOWLEDGE && step.reminders() == 0
                ? Escalations.up(progress, Escalations.notAcknowledged(step.assignee(), step.dueAt()))
                : Optional.empty();
        if (step.step() == Step.NOTIFY_COMMUNICATIONS && NeedToKnow.communicationsMayKnow(progress, directory)) {
            // On a need-to-know case nobody of the department may be told until the board adds one of them: the
            // board is reminded of the step instead (below), never told it was done.
            apply(new CommunicationsDepartmentNotified(incidentId, "Notified by the system: the communications "
                    + "department had not been informed by " + step.dueAt() + ", when it was due."));
        } else if (up.isPresent()) {
            escalate(rules, up.get());
        } else {
            int reminder = step.reminders() + 1;
            apply(new BoardReminded(incidentId, step.step(), reminder));
            apply(new DeadlineSet(incidentId, step.step(), rules.nextReminder(progress.terms(), now()), reminder));
        }
    }

    @CommandHandler
    void handle(AcknowledgeEscalation command, Actor actor) {
        mayAct(CaseAction.ACKNOWLEDGE, actor);
        apply(new EscalationAcknowledged(incidentId, progress.assignee(), command.note()));
    }

    @CommandHandler
    void handle(AgreeResponseStrategy command, Actor actor) {
        mayAct(CaseAction.AGREE_STRATEGY, actor);
        if (command.elements().isEmpty()) {
            throw RequestRefused.invalid("strategy.elements.missing", "elements", "Name at least one element of the strategy.");
        }
        apply(new ResponseStrategyAgreed(incidentId, command.elements(), command.description(), progress.reporter()));
    }

    @CommandHandler
    void handle(NotifyCommunicationsDepartment command, Actor actor, OrganisationDirectory directory) {
        mayAct(CaseAction.NOTIFY_COMMUNICATIONS, actor);
        if (!NeedToKnow.communicationsMayKnow(progress, directory)) {
            throw RequestRefused.conflict("state.need-to-know-communications", "Only those who need to know may know "
                    + "of this case, and nobody of the communications department is among them: add one of them first.");
        }
        apply(new CommunicationsDepartmentNotified(incidentId, command.message()));
    }

    @CommandHandler
    void handle(FileWithPolice command, Actor actor) {
        mayAct(CaseAction.FILE_WITH_POLICE, actor);
        apply(new FiledWithPolice(incidentId, command.offence(), command.policeReference()));
    }

    @CommandHandler
    void handle(DeclinePoliceReport command, Actor actor) {
        mayAct(CaseAction.DECLINE_POLICE_REPORT, actor);
        apply(new PoliceReportDeclined(incidentId, command.reason()));
    }

    @CommandHandler
    void handle(RecordPoliceReportOutcome command, Actor actor) {
        mayAct(CaseAction.RECORD_POLICE_REPORT_OUTCOME, actor);
        apply(new PoliceReportConcluded(incidentId, command.outcome()));
    }

    /** The board keeps the case past its retention period; on an open or a closed case. */
    @CommandHandler
    void handle(PlaceLegalHold command, Actor actor) {
        mayAct(CaseAction.PLACE_LEGAL_HOLD, actor);
        apply(new LegalHoldPlaced(incidentId, command.reason()));
    }

    @CommandHandler
    void handle(LiftLegalHold command, Actor actor) {
        mayAct(CaseAction.LIFT_LEGAL_HOLD, actor);
        apply(new LegalHoldLifted(incidentId, command.reason()));
    }

    /**
     * Erases what the case holds about one person (AVG art. 17), refused while the case is held (art. 17(3)(e)). The
     * person's keys of this case are deleted in the same unit of work, once the event is stored
     * ({@code ErasureKeys}).
     */
    @CommandHandler
    void handle(ErasePersonFromCase command, Actor actor) {
        mayAct(CaseAction.ERASE_PERSON, actor);
        ErasureRequests.checkReference(command.request());
        require(command.ground(), "ground", "ground", "Choose the legal ground of the erasure.");
        require(command.requestedBy(), "requester", "requestedBy", "Say who asked for the erasure.");
        if (command.personId() == null || command.personId().erased()) {
            throw RequestRefused.invalid("erasure.person.missing", "personId", "Name the person to erase.");
        }
        apply(new PersonErased(incidentId, command.personId(), command.request(), command.ground(),
                command.requestedBy()));
    }

    /** Erases the whole closed case (AVG art. 17, or art. 5(1)(e) at the end of its retention period). */
    @CommandHandler
    void handle(EraseCase command, Actor actor) {
        mayAct(CaseAction.ERASE_CASE, actor);
        ErasureRequests.checkReference(command.request());
        require(command.ground(), "ground", "ground", "Choose the legal ground of the erasure.");
        require(command.requestedBy(), "requester", "requestedBy", "Say who asked for the erasure.");
        apply(new CaseErased(incidentId, command.request(), command.ground(), command.requestedBy()));
    }

    /**
     * The board marks the case need-to-know, on an open or a closed case; a legal-duty case is so from its report. The
     * reason is required ({@link NeedToKnow#checkReason}).
     */
    @CommandHandler
    void handle(RestrictToNeedToKnow command, Actor actor, EscalationRules rules) {
        mayAct(CaseAction.RESTRICT_TO_NEED_TO_KNOW, actor);
        NeedToKnow.checkReason(command.reason());
        apply(new CaseRestrictedToNeedToKnow(incidentId, command.reason().strip()));
        toTheBoardWhenTheHolderMayNotKnow(rules);
    }

    /** The board lifts its own mark; never the legal duty's. */
    @CommandHandler
    void handle(LiftNeedToKnow command, Actor actor) {
        mayAct(CaseAction.LIFT_NEED_TO_KNOW, actor);
        NeedToKnow.checkReason(command.reason());
        apply(new NeedToKnowLifted(incidentId, command.reason().strip()));
    }

    /** The board adds a member of the directory who is not involved in the case; adding them again changes nothing. */
    @CommandHandler
    void handle(AddNeedToKnowReader command, Actor actor, OrganisationDirectory directory) {
        mayAct(CaseAction.ADD_NEED_TO_KNOW_READER, actor);
        PersonId person = command.personId();
        if (person == null || person.erased() || directory.member(person).isEmpty()) {
            throw RequestRefused.invalid("need-to-know.reader.unknown", "personId",
                    "Choose a person of the board's directory.");
        }
        if (!CasePolicies.mayHold(person, progress)) {
            throw RequestRefused.invalid("need-to-know.reader.involved", "personId",
                    "This person is involved in the case, so the protocol gives it to someone else.");
        }
        if (!progress.isNeedToKnowReader(person)) {
            apply(new NeedToKnowReaderAdded(incidentId, person));
        }
    }

    @CommandHandler
    void handle(RemoveNeedToKnowReader command, Actor actor, EscalationRules rules) {
        mayAct(CaseAction.REMOVE_NEED_TO_KNOW_READER, actor);
        if (!progress.isNeedToKnowReader(command.personId())) {
            throw RequestRefused.invalid("need-to-know.reader.not-added", "personId",
                    "This person was not added to the case.");
        }
        apply(new NeedToKnowReaderRemoved(incidentId, command.personId()));
        toTheBoardWhenTheHolderMayNotKnow(rules);
    }

    /**
     * An open case whose holder may no longer know of it goes to the board at once, in the same unit of work, so that
     * it never waits with someone who can neither read nor act on it ({@link NeedToKnow#holderMayNotKnow}).
     */
    private void toTheBoardWhenTheHolderMayNotKnow(EscalationRules rules) {
        if (NeedToKnow.holderMayNotKnow(progress)) {
            escalate(rules, new IncidentEscalated(incidentId, Assignee.board(), Escalations.NEED_TO_KNOW));
        }
    }

    private static void require(Object value, String code, String field, String message) {
        if (value == null) {
            throw RequestRefused.invalid("erasure." + code + ".missing", field, message);
        }
    }

    @CommandHandler
    void handle(ReportToConfidentialInspector command, Actor actor) {
        mayAct(CaseAction.REPORT_TO_INSPECTOR, actor);
        if (progress.partyRole(command.staffMember()).orElse(null) != PartyRole.STAFF) {
            throw RequestRefused.invalid("inspector.not-staff", "personId", command.staffMember()
                    + " is not a staff member involved in this case; the inspector hears of staff members' communication.");
        }
        apply(new ReportedToConfidentialInspector(incidentId, command.staffMember(), command.summary(),
                command.inspectorReference()));
    }

    @CommandHandler
    void handle(ImposeMeasure command, Actor actor) {
        mayAct(CaseAction.imposing(command.measure()), actor);
        PartyRole role = involved(command.personId());
        if (!command.measure().fits(role)) {
            throw RequestRefused.invalid("measure.unfit", "measure", command.measure() + " is not a measure for a "
                    + role.name().toLowerCase(Locale.ROOT) + ".").with("measure", command.measure().name())
                    .with("role", role.name());
        }
        apply(new MeasureImposed(incidentId, command.personId(), role, command.measure(), command.reason()));
    }

    @CommandHandler
    void handle(RecordCorrespondence command, Actor actor) {
        mayAct(CaseAction.RECORD_CORRESPONDENCE, actor);
        PartyRole role = involved(command.personId());
        apply(new CorrespondenceRecorded(incidentId, command.personId(), role, command.summary()));
    }

    /**
     * Attaches evidence whose bytes the command service received and stores beside this event ({@code
     * EvidenceController}); a refusal here stores neither. Not on a closed case: evidence serves the handling, and
     * what the police need afterwards is in the police package.
     */
    @CommandHandler
    void handle(AttachEvidence command, Actor actor) {
        mayAct(CaseAction.ATTACH_EVIDENCE, actor);
        apply(new EvidenceAttached(incidentId, command.evidenceId(), command.sha256(), command.receivedAt(),
                command.sizeBytes(), command.mediaType(), command.fileName(), command.description()));
    }

    @CommandHandler
    void handle(CloseIncident command, Actor actor) {
        mayAct(CaseAction.CLOSE, actor);
        apply(new IncidentClosed(incidentId, command.outcome()));
    }

    /** Permission first, so that someone without a right to the case does not learn even that it is closed. */
    private void mayAct(CaseAction action, Actor actor) {
        check(action, actor);
        CaseStates.check(action, progress);
    }

    private void check(CaseAction action, Actor actor) {
        CasePolicies.check(Attempt.of(action, actor, progress));
    }

    private void escalate(EscalationRules rules, IncidentEscalated escalation) {
        apply(escalation);
        setDeadline(rules, Step.ACKNOWLEDGE, now(), MetaData.emptyInstance());
    }

    private void setDeadline(EscalationRules rules, Step step, Instant from, MetaData metaData) {
        if (progress.timed()) {
            apply(new DeadlineSet(incidentId, step, rules.due(progress.terms(), step, from), 0), metaData);
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private PartyRole involved(PersonId person) {
        return progress.partyRole(person).orElseThrow(() ->
                RequestRefused.invalid("person.not-involved", "personId", person + " is not involved in this case."));
    }

    @EventSourcingHandler
    void on(IncidentEvent event) {
        incidentId = event.incidentId();
        progress = (progress == null ? CaseProgress.of(event.incidentId()) : progress).next(event);
    }
}
