package nl.incidents.query.accesslog;

import java.time.Instant;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;

/**
 * One line of the access log as the board reads it.
 *
 * @param id         the entry's number: higher is later; {@code before} of the next page
 * @param at         when it was read, to the millisecond (kept in UTC, shown in Dutch time)
 * @param reader     who read it, in the role the directory gave them then
 * @param kind       what was read
 * @param incidentId the case read (its dossier or history); absent for a person dossier
 * @param personId   the person whose dossier was read; absent for a case
 * @param address    the reader's network address (IPv4 or IPv6): the browser's for a page, the caller's for the API
 * @param channel    through a page or the API
 * @param refused    true when the read was refused (403, or 404 for what does not exist or holds nothing the reader
 *                   may read): nothing was shown
 */
public record AccessLogEntry(long id, Instant at, Actor reader, AccessKind kind, IncidentId incidentId,
                             PersonId personId, String address, Channel channel, boolean refused) {
}
