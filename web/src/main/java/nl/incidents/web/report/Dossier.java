package nl.incidents.web.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The part of a case's dossier (the query service's {@code GET /api/incidents/{id}}) the sent page reads: the
 * school, the status and the current escalation (to whom: {@code MANAGER} with the manager's id, or {@code BOARD}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Dossier(String incidentId, String schoolId, String status, Escalation escalation) {

    /** One escalation: to whom and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Escalation(Assignee assignee, Instant escalatedAt) {
    }

    /** Who holds the case: a level and, for a manager, their directory id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Assignee(String level, String personId) {
    }
}
