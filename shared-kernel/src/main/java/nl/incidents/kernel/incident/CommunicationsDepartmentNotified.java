package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The communications department was informed of the case. */
@Revision("1")
public record CommunicationsDepartmentNotified(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String message) implements IncidentEvent {
}
