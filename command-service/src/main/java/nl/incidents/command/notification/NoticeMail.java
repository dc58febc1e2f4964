package nl.incidents.command.notification;

import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import nl.incidents.kernel.notification.Notice;

/**
 * One notice to mail to one member: the data of a db-scheduler task, kept in {@code scheduled_tasks}
 * until it is sent or given up. Ids and the notice's own words only; the address is looked up when
 * the mail is sent, so a corrected address in the directory counts from the next attempt.
 *
 * @param eventId the event the notice is about; with the recipient, the mail's identity
 */
record NoticeMail(String eventId, String recipientId, String incidentId, String kind, String subject, String text)
        implements Serializable {

    static final TaskDescriptor<NoticeMail> TASK = TaskDescriptor.of("notice-mail", NoticeMail.class);

    /** The mail of a notice, with its subject and text as written in the board's language. */
    static NoticeMail of(String eventId, Notice notice, String subject, String text) {
        return new NoticeMail(eventId, notice.recipient().value(), notice.incidentId().toString(), notice.kind().name(),
                subject, text);
    }

    /**
     * To be sent at once, after any deadline that is due as well (deadlines have the medium priority);
     * the same event and recipient always give the same task instance, so it is mailed once.
     */
    SchedulableInstance<NoticeMail> sendAt(Instant now) {
        String id = UUID.nameUUIDFromBytes((eventId + '\n' + recipientId).getBytes(StandardCharsets.UTF_8)).toString();
        return TASK.instance(id).data(this).priority(Priority.LOW).scheduledTo(now);
    }
}
