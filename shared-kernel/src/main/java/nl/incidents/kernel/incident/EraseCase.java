package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase a whole closed case (wissen van een zaak): every text and person reference in it becomes unreadable for ever
 * (all its keys are deleted) and the projections drop it; what stays is that a case existed, its dates and kinds, and
 * the record of who did what in it. Sent by the board on a request, or by the daily retention task.
 *
 * @param request     the board's reference of the erasure request (see {@link ErasePersonFromCase#request()})
 * @param ground      the legal ground
 * @param requestedBy who asked, by kind
 */
public record EraseCase(@TargetAggregateIdentifier IncidentId incidentId, String request, ErasureGround ground,
                        ErasureRequester requestedBy) {
}
