package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** The assignee acknowledged the case and handles it from now on. */
@Revision("1")
public record EscalationAcknowledged(IncidentId incidentId, Assignee assignee, String note) implements IncidentEvent {
}
