package nl.incidents.query.incidentdossier;

import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;

/** Every event of one case in order: what the board reviews. */
public record FindIncidentHistory(IncidentId incidentId, Actor viewer) {
}
