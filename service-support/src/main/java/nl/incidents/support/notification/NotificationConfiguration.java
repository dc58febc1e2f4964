package nl.incidents.support.notification;

import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.notification.Notices;
import nl.incidents.support.IncidentsProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The notices both services give: the command service mails them, the query service lists them in
 * each member's inbox, from the same facts and with the same link to the case's page
 * ({@code incidents.notifications.link-base-url}).
 */
@AutoConfiguration
public class NotificationConfiguration {

    @Bean
    Notices notices(OrganisationDirectory directory, IncidentsProperties properties) {
        return new Notices(directory, properties.notifications().requiredLinkBaseUrl());
    }

    @Bean
    CaseNotices caseNotices(EventStore eventStore, Notices notices, IncidentsProperties properties) {
        IncidentsProperties.Notifications.CaseCache cache = properties.notifications().caseCache();
        return new CaseNotices(eventStore, notices, cache.size(), cache.expiry());
    }
}
