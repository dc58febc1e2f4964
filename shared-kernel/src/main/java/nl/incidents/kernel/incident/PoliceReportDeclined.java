package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** The board decided not to file with the police, for the reason given. */
@Revision("1")
public record PoliceReportDeclined(IncidentId incidentId, String reason) implements IncidentEvent {
}
