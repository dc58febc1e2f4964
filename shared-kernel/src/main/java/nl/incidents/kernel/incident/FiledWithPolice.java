package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** A criminal complaint was filed with the police. */
@Revision("1")
public record FiledWithPolice(IncidentId incidentId, String offence, String policeReference) implements IncidentEvent {
}
