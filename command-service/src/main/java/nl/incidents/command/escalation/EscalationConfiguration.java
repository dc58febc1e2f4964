package nl.incidents.command.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import nl.incidents.kernel.calendar.CalendarFile;
import nl.incidents.kernel.calendar.SchoolCalendar;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.escalation.EscalationPolicy;
import nl.incidents.kernel.escalation.EscalationRules;
import nl.incidents.kernel.time.TimePrecision;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The escalation policy and school calendar in force, from the defaults and {@code incidents.escalation}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationProperties.class)
class EscalationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EscalationConfiguration.class);

    @Bean
    EscalationPolicy escalationPolicy(EscalationProperties properties) {
        return properties.policy();
    }

    @Bean
    SchoolCalendar schoolCalendar(EscalationProperties properties) {
        SchoolCalendar calendar;
        if (properties.calendar() == null) {
            calendar = SchoolCalendar.standard();
        } else {
            try (InputStream in = properties.calendar().getInputStream()) {
                calendar = CalendarFile.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the school calendar " + properties.calendar(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The school calendar " + properties.calendar() + " is wrong: "
                        + e.getMessage(), e);
            }
        }
        if (calendar.coveredUntil().isBefore(LocalDate.now(SchoolCalendar.ZONE).plusMonths(3))) {
            log.warn("The school calendar's holidays run until {} only: after that, every weekday counts as a school "
                    + "day. Give the next school year's holidays in incidents.escalation.calendar.", calendar.coveredUntil());
        }
        return calendar;
    }

    /**
     * Every time the command side makes (each event's time stamp, the case's "now", and so every due
     * time) at the one precision the system keeps, so that a time read back from the event store or a
     * column (the ledger's due time) is the very time the case holds.
     */
    @Bean
    ConfigurerModule timesAtKeptPrecision() {
        return configurer -> GenericEventMessage.clock = TimePrecision.clock(Clock.systemUTC());
    }

    /**
     * The saga's processor in one segment, not the services' default four: Axon's saga manager looks a saga event's
     * associations up in every segment it is offered to, so four segments cost four transactions, lookups and token
     * writes for each event with one useful call (issue 13 measured 20 saga transactions for 5 calls per case). One
     * segment keeps the events of all cases in one stream, in order; the work per event is small now that the report
     * escalates itself. Axon takes the count only when it creates the processor's tokens: a store that has them keeps
     * its four segments (README, "Escalation timing").
     */
    @Bean
    ConfigurerModule sagaInOneSegment() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                EscalationSaga.PROCESSOR, (configuration, builder) -> builder.initialSegmentCount(1));
    }

    @Bean
    EscalationRules escalationRules(EscalationPolicy policy, SchoolCalendar calendar, OrganisationDirectory directory) {
        return new EscalationRules(policy, calendar, directory);
    }
}
