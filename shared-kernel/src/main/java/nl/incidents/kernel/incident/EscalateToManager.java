package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Escalate the case to the manager of the school (SKOW B.2, Altena B.3): the first step after a
 * report. {@code manager} is null when the school has no manager on record; the case then goes
 * straight to the board, so that it is never left without someone who must acknowledge it.
 */
public record EscalateToManager(@TargetAggregateIdentifier IncidentId incidentId, PersonId manager, String reason) {
}
