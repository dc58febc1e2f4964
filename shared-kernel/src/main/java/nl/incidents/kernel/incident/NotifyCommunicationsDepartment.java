package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Inform the central communications department (Openbaar Onderwijs Groningen: at once). */
public record NotifyCommunicationsDepartment(@TargetAggregateIdentifier IncidentId incidentId, String message) {
}
