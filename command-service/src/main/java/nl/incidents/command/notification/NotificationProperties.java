package nl.incidents.command.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incidents.notifications}: who the mails come from, and how long a mail that cannot be sent
 * for now is tried again. (The link base URL of the same prefix is read where the notices are
 * written, for both services.)
 *
 * @param from     the sender of every mail
 * @param delivery after a failed attempt, the wait before the next one ({@code first-retry}, then
 *                 multiplied by {@code backoff-rate} after each further failure), and how many failed
 *                 attempts are tried again ({@code max-retries}) before the mail is given up
 */
@ConfigurationProperties("incidents.notifications")
public record NotificationProperties(
        @DefaultValue("incidents@localhost") String from,
        @DefaultValue Delivery delivery) {

    public record Delivery(
            @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("2") double backoffRate,
            @DefaultValue("11") int maxRetries) {
    }
}
