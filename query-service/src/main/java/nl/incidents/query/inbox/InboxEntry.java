package nl.incidents.query.inbox;

import java.time.Instant;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.NoticeFacts;

/**
 * One notice in a member's inbox (bericht in het postvak); {@code id} names the entry in the member's inbox (the id of
 * the event it tells of), {@code subject} and {@code text} are the notice's words in English (as an English mail gives
 * them), {@code receivedAt} is when its event happened, {@code read} whether the member marked it read (gelezen).
 * {@code facts} are what the notice says, from which a page writes it in its reader's language (the kernel's
 * {@code NoticeTexts}); absent for a notice listed before the facts were kept, which then has only its text.
 */
public record InboxEntry(String id, IncidentId incidentId, Notice.Kind kind, String subject, String text,
                         Instant receivedAt, boolean read, NoticeFacts facts) {
}
