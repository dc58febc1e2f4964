package nl.incidents.command.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.support.IncidentsProperties;
import nl.incidents.support.notification.CaseNotices;
import org.axonframework.config.ConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Notification mails, only where a mail server is configured ({@code spring.mail.host}); without
 * one nothing here exists, and the notices are only in the query service's inboxes.
 *
 * <p>The notifications processor mails only what happens from the moment it first runs: when it is
 * new on a store with a history (mail switched on later, or a new installation on old data) it
 * starts at the events stored from this service's start-up, never at the beginning, so nobody gets
 * the history's mails. Afterwards its token is durable like every processor's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableConfigurationProperties(NotificationProperties.class)
class MailNotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailNotificationConfiguration.class);

    @Bean
    ConfigurerModule notificationsFromStartUp() {
        Instant startedAt = Instant.now();
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                NotificationRecorder.GROUP, (config, builder) -> builder.initialToken(source -> source.createTokenAt(startedAt)));
    }

    @Bean
    NotificationRecorder notificationRecorder(CaseNotices notices, SchedulerClient scheduler, IncidentsProperties incidents) {
        return new NotificationRecorder(notices, scheduler, Clock.systemUTC(), incidents.notifications().language());
    }

    @Bean
    MailDelivery mailDelivery(JavaMailSender sender, OrganisationDirectory directory, NotificationProperties properties,
                              JdbcClient jdbc, MeterRegistry meters, MailProperties mail, CaseNotices notices) {
        // Without spring.mail.port, Jakarta Mail's SMTP default (25).
        log.info("Notifications are mailed from {} through {}:{}", properties.from(), mail.getHost(),
                Objects.requireNonNullElse(mail.getPort(), 25));
        return new MailDelivery(sender, directory, properties, jdbc, meters, Clock.systemUTC(), notices);
    }

    @Bean
    OneTimeTask<NoticeMail> noticeMailTask(MailDelivery delivery) {
        return delivery.task();
    }
}
