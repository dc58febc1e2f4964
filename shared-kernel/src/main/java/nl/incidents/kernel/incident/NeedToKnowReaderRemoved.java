package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The board took a person it had added off the need-to-know case. */
@Revision("1")
public record NeedToKnowReaderRemoved(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData(person = "personId") PersonId personId) implements IncidentEvent {
}
