package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The board lifted its need-to-know mark: the case is read again as any case of its school is. */
@Revision("1")
public record NeedToKnowLifted(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String reason) implements IncidentEvent {
}
