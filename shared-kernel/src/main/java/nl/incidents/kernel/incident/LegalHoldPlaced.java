package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The board placed a legal hold (bewaarblokkade) on the case: it is kept until the hold is lifted. */
@Revision("1")
public record LegalHoldPlaced(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String reason) implements IncidentEvent {
}
