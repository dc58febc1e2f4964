package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lift the board's legal hold on a case, for the reason given; its retention period counts again. */
public record LiftLegalHold(@TargetAggregateIdentifier IncidentId incidentId, String reason) {
}
