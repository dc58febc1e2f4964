package nl.incidents.kernel.incident;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A step of the case is due at this moment, computed by the case's policy and the school
 * calendar. {@code reminder} is 0 for the step's own deadline and counts the board's reminders
 * after it passed. A new deadline for a step replaces the earlier one.
 */
@Revision("1")
public record DeadlineSet(IncidentId incidentId, Step step, Instant dueAt, int reminder) implements IncidentEvent {
}
