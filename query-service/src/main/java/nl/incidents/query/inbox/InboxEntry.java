package nl.incidents.query.inbox;

import java.time.Instant;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.notification.Notice;

/** One notice in a member's inbox, with the same subject and text as its mail; {@code receivedAt} is when its event happened. */
public record InboxEntry(IncidentId incidentId, Notice.Kind kind, String subject, String text, Instant receivedAt) {
}
