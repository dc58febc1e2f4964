package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The board lifted its legal hold on the case, for this reason. */
@Revision("1")
public record LegalHoldLifted(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String reason) implements IncidentEvent {
}
