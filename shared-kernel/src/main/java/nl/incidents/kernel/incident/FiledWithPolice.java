package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A criminal complaint was filed with the police. */
@Revision("1")
public record FiledWithPolice(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String offence,
        @PersonalData String policeReference) implements IncidentEvent {
}
