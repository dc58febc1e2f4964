package nl.incidents.kernel.incident;

import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase everything a case holds about one person (wissen van een betrokkene): their person reference and every text
 * about them become unreadable for ever (their keys of this case are deleted) and the projections drop them. The
 * board sends one per case the person is in; the case itself goes on.
 *
 * @param request     the board's reference of the erasure request in its own register (letters, digits, {@code -./}
 *                    and spaces, at most 40), not a name
 * @param ground      the legal ground
 * @param requestedBy who asked, by kind
 */
public record ErasePersonFromCase(@TargetAggregateIdentifier IncidentId incidentId, PersonId personId, String request,
                                  ErasureGround ground, ErasureRequester requestedBy) {
}
