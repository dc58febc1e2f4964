package nl.incidents.command.notification;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler.MaxRetriesFailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.SendFailedException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.support.notification.CaseNotices;
import nl.incidents.kernel.logging.Pseudonym;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends each {@link NoticeMail} as a db-scheduler task, apart from the event processors: a slow or
 * absent mail server never holds up an event processor, and one bad address never holds up another
 * mail. The mails run at a lower priority than the deadlines, which go first when both are due.
 *
 * <p>A mail that fails for a reason that may pass (the server is down, refuses for now, the
 * connection breaks) is tried again by db-scheduler after a wait that grows with each failure, up to
 * {@code max-retries} times: an outage delays mails, it does not drop them. A mail that can never be
 * delivered (the server rejects the address, the member has no address), or that failed that often,
 * is given up: recorded in {@code undeliverable_mail} with the reason, logged as an error and counted.
 * The notice is in the member's inbox either way.
 *
 * <p>Just before sending, a mail is checked against where its case stands now ({@link CaseNotices#mayStillBeTold}): a
 * mail to someone who may no longer know of a case that became need-to-know in the meantime (while the mail waited
 * for the server, say) is dropped, counted as {@code withheld}. A mail already sent cannot be recalled.
 */
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JavaMailSender sender;
    private final OrganisationDirectory directory;
    private final NotificationProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseNotices notices;
    private final Counter sent;
    private final Counter withheld;
    private final Counter retried;
    private final Counter undeliverable;

    MailDelivery(JavaMailSender sender, OrganisationDirectory directory, NotificationProperties properties,
                 JdbcClient jdbc, MeterRegistry meters, Clock clock, CaseNotices notices) {
        this.sender = sender;
        this.directory = directory;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.notices = notices;
        this.sent = attempts(meters, "sent");
        this.withheld = attempts(meters, "withheld");
        this.retried = attempts(meters, "retry");
        this.undeliverable = attempts(meters, "undeliverable");
        Gauge.builder("incidents.notifications.mails.waiting", this, MailDelivery::waiting)
                .description("Mails not yet sent, waiting for their next attempt").register(meters);
        Gauge.builder("incidents.notifications.mails.undeliverable", this, MailDelivery::givenUp)
                .description("Mails given up on: the address was rejected or is missing, or every attempt failed")
                .register(meters);
    }

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("incidents.notifications.mail.attempts").tag("outcome", outcome)
                .description("Attempts to send a notification mail, by outcome").register(meters);
    }

    /** The task that sends one mail, with its back-off and its giving up. */
    OneTimeTask<NoticeMail> task() {
        NotificationProperties.Delivery delivery = properties.delivery();
        FailureHandler<NoticeMail> backOff = new ExponentialBackoffFailureHandler<>(delivery.firstRetry(),
                delivery.backoffRate());
        return Tasks.oneTime(NoticeMail.TASK)
                .onFailure(new MaxRetriesFailureHandler<>(delivery.maxRetries(), (failed, operations) -> {
                    retried.increment();
                    backOff.onFailure(failed, operations);
                }, (failed, operations) -> giveUp(failed)))
                .execute((instance, context) -> send(instance.getData()));
    }

    /** Sends the mail; throws {@link NotSentForNow} when trying again later may help. */
    void send(NoticeMail mail) {
        if (!notices.mayStillBeTold(IncidentId.of(mail.incidentId()), new PersonId(mail.recipientId()))) {
            // The case became need-to-know since the mail was written, and the recipient is not one who needs to know.
            withheld.increment();
            log.info("Mail about incident {} (event {}) is not sent: the case is need-to-know and its recipient is not "
                    + "one of those who may know of it", mail.incidentId(), mail.eventId());
            return;
        }
        Optional<String> address = directory.member(new PersonId(mail.recipientId())).map(Member::email)
                .filter(e -> !e.isBlank());
        if (address.isEmpty()) {
            undeliverable(mail, 1, "the directory has no e-mail address for " + mail.recipientId());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(address.get());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        try {
            sender.send(message);
        } catch (MailException e) {
            if (permanent(e)) {
                undeliverable(mail, 1, e.getMessage());
                return;
            }
            throw new NotSentForNow(mail, e);
        }
        sent.increment();
    }

    private void giveUp(ExecutionComplete failed) {
        NoticeMail mail = (NoticeMail) failed.getExecution().taskInstance.getData();
        String reason = failed.getCause().map(e -> e instanceof NotSentForNow notSent ? notSent.reason : e.getMessage())
                .orElse("unknown error");
        undeliverable(mail, failed.getExecution().consecutiveFailures + 1, reason);
    }

    private void undeliverable(NoticeMail mail, int attempts, String reason) {
        String error = reason == null ? "unknown error" : reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        boolean known = jdbc.sql("SELECT COUNT(*) FROM undeliverable_mail WHERE event_id = ? AND recipient_id = ?")
                .params(mail.eventId(), mail.recipientId()).query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("""
                    INSERT INTO undeliverable_mail (event_id, recipient_id, incident_id, kind, failed_at, attempts, last_error)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(mail.eventId(), mail.recipientId(), mail.incidentId(), mail.kind(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), attempts, error)
                    .update();
        }
        undeliverable.increment();
        // The recipient as a pseudonym and no server answer (it may quote the address): logs carry no personal data.
        log.error("Mail to recipient {} about incident {} (event {}) is undeliverable and will not be tried again. The "
                + "notice is in their inbox; undeliverable_mail keeps the record and the server's answer.",
                Pseudonym.of(mail.recipientId()), mail.incidentId(), mail.eventId());
    }

    /** Whether trying again cannot help: the message cannot be built, or the server rejected the address. */
    static boolean permanent(MailException e) {
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return true;
        }
        if (e instanceof MailSendException send) {
            for (Exception cause : send.getFailedMessages().values()) {
                for (Throwable t = cause; t != null; t = t.getCause()) {
                    if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                            && failed.getInvalidAddresses().length > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private long waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?").param(NoticeMail.TASK.getTaskName())
                .query(Long.class).single();
    }

    private long givenUp() {
        return jdbc.sql("SELECT COUNT(*) FROM undeliverable_mail").query(Long.class).single();
    }

    /**
     * A mail that could not be sent for now; db-scheduler logs it as a failed execution and tries again
     * after its back-off. The mail server's own words say why; a stack trace would add nothing.
     */
    static final class NotSentForNow extends RuntimeException {

        private final String reason;

        NotSentForNow(NoticeMail mail, MailException cause) {
            super("Could not mail " + mail.recipientId() + " about incident " + mail.incidentId() + " for now: "
                    + cause.getMessage(), null, false, false);
            this.reason = cause.getMessage();
        }
    }
}
