package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * The board marked the case need-to-know (alleen wie het moet weten): only the board and the people it adds read it,
 * act on it and are told of it. Who marked it is the event's actor.
 */
@Revision("1")
public record CaseRestrictedToNeedToKnow(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String reason) implements IncidentEvent {
}
