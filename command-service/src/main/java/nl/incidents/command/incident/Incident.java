package nl.incidents.command.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.escalation.EscalationRules;
import nl.incidents.kernel.escalation.Step;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DeclinePoliceReport;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.MarkStepOverdue;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.incident.AcknowledgeEscalation;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.CloseIncident;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalateToNextLevel;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.FileWithPolice;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.ImposeMeasure;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.NotifyCommunicationsDepartment;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.RecordCorrespondence;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ReportToConfidentialInspector;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.time.TimePrecision;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One reported derailing discussion, from report to closure. Each command handler checks the
 * protocol's rules and refuses with a reason a person understands; each event sourcing handler
 * only records what happened.
 */
@Aggregate
class Incident {

    @AggregateIdentifier
    private IncidentId incidentId;
    private DerailingDiscussionReported report;
    private IncidentStatus status;
    private Assignee assignee;
    private PersonId manager;
    private boolean communicationsNotified;
    private boolean strategyAgreed;
    private boolean policeDecided;
    /** The policy's terms for this case; null for a case reported before deadlines existed. */
    private EscalationPolicyRecorded terms;
    private final Map<Step, DeadlineSet> deadlines = new EnumMap<>(Step.class);
    private final Map<PersonId, PartyRole> parties = new HashMap<>();

