package nl.incidents.query.accesslog;

import java.util.Objects;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;

/** Every recorded read of one case's dossier and history, newest first: for the board, unless involved in the case. */
public record FindCaseAccessLog(IncidentId incidentId, Actor viewer, Paging paging) {

    public FindCaseAccessLog {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(paging, "paging");
    }
}
