package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The current assignee confirms they have seen the case and now handle it. */
public record AcknowledgeEscalation(@TargetAggregateIdentifier IncidentId incidentId, String note) {
}
