package nl.incidents.kernel.incident;

import java.time.Instant;
import nl.incidents.kernel.privacy.NotPersonalData;
import org.axonframework.serialization.Revision;

/**
 * A step of the case is due at this moment, computed by the case's policy and the school
 * calendar. {@code reminder} is 0 for the step's own deadline and counts the board's reminders
 * after it passed. A new deadline for a step replaces the earlier one.
 */
@Revision("1")
public record DeadlineSet(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @NotPersonalData("the protocol's own words") Step step,
        @NotPersonalData("a time of the protocol") Instant dueAt,
        @NotPersonalData("a count") int reminder) implements IncidentEvent {
}
