package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** Correspondence about a person involved in the case, for their personnel or pupil dossier. */
@Revision("1")
public record CorrespondenceRecorded(IncidentId incidentId, PersonId personId, PartyRole partyRole, String summary)
        implements IncidentEvent {
}
