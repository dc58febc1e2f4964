package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** The case was closed with this outcome. */
@Revision("1")
public record IncidentClosed(IncidentId incidentId, String outcome) implements IncidentEvent {
}
