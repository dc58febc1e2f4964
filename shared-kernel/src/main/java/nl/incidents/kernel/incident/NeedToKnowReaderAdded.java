package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The board added a person to those who may know of the need-to-know case. */
@Revision("1")
public record NeedToKnowReaderAdded(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData(person = "personId") PersonId personId) implements IncidentEvent {
}
