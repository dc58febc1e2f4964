package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The board lifts its own need-to-know mark from a case ({@link RestrictToNeedToKnow}); never from a case under the
 * legal duty, which stays need-to-know.
 *
 * @param reason why, in plain words (required, at most {@link nl.incidents.kernel.protocol.NeedToKnow#REASON} characters)
 */
public record LiftNeedToKnow(@TargetAggregateIdentifier IncidentId incidentId, String reason) {
}
