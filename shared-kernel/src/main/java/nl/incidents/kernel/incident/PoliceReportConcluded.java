package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The board recorded how the case's police report (aangifte) ended; it no longer holds the case back. */
@Revision("1")
public record PoliceReportConcluded(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String outcome) implements IncidentEvent {
}
