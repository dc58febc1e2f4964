package nl.incidents.support.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.incidents.support.IncidentsProperties;
import nl.incidents.support.directory.CurrentActor;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.lifecycle.Phase;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead letters for every streaming processor of the service (see {@link DeadLetters}), in the table named
 * by {@code incidents.axon.dead-letter-table} (each service its own, like its tokens), created by Flyway.
 * The metric {@code incidents_dead_letters{processingGroup}} counts what is parked; {@link DeadLetterEndpoint}
 * lists and retries it.
 */
@AutoConfiguration(before = org.axonframework.springboot.autoconfig.JdbcAutoConfiguration.class)
public class DeadLetterConfiguration {

    /** Axon's dead-letter columns, snake_case like every other table. */
    @Bean
    DeadLetterSchema incidentsDeadLetterSchema(IncidentsProperties properties) {
        return DeadLetterSchema.builder()
                .deadLetterTable(properties.axon().requiredDeadLetterTable())
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    DeadLetters deadLetters(DeadLetterSchema schema, ConnectionProvider connections,
                            org.axonframework.common.transaction.TransactionManager axonTransactions,
                            PlatformTransactionManager transactions,
                            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer,
                            JdbcClient jdbc) {
        return new DeadLetters(schema, connections, axonTransactions, transactions, eventSerializer, serializer, jdbc);
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetters deadLetters, CurrentActor actor) {
        return new DeadLetterEndpoint(deadLetters, actor);
    }

    @Bean
    ConfigurerModule deadLetterParking(DeadLetters deadLetters, PlatformTransactionManager transactions,
                                       ObjectProvider<MeterRegistry> meters) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (config, processor) -> new DeadLetterParking(deadLetters, processor, template));
            configurer.onInitialize(config -> config.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS, () -> {
                deadLetters.processing(config.eventProcessingConfiguration());
                meters.ifAvailable(registry -> deadLetters.groupNames().forEach(group ->
                        Gauge.builder("incidents.dead.letters", deadLetters, d -> d.parked(group))
                                .description("Events parked because a handler failed on them, per processing group")
                                .tag("processingGroup", group)
                                .register(registry)));
            }));
        };
    }
}
