package nl.incidents.query.inbox;

import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import java.util.Locale;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.NoticeFacts;
import nl.incidents.kernel.notification.NoticeTexts;
import nl.incidents.query.live.LiveChanges;
import nl.incidents.support.notification.CaseNotices;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
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

    private final JdbcClient jdbc;
    private final CaseNotices notices;
    private final LiveChanges live;

    InboxProjection(JdbcClient jdbc, CaseNotices notices, LiveChanges live) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.live = live;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event instanceof CaseErased) {
            // The notices of an erased case lead to a case that shows nothing any more (AVG art. 17).
            jdbc.sql("DELETE FROM inbox_entry WHERE incident_id = ?").param(event.incidentId().toString()).update();
            return;
        }
        for (Notice notice : notices.of(event, sequence)) {
            boolean known = jdbc.sql("SELECT COUNT(*) FROM inbox_entry WHERE event_id = ? AND recipient_id = ?")
                    .params(message.getIdentifier(), notice.recipient().value()).query(Long.class).single() > 0;
            if (known) {
                continue; // seen before a restart, or in a replay
            }
            NoticeFacts facts = notice.facts();
            jdbc.sql("""
                    INSERT INTO inbox_entry (event_id, recipient_id, incident_id, kind, subject, text, received_at,
                        school_id, school_name, level, step, due_at, missed_acknowledgement, reminder, legal_duty, by_system)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(message.getIdentifier(), notice.recipient().value(), notice.incidentId().toString(),
                            notice.kind().name(), NoticeTexts.subject(facts, Locale.ENGLISH),
                            NoticeTexts.mailText(facts, Locale.ENGLISH, notices.link(notice.incidentId())), utc(at),
                            facts.schoolId(), facts.schoolName(), facts.level() == null ? null : facts.level().name(),
                            facts.step().name(), utc(facts.dueAt()), utc(facts.missedAcknowledgement()), facts.reminder(),
                            facts.legalDuty(), facts.bySystem())
                    .update();
            live.inboxChanged(notice.recipient()); // told once the transaction committed
        }
    }
}
