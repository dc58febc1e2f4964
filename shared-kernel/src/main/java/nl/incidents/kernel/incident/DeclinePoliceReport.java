package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the board's decision not to file with the police, and why. */
public record DeclinePoliceReport(@TargetAggregateIdentifier IncidentId incidentId, String reason) {
}
