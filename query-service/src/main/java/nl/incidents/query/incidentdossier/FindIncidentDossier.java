package nl.incidents.query.incidentdossier;

import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;

/** The whole dossier of one case, for a viewer who may see it. */
public record FindIncidentDossier(IncidentId incidentId, Actor viewer) {
}
