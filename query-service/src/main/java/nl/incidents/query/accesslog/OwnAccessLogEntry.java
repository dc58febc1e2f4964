package nl.incidents.query.accesslog;

import java.time.Instant;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;

/**
 * One read of a person's data as that person reads it in their own access log ("wie las mijn gegevens"): the role
 * of the reader, never their name or address (a data subject is owed the dates and the recipients' categories, not
 * the identity of the employees who looked; CJEU C-579/21, Pankki S, 22 June 2023). The board's view
 * ({@link AccessLogEntry}) names them, so the board can answer a pupil's or parent's request and act on a misuse.
 *
 * @param at         when it was read (kept in UTC, shown in Dutch time)
 * @param readerRole the reader's role then
 * @param byYou      true when the person read it themselves
 * @param kind       what was read
 * @param incidentId the case read (one the person is involved in); absent for their dossier
 * @param personId   the person whose dossier was read (they themselves); absent for a case
 * @param channel    through a page or the API
 * @param refused    true when the read was refused and nothing was shown
 */
public record OwnAccessLogEntry(Instant at, ActorRole readerRole, boolean byYou, AccessKind kind, IncidentId incidentId,
                                PersonId personId, Channel channel, boolean refused) {
}
