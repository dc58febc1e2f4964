package nl.incidents.command.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.util.Locale;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.kernel.notification.NoticeTexts;
import nl.incidents.support.notification.CaseNotices;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Schedules a mail for each notice of each new event, written in the board's language, in the transaction that moves the
 * notifications processor on: a mail is scheduled exactly when its event counts as handled. It sends
 * nothing itself (db-scheduler does, see {@link MailDelivery}), so the mail server's state never stops
 * this processor or any other.
 */
@ProcessingGroup(NotificationRecorder.GROUP)
class NotificationRecorder {

    static final String GROUP = "notifications";

    private final CaseNotices notices;
    private final SchedulerClient mails;
    private final Clock clock;
    private final Locale language;

    /** @param language the board's language, which every mail is written in ({@code incidents.notifications.language}) */
    NotificationRecorder(CaseNotices notices, SchedulerClient mails, Clock clock, Locale language) {
        this.notices = notices;
        this.mails = mails;
        this.clock = clock;
        this.language = language;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        for (Notice notice : notices.of(event, sequence)) {
            String subject = NoticeTexts.subject(notice.facts(), language);
            String text = NoticeTexts.mailText(notice.facts(), language, notices.link(notice.incidentId()));
            mails.scheduleIfNotExists(NoticeMail.of(message.getIdentifier(), notice, subject, text).sendAt(clock.instant()));
        }
    }
}
