package nl.incidents.command.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incidents.notifications}: who the mails come from, and how their delivery is paced. (The
 * link base URL of the same prefix is read where the notices are written, for both services.)
 *
 * @param from     the sender of every mail
 * @param delivery how often waiting mails are looked for, how many at a time, how long one attempt
 *                 may hold a mail, and how the wait between attempts grows after a failure
 */
@ConfigurationProperties("incidents.notifications")
public record NotificationProperties(
        @DefaultValue("incidents@localhost") String from,
        @DefaultValue Delivery delivery) {

    public record Delivery(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetry) {

        /** The wait before the next attempt, after this many failed ones: doubling, up to {@link #maxRetry}. */
        Duration retryAfter(int failedAttempts) {
            Duration wait = firstRetry;
            for (int i = 1; i < failedAttempts && wait.compareTo(maxRetry) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetry) < 0 ? wait : maxRetry;
        }
    }
}
