package nl.incidents.query.incidentdossier;

import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;

/** The police package of a case (for an aangifte), for a viewer who handles it. */
public record FindPolicePackage(IncidentId incidentId, Actor viewer) {
}
