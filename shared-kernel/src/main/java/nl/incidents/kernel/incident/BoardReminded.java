package nl.incidents.kernel.incident;

import org.axonframework.serialization.Revision;

/** The board was reminded of an overdue step; {@code reminder} counts the reminders for it. */
@Revision("1")
public record BoardReminded(IncidentId incidentId, Step step, int reminder) implements IncidentEvent {
}
