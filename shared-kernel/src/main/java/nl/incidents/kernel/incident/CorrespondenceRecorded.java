package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** Correspondence about a person involved in the case, for their personnel or pupil dossier. */
@Revision("1")
public record CorrespondenceRecorded(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData(person = "personId") PersonId personId,
        @NotPersonalData("says nothing of anyone once the person reference is erased") PartyRole partyRole,
        @PersonalData(person = "personId") String summary) implements IncidentEvent {
}
