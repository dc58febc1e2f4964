package nl.incidents.query.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
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
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.CaseProgress;

/**
 * What the evaluation counts of one case, folded from its events up to a period's end with the kernel's
 * {@link CaseProgress}: nothing that names a person.
 *
 * @param schoolId          the reported school
 * @param reportedAt        when the report was recorded
 * @param stage             the reported stage
 * @param harms             the kinds of harm
 * @param platform          where the discussion took place
 * @param severity          how serious it was judged
 * @param toAcknowledge     from the report to the first acknowledgement, or null when none came
 * @param toCommunications  from the report to informing the communications department, or null
 * @param toPoliceDecision  from the report to filing with the police or deciding not to, or null
 * @param late              the steps found overdue, each time
 * @param escalations       the escalations to the board, by why
 * @param measures          the measures imposed, each time
 * @param policeFiled       police reports filed
 * @param policeDeclined    decisions not to file
 * @param policeConcluded   police reports whose end was recorded
 * @param inspectorReports  reports to the confidential inspector
 * @param closed            whether the case was closed
 */
record CaseFacts(String schoolId, Instant reportedAt, Stage stage, Set<Harm> harms, Platform platform,
                 Severity severity, Duration toAcknowledge, Duration toCommunications, Duration toPoliceDecision,
                 List<Step> late, List<EscalationReason> escalations, List<Measure> measures, int policeFiled,
                 int policeDeclined, int policeConcluded, int inspectorReports, boolean closed) {

    /** One event of the case as the history keeps it: the event, when, and in which role it was done. */
    record Happened(IncidentEvent event, Instant at, ActorRole role) {
    }

    /** The facts of a case from its events in order, or null when its report is not among them. */
    static CaseFacts of(IncidentId id, List<Happened> events) {
        CaseProgress progress = CaseProgress.of(id);
        Instant reportedAt = null;
        Duration acknowledge = null;
        Duration communications = null;
        Duration police = null;
        List<Step> late = new ArrayList<>();
        List<EscalationReason> escalations = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        Map<Class<?>, Integer> counted = new HashMap<>();
        for (Happened happened : events) {
            IncidentEvent event = happened.event();
            CaseProgress before = progress;
            progress = progress.next(event);
            if (event instanceof DerailingDiscussionReported) {
                reportedAt = happened.at();
            }
            if (reportedAt == null) {
                continue;
            }
            Duration since = Duration.between(reportedAt, happened.at());
            counted.merge(event.getClass(), 1, Integer::sum);
            if (event instanceof EscalationAcknowledged && acknowledge == null) {
                acknowledge = since;
            } else if (event instanceof CommunicationsDepartmentNotified && communications == null) {
                communications = since;
            } else if ((event instanceof FiledWithPolice || event instanceof PoliceReportDeclined) && police == null) {
                police = since;
            } else if (event instanceof StepOverdue e) {
                late.add(e.step());
            } else if (event instanceof MeasureImposed e) {
                measures.add(e.measure());
            } else if (event instanceof IncidentEscalated e && e.assignee().level() == EscalationLevel.BOARD) {
                escalations.add(why(before, progress, happened.role()));
            }
        }
        if (progress.report() == null || reportedAt == null) {
            return null;
        }
        DerailingDiscussionReported report = progress.report();
        return new CaseFacts(report.schoolId(), reportedAt, report.stage(), report.harms(), report.platform(),
                report.severity(), acknowledge, communications, police, List.copyOf(late), List.copyOf(escalations),
                List.copyOf(measures), counted.getOrDefault(FiledWithPolice.class, 0),
                counted.getOrDefault(PoliceReportDeclined.class, 0),
                counted.getOrDefault(PoliceReportConcluded.class, 0),
                counted.getOrDefault(ReportedToConfidentialInspector.class, 0), progress.closed());
    }

    /** Why the case went to the board, from where it stood before and after, and who escalated it. */
    private static EscalationReason why(CaseProgress before, CaseProgress after, ActorRole role) {
        if (after.missedAcknowledgement() != null) {
            return EscalationReason.NOT_ACKNOWLEDGED_IN_TIME;
        }
        if (role == ActorRole.SYSTEM && before.assignee() == null) {
            return before.legalDuty() ? EscalationReason.LEGAL_DUTY : EscalationReason.NO_MANAGER;
        }
        return EscalationReason.BY_DECISION;
    }

    /** The event types the evaluation reads (the others change nothing it counts). */
    static final List<Class<? extends IncidentEvent>> TYPES = List.of(DerailingDiscussionReported.class,
            EscalationPolicyRecorded.class, IncidentEscalated.class,
            EscalationAcknowledged.class, CommunicationsDepartmentNotified.class, FiledWithPolice.class,
            PoliceReportDeclined.class, PoliceReportConcluded.class, ReportedToConfidentialInspector.class,
            MeasureImposed.class, StepOverdue.class, IncidentClosed.class);
}
