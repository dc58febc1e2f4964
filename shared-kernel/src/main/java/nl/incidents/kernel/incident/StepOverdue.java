package nl.incidents.kernel.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A step was not taken by its deadline; the system acts on it in the events that follow. */
@Revision("1")
public record StepOverdue(IncidentId incidentId, Step step, Instant dueAt, Assignee assignee) implements IncidentEvent {
}
