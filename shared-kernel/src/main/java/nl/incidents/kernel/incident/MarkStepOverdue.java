package nl.incidents.kernel.incident;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the system when a step's deadline passes. It names the deadline it acts on, so it
 * changes nothing when the step was taken, or its deadline replaced, in the meantime; sending it
 * twice (the deadline and the sweep) acts once.
 */
public record MarkStepOverdue(@TargetAggregateIdentifier IncidentId incidentId, Step step, Instant dueAt) {
}
