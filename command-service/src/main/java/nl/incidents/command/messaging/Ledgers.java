package nl.incidents.command.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.incidents.support.IncidentsProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command side's bookkeeping that is only rows of its own tables (the due steps the sweep reads, the closed cases
 * the retention task reads) is kept by one streaming processor, {@value #GROUP}: every event is read and its type
 * looked at once, instead of once per ledger, and only the types some ledger handles are deserialized (Axon's pooled
 * processor skips a type no handler of the group can handle before it is deserialized: {@code canHandleTypeOf} in its
 * coordinator). Each handler is idempotent (it sets or deletes rows to what the event says), so handling an event again
 * (a retry, a replay) leaves the same rows.
 *
 * <p>Until this group, each ledger had its own ({@value #DUE_STEPS_BEFORE}, {@value #RETENTION_BEFORE}). A store kept
 * by them starts the new group where both had come (the lower bound of all their tokens): what the one ahead had seen
 * already is handled again, which changes nothing. A store on which either had not yet started starts the new group
 * at the beginning of the store, as Axon would: every event is handled again, which ends in the same rows. The earlier
 * groups' token rows stay, unused, so that the previous version can still run on the store.
 */
@Configuration(proxyBeanMethods = false)
public class Ledgers {

    /** The processing group of the command side's ledgers. */
    public static final String GROUP = "ledgers";
    static final String DUE_STEPS_BEFORE = "escalation-ledger";
    static final String RETENTION_BEFORE = "retention-ledger";
    private static final List<String> GROUPS_BEFORE = List.of(DUE_STEPS_BEFORE, RETENTION_BEFORE);

    /**
     * Where the group starts when it has no tokens yet (Axon asks only then: an existing group keeps its own tokens).
     */
    @Bean
    ConfigurerModule ledgersStartWhereTheirGroupsStopped(JdbcClient jdbc, IncidentsProperties properties) {
        String tokenTable = properties.axon().requiredTokenTable();
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(GROUP,
                (config, builder) -> builder.initialToken(source -> initialToken(jdbc, tokenTable,
                        tokenSerializer(config.getComponent(TokenStore.class), config.serializer()), source)));
    }

    private static Serializer tokenSerializer(TokenStore tokenStore, Serializer fallback) {
        return tokenStore instanceof JdbcTokenStore jdbcStore ? jdbcStore.serializer() : fallback;
    }

    /** The earlier groups' position, the earliest of all their segments; else the beginning of the store. */
    static TrackingToken initialToken(JdbcClient jdbc, String tokenTable, Serializer serializer,
                                      StreamableMessageSource<TrackedEventMessage<?>> source) {
        record Stored(String group, byte[] token, String type) {
        }
        List<Stored> rows = jdbc.sql("SELECT processor_name, token, token_type FROM " + tokenTable
                        + " WHERE processor_name IN (:groups)")
                .param("groups", GROUPS_BEFORE)
                .query((rs, row) -> new Stored(rs.getString("processor_name"), rs.getBytes("token"),
                        rs.getString("token_type")))
                .list();
        Set<String> started = new HashSet<>();
        rows.forEach(row -> started.add(row.group()));
        if (!started.containsAll(GROUPS_BEFORE) || rows.stream().anyMatch(row -> row.token() == null)) {
            return ReplayToken.createReplayToken(source.createHeadToken()); // Axon's own default: from the beginning
        }
        TrackingToken earliest = null;
        for (Stored row : rows) {
            TrackingToken token = WrappedToken.unwrapLowerBound(serializer.deserialize(
                    new SimpleSerializedObject<>(row.token(), byte[].class, row.type(), null)));
            if (token == null) {
                // A group replaying from the very start that had not handled an event yet: nothing is known to be
                // done, so the new group starts at the beginning too.
                return ReplayToken.createReplayToken(source.createHeadToken());
            }
            earliest = earliest == null ? token : earliest.lowerBound(token);
        }
        return earliest;
    }
}
