package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the case with its outcome. Nothing happens to a closed case. */
public record CloseIncident(@TargetAggregateIdentifier IncidentId incidentId, String outcome) {
}