    Incident() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ReportDerailingDiscussion command, Actor reporter, EscalationRules rules) {
        DerailingDiscussionReported reported = command.toEvent(reporter.id());
        if (report != null) {
            if (report.equals(reported)) {
                return false; // the same report sent again: nothing new to store
            }
            throw RequestRefused.conflict("Incident " + incidentId + " was already reported with other content. "
                    + "Leave out incidentId, or choose a new one, to report another discussion.");
        }
        if (command.harms().isEmpty()) {
            throw RequestRefused.invalid("harms", "Name at least one kind of harm the discussion does.");
        }
        if (command.involvedParties().stream().map(InvolvedParty::personId).distinct().count()
                != command.involvedParties().size()) {
            throw RequestRefused.invalid("involvedParties", "Each person may be listed once among the involved parties.");
        }
        apply(reported);
        apply(rules.termsFor(reported));
        Instant now = now();
        setDeadline(rules, Step.NOTIFY_COMMUNICATIONS, now);
        if (command.harms().stream().anyMatch(Harm::possiblyCriminal)) {
            setDeadline(rules, Step.POLICE_DECISION, now);
        }
        if (terms.legalDuty()) {
            setDeadline(rules, Step.INSPECTOR_CONSULTATION, now);
        }
        return true;
    }

    @CommandHandler
    void handle(EscalateToManager command, Actor actor, EscalationRules rules) {
        if (actor.role() != ActorRole.SYSTEM && actor.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("Escalation to the manager happens by itself on a report; only the board "
                    + "can send a case back to a manager.");
        }
        Assignee to = command.manager() == null || skipsManager() ? Assignee.board() : Assignee.manager(command.manager());
        if (to.equals(assignee) || (actor.role() == ActorRole.SYSTEM && assignee != null)) {
            // Already with this manager; or the system's escalation on the report arrives after someone
            // already moved the case on (or is replayed): it must not pull the case back.
            return;
        }
        refuseWhenClosed();
        escalate(rules, to, to.level() == EscalationLevel.BOARD && terms != null && terms.legalDuty()
                ? "Straight to the board, as the protocol requires for a case of this kind."
                : command.reason());
    }

    @CommandHandler
    void handle(EscalateToNextLevel command, Actor actor, EscalationRules rules) {
        refuseWhenClosed();
        boolean allowed = actor.role() == ActorRole.SYSTEM || actor.role() == ActorRole.BOARD
                || (assignee != null && assignee.isHeldBy(actor));
        if (!allowed) {
            throw RequestRefused.forbidden("Only the person who holds the case, or the board, can escalate it.");
        }
        // Asked for before the escalation on the report has run: the level above the manager is the board.
        EscalationLevel next = assignee == null ? EscalationLevel.BOARD : levelAbove(assignee.level());
        if (next == null) {
            throw RequestRefused.conflict("The case is already with the board, the highest level.");
        }
        escalate(rules, new Assignee(next, null), command.reason());
    }

    @CommandHandler
    void handle(MarkStepOverdue command, Actor actor, EscalationRules rules) {
        if (actor.role() != ActorRole.SYSTEM) {
            throw RequestRefused.forbidden("Only the system marks a step overdue, when its deadline passes.");
        }
        DeadlineSet deadline = deadlines.get(command.step());
        if (status == IncidentStatus.CLOSED || deadline == null || !TimePrecision.same(deadline.dueAt(), command.dueAt())) {
            return; // taken, replaced or closed in the meantime, or acted on already: nothing is overdue
        }
        if (deadline.reminder() == 0) {
            apply(new StepOverdue(incidentId, command.step(), deadline.dueAt(),
                    command.step() == Step.ACKNOWLEDGE ? assignee : null));
        }
        Instant now = now();
        if (command.step() == Step.NOTIFY_COMMUNICATIONS) {
            apply(new CommunicationsDepartmentNotified(incidentId, "Notified by the system: the communications "
                    + "department had not been informed by " + deadline.dueAt() + ", when it was due."));
        } else if (command.step() == Step.ACKNOWLEDGE && deadline.reminder() == 0 && levelAbove(assignee.level()) != null) {
            escalate(rules, new Assignee(levelAbove(assignee.level()), null),
                    describe(assignee) + " did not acknowledge the case by " + deadline.dueAt() + ", when it was due.");
        } else {
            int reminder = deadline.reminder() + 1;
            apply(new BoardReminded(incidentId, command.step(), reminder));
            apply(new DeadlineSet(incidentId, command.step(), rules.nextReminder(terms, now), reminder));
        }
    }

    @CommandHandler
    void handle(AcknowledgeEscalation command, Actor actor) {
        refuseWhenClosed();
        if (status != IncidentStatus.ESCALATED) {
            throw RequestRefused.conflict(assignee == null
                    ? "The case has not been escalated yet, so there is nothing to acknowledge."
                    : "Nothing waits for an acknowledgement: " + describe(assignee) + " acknowledged the case already.");
        }
        if (!assignee.isHeldBy(actor)) {
            throw RequestRefused.forbidden("Only " + describe(assignee) + ", who holds the case, can acknowledge it.");
        }
        apply(new EscalationAcknowledged(incidentId, assignee, command.note()));
    }

    @CommandHandler
    void handle(AgreeResponseStrategy command, Actor actor) {
        refuseWhenClosed();
        refuseUnlessHandler(actor, "agree a response strategy");
        refuseWhileAwaitingAcknowledgement("agree a strategy");
        if (command.elements().isEmpty()) {
            throw RequestRefused.invalid("elements", "Name at least one element of the strategy.");
        }
        apply(new ResponseStrategyAgreed(incidentId, command.elements(), command.description(), report.reportedBy()));
    }

    @CommandHandler
    void handle(NotifyCommunicationsDepartment command, Actor actor) {
        refuseWhenClosed();
        refuseUnlessHandler(actor, "notify the communications department");
        if (communicationsNotified) {
            throw RequestRefused.conflict("The communications department has already been notified of this case.");
        }
        apply(new CommunicationsDepartmentNotified(incidentId, command.message()));
    }

    @CommandHandler
    void handle(FileWithPolice command, Actor actor) {
        refuseWhenClosed();
        if (actor.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("Filing with the police is the board's decision.");
        }
        apply(new FiledWithPolice(incidentId, command.offence(), command.policeReference()));
    }

    @CommandHandler
    void handle(DeclinePoliceReport command, Actor actor) {
        refuseWhenClosed();
        if (actor.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("Whether to file with the police is the board's decision.");
        }
        if (policeDecided) {
            throw RequestRefused.conflict("The board already decided on a police report in this case.");
        }
        if (deadlines.containsKey(Step.INSPECTOR_CONSULTATION)) {
            throw RequestRefused.conflict("Consult the national confidential inspector first: under the legal duty, "
                    + "the decision on a police report follows that consultation.");
        }
        apply(new PoliceReportDeclined(incidentId, command.reason()));
    }

    @CommandHandler
    void handle(ReportToConfidentialInspector command, Actor actor) {
        refuseWhenClosed();
        if (actor.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("Reporting to the national confidential inspector is the board's decision.");
        }
        if (parties.get(command.staffMember()) != PartyRole.STAFF) {
            throw RequestRefused.invalid("personId", command.staffMember()
                    + " is not a staff member involved in this case; the inspector hears of staff members' communication.");
        }
        apply(new ReportedToConfidentialInspector(incidentId, command.staffMember(), command.summary(),
                command.inspectorReference()));
    }

    @CommandHandler
    void handle(ImposeMeasure command, Actor actor) {
        refuseWhenClosed();
        // Permission first: who is involved in a case is not for everyone to probe.
        refuseUnlessHandler(actor, "impose measures");
        PartyRole role = involved(command.personId());
        if (!command.measure().fits(role)) {
            throw RequestRefused.invalid("measure", command.measure() + " is not a measure for a "
                    + role.name().toLowerCase(Locale.ROOT) + ".");
        }
        if (command.measure().heavy() && actor.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden(command.measure() + " is a heavy measure: only the board imposes it.");
        }
        refuseWhileAwaitingAcknowledgement("impose a measure");
        apply(new MeasureImposed(incidentId, command.personId(), role, command.measure(), command.reason()));
    }

    @CommandHandler
    void handle(RecordCorrespondence command, Actor actor) {
        refuseWhenClosed();
        refuseUnlessHandler(actor, "record correspondence");
        PartyRole role = involved(command.personId());
        apply(new CorrespondenceRecorded(incidentId, command.personId(), role, command.summary()));
    }

    @CommandHandler
    void handle(CloseIncident command, Actor actor) {
        refuseWhenClosed();
        refuseUnlessHandler(actor, "close the case");
        refuseWhileAwaitingAcknowledgement("close the case");
        if (terms != null && terms.legalDuty()
                && (deadlines.containsKey(Step.INSPECTOR_CONSULTATION) || deadlines.containsKey(Step.POLICE_DECISION))) {
            throw RequestRefused.conflict("The legal duty holds this case open: the board must consult the national "
                    + "confidential inspector and decide on a police report before it closes.");
        }
        apply(new IncidentClosed(incidentId, command.outcome()));
    }

    private void escalate(EscalationRules rules, Assignee to, String reason) {
        apply(new IncidentEscalated(incidentId, to, reason));
        setDeadline(rules, Step.ACKNOWLEDGE, now());
    }

    private void setDeadline(EscalationRules rules, Step step, Instant from) {
        if (terms != null) {
            apply(new DeadlineSet(incidentId, step, rules.due(terms, step, from), 0));
        }
    }

    /** Straight to the board: the legal duty, or a chain without managers. */
    private boolean skipsManager() {
        return terms != null && (terms.legalDuty() || terms.first() == EscalationLevel.BOARD);
    }

    private EscalationLevel levelAbove(EscalationLevel level) {
        return terms != null ? terms.above(level) : level.isTop() ? null : level.next();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private void refuseWhenClosed() {
        if (status == IncidentStatus.CLOSED) {
            throw RequestRefused.conflict("Incident " + incidentId + " is closed; nothing more can be done in it.");
        }
    }

    /**
     * The case's own manager handles it, also after it went up to the board (SKOW: the manager
     * handles it with the director-board); the board can handle any case.
     */
    private void refuseUnlessHandler(Actor actor, String what) {
        boolean handles = actor.role() == ActorRole.BOARD
                || (actor.role() == ActorRole.MANAGER && actor.id().equals(manager));
        if (!handles) {
            throw RequestRefused.forbidden("Only the case's manager or the board can " + what + ".");
        }
    }

    private void refuseWhileAwaitingAcknowledgement(String what) {
        if (status == IncidentStatus.REPORTED || status == IncidentStatus.ESCALATED) {
            throw RequestRefused.conflict("The case still waits for " + (assignee == null ? "escalation"
                    : "an acknowledgement by " + describe(assignee)) + "; acknowledge it before you " + what + ".");
        }
    }

    private PartyRole involved(PersonId person) {
        PartyRole role = parties.get(person);
        if (role == null) {
            throw RequestRefused.invalid("personId", person + " is not involved in this case.");
        }
        return role;
    }

    private static String describe(Assignee assignee) {
        return assignee.level() == EscalationLevel.BOARD ? "the board" : "manager " + assignee.personId();
    }

    @EventSourcingHandler
    void on(DerailingDiscussionReported event) {
        incidentId = event.incidentId();
        report = event;
        status = IncidentStatus.REPORTED;
        event.involvedParties().forEach(p -> parties.put(p.personId(), p.role()));
    }

    @EventSourcingHandler
    void on(EscalationPolicyRecorded event) {
        terms = event;
    }

    @EventSourcingHandler
    void on(DeadlineSet event) {
        deadlines.put(event.step(), event);
    }

    @EventSourcingHandler
    void on(IncidentEscalated event) {
        deadlines.remove(Step.ACKNOWLEDGE); // the new assignee's deadline follows
        assignee = event.assignee();
        if (event.assignee().level() == EscalationLevel.MANAGER) {
            manager = event.assignee().personId();
        }
        status = IncidentStatus.ESCALATED;
    }

    @EventSourcingHandler
    void on(EscalationAcknowledged event) {
        deadlines.remove(Step.ACKNOWLEDGE);
        // A strategy agreed before the case went up still stands.
        status = strategyAgreed ? IncidentStatus.STRATEGY_AGREED : IncidentStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(ResponseStrategyAgreed event) {
        strategyAgreed = true;
        status = IncidentStatus.STRATEGY_AGREED;
    }

    @EventSourcingHandler
    void on(CommunicationsDepartmentNotified event) {
        deadlines.remove(Step.NOTIFY_COMMUNICATIONS);
        communicationsNotified = true;
    }

    @EventSourcingHandler
    void on(FiledWithPolice event) {
        deadlines.remove(Step.POLICE_DECISION);
        policeDecided = true;
    }

    @EventSourcingHandler
    void on(PoliceReportDeclined event) {
        deadlines.remove(Step.POLICE_DECISION);
        policeDecided = true;
    }

    @EventSourcingHandler
    void on(ReportedToConfidentialInspector event) {
        deadlines.remove(Step.INSPECTOR_CONSULTATION);
    }

    @EventSourcingHandler
    void on(IncidentClosed event) {
        deadlines.clear();
        status = IncidentStatus.CLOSED;
    }
}
