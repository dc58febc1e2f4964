package nl.incidents.query.incidentdossier;

import java.util.UUID;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;

/** One piece of a case's evidence with its bytes, for a viewer who may read the case. */
public record FindEvidence(IncidentId incidentId, UUID evidenceId, Actor viewer) {
}
