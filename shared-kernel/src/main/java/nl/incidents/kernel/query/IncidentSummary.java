package nl.incidents.kernel.query;

import java.time.Instant;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;

/** One line of a case list. */
public record IncidentSummary(
        IncidentId incidentId,
        String schoolId,
        IncidentStatus status,
        Severity severity,
        Stage stage,
        Platform platform,
        Assignee assignee,
        Instant reportedAt,
        Instant closedAt) {
}
