package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A measure was imposed on a person involved in the case; it belongs in their personnel or pupil dossier. */
@Revision("1")
public record MeasureImposed(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData(person = "personId") PersonId personId,
        @NotPersonalData("says nothing of anyone once the person reference is erased") PartyRole partyRole,
        @NotPersonalData("says nothing of anyone once the person reference is erased") Measure measure,
        @PersonalData(person = "personId") String reason) implements IncidentEvent {
}
