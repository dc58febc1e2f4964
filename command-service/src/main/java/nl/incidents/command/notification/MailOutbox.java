package nl.incidents.command.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.notification.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mails to send, one row per notice and recipient ({@code notification_mail}): written in the
 * same transaction as the notifications processor's token, sent and marked by {@link MailDelivery}.
 * A sent or undeliverable row stays as the record of who was mailed what, and when.
 */
class MailOutbox {

    /** A mail waiting to be sent; {@code attempts} is also its version, for claiming it. */
    record WaitingMail(String eventId, PersonId recipient, IncidentId incidentId, String subject, String text,
                       int attempts) {
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a notice to mail, once: an event handled again adds nothing. */
    void add(String eventId, Notice notice, Instant now) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE event_id = ? AND recipient_id = ?")
                .params(eventId, notice.recipient().value()).query(Long.class).single() > 0;
        if (known) {
            return;
        }
        jdbc.sql("""
                INSERT INTO notification_mail (event_id, recipient_id, incident_id, kind, subject, text, created_at,
                    attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(eventId, notice.recipient().value(), notice.incidentId().toString(), notice.kind().name(),
                        notice.subject(), notice.text(), utc(now), utc(now))
                .update();
    }

    /** Mails not yet sent nor given up, whose next attempt is due, oldest first. */
    List<WaitingMail> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT event_id, recipient_id, incident_id, subject, text, attempts FROM notification_mail
                WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
                ORDER BY next_attempt_at, created_at
                FETCH FIRST ? ROWS ONLY""")
                .params(utc(now), limit)
                .query((rs, row) -> new WaitingMail(rs.getString("event_id"), new PersonId(rs.getString("recipient_id")),
                        IncidentId.of(rs.getString("incident_id")), rs.getString("subject"), rs.getString("text"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Takes a mail for one attempt until {@code until}, unless another instance took it first; a
     * mail whose sender died is taken again once that time has passed.
     */
    boolean claim(WaitingMail mail, Instant until) {
        return jdbc.sql("""
                UPDATE notification_mail SET attempts = attempts + 1, next_attempt_at = ?
                WHERE event_id = ? AND recipient_id = ? AND attempts = ? AND sent_at IS NULL AND failed_at IS NULL""")
                .params(utc(until), mail.eventId(), mail.recipient().value(), mail.attempts())
                .update() == 1;
    }

    void sent(WaitingMail mail, Instant at) {
        jdbc.sql("UPDATE notification_mail SET sent_at = ?, last_error = NULL WHERE event_id = ? AND recipient_id = ?")
                .params(utc(at), mail.eventId(), mail.recipient().value())
                .update();
    }

    void retryAt(WaitingMail mail, Instant next, String error) {
        jdbc.sql("UPDATE notification_mail SET next_attempt_at = ?, last_error = ? WHERE event_id = ? AND recipient_id = ?")
                .params(utc(next), truncate(error), mail.eventId(), mail.recipient().value())
                .update();
    }

    void undeliverable(WaitingMail mail, Instant at, String error) {
        jdbc.sql("UPDATE notification_mail SET failed_at = ?, last_error = ? WHERE event_id = ? AND recipient_id = ?")
                .params(utc(at), truncate(error), mail.eventId(), mail.recipient().value())
                .update();
    }

    long waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE sent_at IS NULL AND failed_at IS NULL")
                .query(Long.class).single();
    }

    long undeliverable() {
        return jdbc.sql("SELECT COUNT(*) FROM notification_mail WHERE failed_at IS NOT NULL")
                .query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
