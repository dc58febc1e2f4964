package nl.incidents.command.notification;

import java.time.Clock;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.notification.Notice;
import nl.incidents.support.notification.CaseNotices;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Puts the notices of each new event in the mail outbox, in the transaction that moves the
 * notifications processor on: a notice is recorded exactly when its event counts as handled. It
 * sends nothing itself, so the mail server's state never stops this processor or any other.
 */
@ProcessingGroup(NotificationRecorder.GROUP)
class NotificationRecorder {

    static final String GROUP = "notifications";

    private final CaseNotices notices;
    private final MailOutbox outbox;
    private final Clock clock;

    NotificationRecorder(CaseNotices notices, MailOutbox outbox, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        for (Notice notice : notices.of(event, sequence)) {
            outbox.add(message.getIdentifier(), notice, clock.instant());
        }
    }
}
