package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand the case up one level (manager to board), because the assignee did not act in time or asks for it. */
public record EscalateToNextLevel(@TargetAggregateIdentifier IncidentId incidentId, String reason) {
}
