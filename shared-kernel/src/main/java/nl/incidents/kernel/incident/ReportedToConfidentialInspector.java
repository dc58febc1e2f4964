package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The board reported a staff member's boundary-crossing communication to the national confidential inspector. */
@Revision("1")
public record ReportedToConfidentialInspector(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData(person = "staffMember") PersonId staffMember,
        @PersonalData(person = "staffMember") String summary,
        @PersonalData String inspectorReference) implements IncidentEvent {
}
