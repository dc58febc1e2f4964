package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.NotPersonalData;
import org.axonframework.serialization.Revision;

/** The board was reminded of an overdue step; {@code reminder} counts the reminders for it. */
@Revision("1")
public record BoardReminded(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @NotPersonalData("the protocol's own words") Step step,
        @NotPersonalData("a count") int reminder) implements IncidentEvent {
}
