package nl.incidents.command.escalation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.Map;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalateToManager;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.MarkStepOverdue;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.Escalations;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Keeps one case moving: holds a durable deadline for every step the case's events say is due
 * (the case escalates itself to the school's manager when it is reported; the saga only does that
 * for a report accepted by an earlier version). When a deadline passes
 * it tells the case, which decides what follows (the next level, a reminder to the board, the
 * communications department notified by the system). Ends when the case closes.
 *
 * <p>Its state is only the case's id and the ids of its scheduled deadlines, so that each is
 * cancelled by id (never by scanning all deadlines) once its step is taken or its deadline
 * replaced. The command gateway, the deadline manager and the directory arrive as handler
 * parameters: nothing but the ids is ever serialized.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class EscalationSaga {

    /** The name of the saga's processor (Axon's default for a saga: its class name and "Processor"). */
    static final String PROCESSOR = "EscalationSagaProcessor";
    static final String STEP_DUE = "step-due";
    private static final String ASSOCIATION = "incidentId";

    private IncidentId incidentId;
    private Map<Step, String> deadlineIds = new HashMap<>();

    /**
     * A report is escalated in its own unit of work (the aggregate), and marked so in its metadata. A report without
     * the mark was accepted by an earlier version, whose saga escalated it from here: if this saga meets one (its
     * processor was behind at the upgrade), it still sends the escalation, which the case ignores once it has an
     * assignee.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(DerailingDiscussionReported event, @MetaDataValue(Escalations.ESCALATED_ON_REPORT_KEY) String escalated,
            CommandGateway commands, OrganisationDirectory directory) {
        incidentId = event.incidentId();
        if (escalated != null) {
            return;
        }
        PersonId manager = directory.managerOf(event.schoolId()).map(Member::id).orElse(null);
        String reason = manager != null ? Escalations.REPORTED : Escalations.noManager(event.schoolId());
        send(commands, new EscalateToManager(incidentId, manager, reason), Escalations.REPORT_CAUSE);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(DeadlineSet event, DeadlineManager deadlines) {
        cancel(deadlines, event.step());
        deadlineIds.put(event.step(),
                deadlines.schedule(event.dueAt(), STEP_DUE, new StepDeadline(event.step(), event.dueAt())));
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(IncidentEscalated event, DeadlineManager deadlines) {
        cancel(deadlines, Step.ACKNOWLEDGE); // a deadline for the new assignee follows
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(EscalationAcknowledged event, DeadlineManager deadlines) {
        taken(deadlines, event);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(CommunicationsDepartmentNotified event, DeadlineManager deadlines) {
        taken(deadlines, event);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(FiledWithPolice event, DeadlineManager deadlines) {
        taken(deadlines, event);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(PoliceReportDeclined event, DeadlineManager deadlines) {
        taken(deadlines, event);
    }

    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(ReportedToConfidentialInspector event, DeadlineManager deadlines) {
        taken(deadlines, event);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ASSOCIATION)
    void on(IncidentClosed event, DeadlineManager deadlines) {
        for (Step step : Step.values()) {
            cancel(deadlines, step);
        }
    }

    /** The case decides whether the step is still due at this time; a stale or repeated deadline changes nothing. */
    @DeadlineHandler(deadlineName = STEP_DUE)
    void on(StepDeadline deadline, CommandGateway commands) {
        send(commands, new MarkStepOverdue(incidentId, deadline.step(), deadline.dueAt()),
                "deadline: " + deadline.step() + " due " + deadline.dueAt());
    }

    private void taken(DeadlineManager deadlines, IncidentEvent event) {
        CaseProgress.stepsEndedBy(event).forEach(step -> cancel(deadlines, step));
    }

    private void cancel(DeadlineManager deadlines, Step step) {
        String id = deadlineIds.remove(step);
        if (id != null) {
            deadlines.cancelSchedule(STEP_DUE, id);
        }
    }

    private static void send(CommandGateway commands, Object command, String cause) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Actor.SYSTEM.asMetaData())
                .andMetaData(Map.of(Actor.CAUSE_KEY, cause)));
    }
}
