package nl.incidents.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import nl.incidents.support.testing.WireTypes;
import nl.incidents.support.testing.WireTypes.Crossing;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every query the query service answers and every answer it gives, found by scanning its query handlers
 * rather than listed, is serialized and read back unchanged by the serializer the services configure, as
 * it is when it crosses Axon Server: an answer must name its own type (a bare {@code List} arrives as a list
 * of maps).
 */
class QueriesCrossTheWireTest {

    private static final Serializer SERIALIZER = WireTypes.configuredSerializers().get("messageSerializer");
    private static final List<Crossing> HANDLED = WireTypes.handledIn("nl.incidents.query");

    @Test
    void theScanFindsEveryQueryAndAnswer() {
        // The case list, a dossier, the history, a person's dossier and the inbox, each asked and answered.
        assertThat(HANDLED).filteredOn(c -> c.where().endsWith(" response")).hasSizeGreaterThanOrEqualTo(5);
    }

    @TestFactory
    Stream<DynamicTest> everyQueryAndAnswerSurvivesTheWire() {
        return HANDLED.stream().map(crossing -> DynamicTest.dynamicTest(crossing.toString(),
                () -> WireTypes.assertSurvives(SERIALIZER, crossing)));
    }
}
