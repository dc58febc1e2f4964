package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** The board decided not to file with the police, for the reason given. */
@Revision("1")
public record PoliceReportDeclined(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @PersonalData String reason) implements IncidentEvent {
}
