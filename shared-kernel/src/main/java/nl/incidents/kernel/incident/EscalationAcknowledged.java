package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The assignee acknowledged the case and handles it from now on. */
@Revision("1")
public record EscalationAcknowledged(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        Assignee assignee,
        @PersonalData String note) implements IncidentEvent {
}
