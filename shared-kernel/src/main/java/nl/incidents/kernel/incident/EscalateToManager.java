package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Escalate the case to the manager of the school (SKOW B.2, Altena B.3): the first step after a report. */
public record EscalateToManager(@TargetAggregateIdentifier IncidentId incidentId, PersonId manager, String reason) {
}
