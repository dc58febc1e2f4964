package nl.incidents.command.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.SendFailedException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.incidents.command.notification.MailOutbox.WaitingMail;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends the waiting mails of the {@link MailOutbox}, apart from the event processors, so that a slow
 * or absent mail server never holds up an event processor, and one bad address never holds up the
 * other mails.
 *
 * <p>A mail that fails for a reason that may pass (the server is down, refuses for now, the
 * connection breaks) is tried again later, after a wait that doubles up to a maximum: an outage
 * delays mails, it does not drop them. A mail that can never be delivered (the server rejects the
 * address, the member has no address) is marked undeliverable at once, logged as an error and
 * counted, and stays in the outbox for an operator; the notice is in the member's inbox either way.
 */
class MailDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final OrganisationDirectory directory;
    private final NotificationProperties properties;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter undeliverable;
    private volatile ScheduledExecutorService executor;

    MailDelivery(MailOutbox outbox, JavaMailSender sender, OrganisationDirectory directory,
                 NotificationProperties properties, MeterRegistry meters, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.sent = attempts(meters, "sent");
        this.retried = attempts(meters, "retry");
        this.undeliverable = attempts(meters, "undeliverable");
        Gauge.builder("incidents.notifications.mails.waiting", outbox, MailOutbox::waiting)
                .description("Mails not yet sent, waiting for their next attempt").register(meters);
        Gauge.builder("incidents.notifications.mails.undeliverable", outbox, MailOutbox::undeliverable)
                .description("Mails given up on: the address was rejected or is missing").register(meters);
    }

    private static Counter attempts(MeterRegistry meters, String outcome) {
        return Counter.builder("incidents.notifications.mail.attempts").tag("outcome", outcome)
                .description("Attempts to send a notification mail, by outcome").register(meters);
    }

    /** Sends every mail whose attempt is due; returns how many were sent. */
    int deliverDue() {
        int delivered = 0;
        for (WaitingMail mail : outbox.due(clock.instant(), properties.delivery().batchSize())) {
            if (outbox.claim(mail, clock.instant().plus(properties.delivery().lease())) && deliver(mail)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(WaitingMail mail) {
        Optional<String> address = directory.member(mail.recipient()).map(Member::email).filter(e -> !e.isBlank());
        if (address.isEmpty()) {
            giveUp(mail, "the directory has no e-mail address for " + mail.recipient());
            return false;
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
                giveUp(mail, e.getMessage());
            } else {
                Instant next = clock.instant().plus(properties.delivery().retryAfter(mail.attempts() + 1));
                outbox.retryAt(mail, next, e.getMessage());
                retried.increment();
                log.warn("Could not mail {} about incident {} (attempt {}): {}; trying again at {}", mail.recipient(),
                        mail.incidentId(), mail.attempts() + 1, e.getMessage(), next);
            }
            return false;
        }
        outbox.sent(mail, clock.instant());
        sent.increment();
        return true;
    }

    private void giveUp(WaitingMail mail, String reason) {
        outbox.undeliverable(mail, clock.instant(), reason);
        undeliverable.increment();
        log.error("Mail to {} about incident {} is undeliverable and will not be tried again: {}. The notice is in "
                + "their inbox; fix the address and clear failed_at in notification_mail to send it.",
                mail.recipient(), mail.incidentId(), reason);
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

    private void deliverSafely() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The outbox itself is unreachable (the database): the next round tries again.
            log.warn("Could not look for mails to send; trying again in {}", properties.delivery().pollInterval(), e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "notification-mail");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.delivery().pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::deliverSafely, interval, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
