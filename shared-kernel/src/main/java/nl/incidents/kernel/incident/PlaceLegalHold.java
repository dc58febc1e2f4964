package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Place a legal hold (bewaarblokkade) on a case: the board keeps it, whatever its retention period says, until it
 * lifts the hold, for the reason given (a claim, a complaint, a request of the police or the inspectorate).
 */
public record PlaceLegalHold(@TargetAggregateIdentifier IncidentId incidentId, String reason) {
}
