package nl.incidents.kernel.incident;

import java.time.Instant;
import nl.incidents.kernel.privacy.NotPersonalData;
import org.axonframework.serialization.Revision;

/** A step was not taken by its deadline; the system acts on it in the events that follow. */
@Revision("1")
public record StepOverdue(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @NotPersonalData("the protocol's own words") Step step,
        @NotPersonalData("a time of the protocol") Instant dueAt,
        Assignee assignee) implements IncidentEvent {
}
