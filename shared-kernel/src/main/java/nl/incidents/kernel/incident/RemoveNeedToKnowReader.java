package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The board takes a person it added ({@link AddNeedToKnowReader}) off a need-to-know case again: they no longer read
 * it, nor are told of it.
 *
 * @param personId who, by their directory id
 */
public record RemoveNeedToKnowReader(@TargetAggregateIdentifier IncidentId incidentId, PersonId personId) {
}
