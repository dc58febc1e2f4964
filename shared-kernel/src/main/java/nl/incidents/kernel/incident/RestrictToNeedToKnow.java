package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The board marks a case need-to-know (alleen wie het moet weten): from then on only the board and the people it adds
 * ({@link AddNeedToKnowReader}) read and handle it. A case under the legal duty (art. 4a WOT) is need-to-know from its
 * report; the board marks any other case so, on an open or a closed case.
 *
 * @param reason why, in plain words (required, at most {@link nl.incidents.kernel.protocol.NeedToKnow#REASON} characters);
 *               kept in the history, encrypted with the case's key like other free text
 */
public record RestrictToNeedToKnow(@TargetAggregateIdentifier IncidentId incidentId, String reason) {
}
