package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** The communications department was informed of the case. */
@Revision("1")
public record CommunicationsDepartmentNotified(IncidentId incidentId, String message) implements IncidentEvent {
}
