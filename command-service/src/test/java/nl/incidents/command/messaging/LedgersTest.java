package nl.incidents.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.incidents.kernel.json.IncidentsJson;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Where the one ledger group starts on a store the two earlier ledger groups kept, as an operator's upgrade meets it:
 * where the one behind had come (what the other had seen is handled again, which changes nothing); at the beginning
 * when either had not started, or was replaying from the start without having handled an event yet (nothing is known
 * to be done, so nothing may be skipped). On the command service's own token table, in an H2 file.
 */
class LedgersTest {

    private static final String TABLE = "command_token_entry";

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(IncidentsJson.messageMapper()).build();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private JdbcClient jdbc;

    @BeforeEach
    void tokenTable() throws Exception {
        Path dir = Files.createTempDirectory("ledgers");
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + dir + "/incidents", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/command/h2").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        for (int i = 0; i < 10; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }
    }

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void theGroupStartsWhereTheGroupBehindHadCome() {
        stored(Ledgers.DUE_STEPS_BEFORE, new GlobalSequenceTrackingToken(7));
        stored(Ledgers.RETENTION_BEFORE, new GlobalSequenceTrackingToken(4));

        assertThat(initial()).isEqualTo(new GlobalSequenceTrackingToken(4));
    }

    @Test
    void aGroupThatHadNotStartedMakesItStartAtTheBeginning() {
        stored(Ledgers.DUE_STEPS_BEFORE, new GlobalSequenceTrackingToken(7));

        assertStartsAtTheBeginning(initial());
    }

    @Test
    void aGroupReplayingFromTheStartThatHadHandledNothingMakesItStartAtTheBeginning() {
        stored(Ledgers.DUE_STEPS_BEFORE, new GlobalSequenceTrackingToken(7));
        stored(Ledgers.RETENTION_BEFORE, ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(9)));

        assertStartsAtTheBeginning(initial());
    }

    @Test
    void aGroupReplayingPartWayCountsWhereItHadComeInTheReplay() {
        stored(Ledgers.DUE_STEPS_BEFORE, new GlobalSequenceTrackingToken(7));
        stored(Ledgers.RETENTION_BEFORE, ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(9),
                new GlobalSequenceTrackingToken(2)));

        assertThat(initial()).isEqualTo(new GlobalSequenceTrackingToken(2));
    }

    /** A replay from the head: it handles every event of the store, none of them as new. */
    private void assertStartsAtTheBeginning(TrackingToken token) {
        assertThat(token).isInstanceOf(ReplayToken.class);
        assertThat(WrappedToken.unwrapLowerBound(token)).as("nothing handled yet").isNull();
        assertThat(((ReplayToken) token).getTokenAtReset()).isEqualTo(store.createHeadToken());
    }

    private TrackingToken initial() {
        return Ledgers.initialToken(jdbc, TABLE, serializer, store);
    }

    private void stored(String group, TrackingToken token) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        jdbc.sql("INSERT INTO " + TABLE + " (processor_name, segment, token, token_type) VALUES (?, 0, ?, ?)")
                .params(group, serialized.getData(), serialized.getType().getName())
                .update();
    }
}
