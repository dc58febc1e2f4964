package nl.incidents.query.incidentdossier;

import java.time.Instant;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.query.AsOfMoment;

/**
 * A case's dossier as it stood at a moment (zoals het er toen voor stond), for the board.
 *
 * @param asOf the moment, to the millisecond: every event stored up to and including it counts
 */
public record FindIncidentDossierAsOf(IncidentId incidentId, Instant asOf, Actor viewer) {

    /**
     * The query for a moment as it was asked for.
     *
     * @param at an ISO 8601 date and time with its offset, such as {@code 2026-11-20T14:30:00+01:00}
     * @throws RequestRefused invalid ({@code field.format}, naming {@code at}) for text that is no such moment
     */
    public static FindIncidentDossierAsOf of(IncidentId incidentId, String at, Actor viewer) {
        return new FindIncidentDossierAsOf(incidentId, AsOfMoment.parse(at), viewer);
    }
}
