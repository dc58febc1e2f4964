package nl.incidents.query.inbox;

import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.NeedToKnowReaderRemoved;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.NoticeFacts;
import nl.incidents.kernel.notification.NoticeTexts;
import nl.incidents.query.live.LiveChanges;
import nl.incidents.support.axon.BatchWrites;
import nl.incidents.support.notification.CaseNotices;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists every notice in its recipient's inbox, whether or not a mail server is configured: its facts, from which
 * each reader reads it in their own language, and its subject and text in English for the API's users. It has
 * a processing group of its own: the inbox need not agree with the case list from one event to the
 * next, and when it is new on an old store it fills itself from the whole history (mails are never
 * sent for the history; the inbox, behind sign-in, may show it).
 */
@Component
@ProcessingGroup(InboxProjection.GROUP)
class InboxProjection {

    static final String GROUP = "inbox";

    /**
     * Safe to repeat (seen before a restart, or in a replay) and sent with the batch's other notices
     * ({@link BatchWrites}); what reads the entries in this group sends them first.
     */
    private static final String INSERT = """
            INSERT INTO inbox_entry (event_id, recipient_id, incident_id, kind, subject, text, received_at,
                school_id, school_name, level, step, due_at, missed_acknowledgement, reminder, legal_duty, by_system)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM inbox_entry WHERE event_id = ? AND recipient_id = ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CaseNotices notices;
    private final LiveChanges live;

    InboxProjection(JdbcClient jdbc, JdbcTemplate batch, CaseNotices notices, LiveChanges live) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.notices = notices;
        this.live = live;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event instanceof CaseErased) {
            BatchWrites.flush(); // the batch's notices so far, to be deleted with the others
            // The notices of an erased case lead to a case that shows nothing any more (AVG art. 17).
            jdbc.sql("DELETE FROM inbox_entry WHERE incident_id = ?").param(event.incidentId().toString()).update();
            return;
        }
        if (event instanceof CaseRestrictedToNeedToKnow || event instanceof NeedToKnowReaderRemoved) {
            BatchWrites.flush();
            forgetForThoseNotToKnow(event.incidentId());
        }
        for (Notice notice : notices.of(event, sequence)) {
            NoticeFacts facts = notice.facts();
            BatchWrites.add(batch, INSERT, message.getIdentifier(), notice.recipient().value(),
                    notice.incidentId().toString(), notice.kind().name(), NoticeTexts.subject(facts, Locale.ENGLISH),
                    NoticeTexts.mailText(facts, Locale.ENGLISH, notices.link(notice.incidentId())), utc(at),
                    facts.schoolId(), facts.schoolName(), facts.level() == null ? null : facts.level().name(),
                    facts.step() == null ? null : facts.step().name(), utc(facts.dueAt()),
                    utc(facts.missedAcknowledgement()), facts.reminder(), facts.legalDuty(), facts.bySystem(),
                    message.getIdentifier(), notice.recipient().value());
            live.inboxChanged(notice.recipient()); // told once the transaction committed
        }
    }

    /**
     * The case became need-to-know, or someone was taken off it: the entries of those who may no longer know of it go
     * (by where the case stands now, so a replay removes the same), with their read marks.
     */
    private void forgetForThoseNotToKnow(IncidentId incidentId) {
        String id = incidentId.toString();
        CaseProgress now = notices.progress(incidentId);
        List<String> recipients = jdbc.sql("SELECT DISTINCT recipient_id FROM inbox_entry WHERE incident_id = ?")
                .param(id).query(String.class).list();
        for (String recipient : recipients) {
            if (notices.mayBeTold(new PersonId(recipient), now)) {
                continue;
            }
            jdbc.sql("DELETE FROM inbox_read_mark WHERE recipient_id = ? AND event_id IN ("
                            + "SELECT event_id FROM inbox_entry WHERE incident_id = ? AND recipient_id = ?)")
                    .params(recipient, id, recipient).update();
            jdbc.sql("DELETE FROM inbox_entry WHERE incident_id = ? AND recipient_id = ?").params(id, recipient).update();
            live.inboxChanged(new PersonId(recipient));
        }
    }
}
