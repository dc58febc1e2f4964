package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Impose a measure on a person involved in the case. */
public record ImposeMeasure(@TargetAggregateIdentifier IncidentId incidentId, PersonId personId, Measure measure, String reason) {
}
