package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** A measure was imposed on a person involved in the case; it belongs in their personnel or pupil dossier. */
@Revision("1")
public record MeasureImposed(IncidentId incidentId, PersonId personId, PartyRole partyRole, Measure measure, String reason)
        implements IncidentEvent {
}
