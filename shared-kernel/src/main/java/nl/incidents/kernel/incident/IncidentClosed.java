package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The case was closed with this outcome. */
@Revision("1")
public record IncidentClosed(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String outcome) implements IncidentEvent {
}
