package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The case now waits for this assignee to acknowledge it. */
@Revision("1")
public record IncidentEscalated(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        Assignee assignee,
        @PersonalData String reason) implements IncidentEvent {
}
