package nl.incidents.query.caselist;

import java.time.Instant;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;

/**
 * One line of a case list. {@code nextDue} is the open step due first (none once the case is
 * closed); {@code overdueSince} the earliest deadline an open step has passed, when one has;
 * {@code lateSteps} counts the steps that were not taken by their deadline. The three are left out
 * for viewers who may not see the case's timing. {@code needToKnow} says whether only those who need to know read the case
 * (legal duty, or marked by the board); null for a viewer who reads it only as its reporter.
 */
public record IncidentSummary(
        IncidentId incidentId,
        String schoolId,
        IncidentStatus status,
        Severity severity,
        Stage stage,
        Platform platform,
        Assignee assignee,
        Instant reportedAt,
        Instant closedAt,
        Due nextDue,
        Instant overdueSince,
        Integer lateSteps,
        Boolean needToKnow) {

    /** A line that says nothing of need to know (for a viewer who reads the case only as its reporter). */
    public IncidentSummary(IncidentId incidentId, String schoolId, IncidentStatus status, Severity severity, Stage stage,
                           Platform platform, Assignee assignee, Instant reportedAt, Instant closedAt, Due nextDue,
                           Instant overdueSince, Integer lateSteps) {
        this(incidentId, schoolId, status, severity, stage, platform, assignee, reportedAt, closedAt, nextDue,
                overdueSince, lateSteps, null);
    }

    /** A step and when it is due. */
    public record Due(Step step, Instant dueAt) {
    }

    /** The same line without its timing, for a viewer who may not see it. */
    IncidentSummary withoutTiming() {
        return new IncidentSummary(incidentId, schoolId, status, severity, stage, platform, assignee, reportedAt, closedAt,
                null, null, null, needToKnow);
    }
}
