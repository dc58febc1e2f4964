package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** The board reported a staff member's boundary-crossing communication to the national confidential inspector. */
@Revision("1")
public record ReportedToConfidentialInspector(
        IncidentId incidentId, PersonId staffMember, String summary, String inspectorReference) implements IncidentEvent {
}
