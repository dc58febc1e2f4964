package nl.incidents.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** Every message Axon makes gets a random UUID from this service's own factory, unique across threads. */
class MessageIdentifiersTest {

    @Test
    void axonMakesMessageIdsWithThisFactory() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(MessageIdentifiers.class);
        String id = GenericEventMessage.asEventMessage("a case was reported").getIdentifier();
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).as("random").isEqualTo(4);
        assertThat(uuid.variant()).as("IETF").isEqualTo(2);
        assertThat(uuid.toString()).isEqualTo(id);
    }

    @Test
    void idsMadeOnManyThreadsAtOnceAreAllDifferent() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        int perThread = 50_000;
        int threads = 8;
        IntStream.range(0, threads).parallel().forEach(thread -> {
            for (int i = 0; i < perThread; i++) {
                ids.add(IdentifierFactory.getInstance().generateIdentifier());
            }
        });
        assertThat(ids).hasSize(perThread * threads);
    }
}
