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
 * for viewers who may not see the case's timing.
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
        Integer lateSteps) {

    /** A step and when it is due. */
    public record Due(Step step, Instant dueAt) {
    }

    /** The same line without its timing, for a viewer who may not see it. */
    IncidentSummary withoutTiming() {
        return new IncidentSummary(incidentId, schoolId, status, severity, stage, platform, assignee, reportedAt, closedAt,
                null, null, null);
    }
}
