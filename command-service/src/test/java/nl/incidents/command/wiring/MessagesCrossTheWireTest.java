package nl.incidents.command.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.support.testing.WireTypes;
import nl.incidents.support.testing.WireTypes.Crossing;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command and event, found by scanning rather than listed, and every payload and response of the
 * command service's handlers, is serialized and read back unchanged by the serializers the services
 * configure: what crosses Axon Server (commands and their results, refusals' details) and what is stored
 * (events, deadlines).
 */
class MessagesCrossTheWireTest {

    private static final Map<String, Serializer> SERIALIZERS = WireTypes.configuredSerializers();

    // The annotation lands on the record's field (its targets are fields and methods, not record components).
    private static final List<Class<?>> COMMANDS = WireTypes.classesIn("nl.incidents.kernel",
            c -> c.isRecord() && Stream.of(c.getDeclaredFields())
                    .anyMatch(field -> field.isAnnotationPresent(TargetAggregateIdentifier.class)));

    private static final List<Class<?>> EVENTS = WireTypes.classesIn("nl.incidents.kernel",
            c -> c.isRecord() && (IncidentEvent.class.isAssignableFrom(c) || c.isAnnotationPresent(Revision.class)));

    @Test
    void theScanFindsTheKernelsCommandsAndEvents() {
        assertThat(COMMANDS).contains(ReportDerailingDiscussion.class).hasSizeGreaterThanOrEqualTo(13);
        assertThat(EVENTS).contains(DerailingDiscussionReported.class)
                .containsAll(List.of(IncidentEvent.class.getPermittedSubclasses()));
        assertThat(WireTypes.handledIn("nl.incidents.command")).extracting(Crossing::type)
                .contains(ReportDerailingDiscussion.class, DerailingDiscussionReported.class, boolean.class);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAndItsRefusalCrossesAsAMessage() {
        Stream<Crossing> commands = COMMANDS.stream().map(c -> new Crossing("kernel command", c));
        Stream<Crossing> refusal = Stream.of(new Crossing("a refusal's details", RequestRefused.Details.class));
        return roundTrips(Stream.concat(commands, refusal), "messageSerializer");
    }

    @TestFactory
    Stream<DynamicTest> everyEventIsStoredAndReadBack() {
        return roundTrips(EVENTS.stream().map(c -> new Crossing("kernel event", c)), "eventSerializer");
    }

    @TestFactory
    Stream<DynamicTest> everyPayloadAndResponseOfTheCommandServicesHandlers() {
        return roundTrips(WireTypes.handledIn("nl.incidents.command").stream(), "messageSerializer");
    }

    private static Stream<DynamicTest> roundTrips(Stream<Crossing> crossings, String serializer) {
        return crossings.map(crossing -> DynamicTest.dynamicTest(crossing.toString(),
                () -> WireTypes.assertSurvives(SERIALIZERS.get(serializer), crossing)));
    }
}
