package nl.incidents.query.inbox;

import java.time.Instant;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.notification.Notice;

/**
 * One notice in a member's inbox, with the same subject and text as its mail; {@code id} names the entry in the
 * member's inbox (the id of the event it tells of), {@code receivedAt} is when its event happened, {@code read}
 * whether the member marked it read (gelezen).
 */
public record InboxEntry(String id, IncidentId incidentId, Notice.Kind kind, String subject, String text,
                         Instant receivedAt, boolean read) {
}
