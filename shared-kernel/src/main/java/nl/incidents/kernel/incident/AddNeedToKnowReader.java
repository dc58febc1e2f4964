package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The board adds a person of the directory to those who may know of a need-to-know case: from then on they read and
 * handle it as their role would otherwise allow. Nobody involved in the case is added.
 *
 * @param personId who, by their directory id
 */
public record AddNeedToKnowReader(@TargetAggregateIdentifier IncidentId incidentId, PersonId personId) {
}
