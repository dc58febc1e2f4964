package nl.incidents.support.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.json.IncidentsJson;
import nl.incidents.support.IncidentsProperties;
import nl.incidents.support.privacy.PersonalDataCipher;
import nl.incidents.support.privacy.PersonalDataModule;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The Axon choices both services share: Jackson with the kernel's own mapper for every stored and
 * routed message, the events' personal data encrypted field by field where they are stored, snake_case JDBC tables created by Flyway, pooled streaming processors that handle
 * events in batches and stop and retry on a failing handler instead of skipping the event, and the actor of each command
 * carried on to the events it causes.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
public class AxonConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    /**
     * The serializer Axon stores events with (JDBC event store, Axon Server, dead letters, deadlines): the kernel's
     * mapping, with every personal-data field of an event encrypted ({@link PersonalDataModule}).
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalDataCipher cipher) {
        ObjectMapper mapper = plainMapper().registerModule(new PersonalDataModule(cipher, plainMapper()));
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(plainMapper()).build();
    }

    /**
     * A new mapper of the kernel's mapping as every serializer here uses it, without encryption. A set is read back
     * in the order it was written (Jackson's default, a HashSet, iterates differently in every process): an answer
     * that crossed Axon Server reads the same before and after a restart.
     */
    public static ObjectMapper plainMapper() {
        return IncidentsJson.messageMapper()
                .registerModule(new SimpleModule("sets-keep-their-order").addAbstractTypeMapping(Set.class, LinkedHashSet.class));
    }

    @Bean
    EventSchema incidentsEventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Each service keeps its processors' tokens in a table of its own, named by {@code incidents.axon.token-table}. */
    @Bean
    TokenSchema incidentsTokenSchema(IncidentsProperties properties) {
        return TokenSchema.builder()
                .setTokenTable(properties.axon().requiredTokenTable())
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Every processor is a pooled streaming processor whose event stream is cut into
     * {@code incidents.axon.segments} segments (4) when its tokens are first created. Instances of a
     * service share the token table, so each segment is processed by exactly one instance at a time: the
     * instances split the segments between them, and take over those of an instance that stops.
     * {@code incidents.axon.max-claimed-segments} caps what one instance claims (by default all it can),
     * for spreading the work without Axon Server's load balancing.
     * <p>
     * Each processor handles up to {@code incidents.axon.batch-size} events (100) in one transaction with one token
     * update, on {@code incidents.axon.processor-threads} worker threads (1) shared by its segments (Axon's default is
     * 4 per processor, which with every service's processors wanted more connections than the pool has). On the JDBC
     * store each processor reads through a {@link PromptEventSource}, so that it takes a new event as soon as the
     * store has it instead of at the coordinator's next look, up to 500 ms later.
     */
    @Bean
    ConfigurerModule eventProcessingDefaults(IncidentsProperties properties) {
        int segments = properties.axon().segments();
        int maxClaimed = properties.axon().maxClaimedSegments();
        int batchSize = properties.axon().batchSize();
        int threads = properties.axon().processorThreads();
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((configuration, builder) -> {
                    builder.initialSegmentCount(segments)
                            .batchSize(batchSize)
                            .workerExecutor(processor -> {
                                ScheduledExecutorService workers = Executors.newScheduledThreadPool(threads,
                                        new AxonThreadFactory("WorkPackage[" + processor + "]"));
                                configuration.onShutdown(workers::shutdown);
                                return workers;
                            });
                    if (configuration.eventBus() instanceof EmbeddedEventStore store) {
                        builder.messageSource(new PromptEventSource(store));
                    }
                    return maxClaimed > 0 ? builder.maxClaimedSegments(maxClaimed) : builder;
                })
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(Actor.ID_KEY, Actor.ROLE_KEY, Actor.CAUSE_KEY);
    }
}
