package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** The case now waits for this assignee to acknowledge it. */
@Revision("1")
public record IncidentEscalated(IncidentId incidentId, Assignee assignee, String reason) implements IncidentEvent {
}
