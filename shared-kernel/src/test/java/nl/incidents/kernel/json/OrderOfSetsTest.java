package nl.incidents.kernel.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.AgreeResponseStrategy;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ReportDerailingDiscussion;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault 18: a case's harms and a strategy's elements came out in an order that differed per JVM
 * (a hash set's order), so the same case read differently after a restart. The documented order is
 * the enum's declaration order, in memory and in JSON, whatever order they arrive in: these tests
 * compare exact JSON text, which no JVM's hash order can produce by chance for every input order.
 */
class OrderOfSetsTest {

    private static final IncidentId ID = IncidentId.of("5b0c8f5e-3d1a-4c8e-9a57-0d8f6a2b1c11");
    private static final Instant AT = Instant.parse("2026-11-20T20:15:00Z");
    private static final PersonId REPORTER = new PersonId("emp-1001");

    private final ObjectMapper mapper = IncidentsJson.messageMapper();

    /** The harms in every order: forwards, backwards and a few shuffles. */
    static Stream<List<Harm>> harmOrders() {
        List<Harm> all = List.of(Harm.values());
        List<List<Harm>> orders = new ArrayList<>(List.of(all, reversed(all)));
        for (long seed = 1; seed <= 5; seed++) {
            List<Harm> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new java.util.Random(seed));
            orders.add(shuffled);
        }
        return orders.stream();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static String quoted(Enum<?>... values) {
        return String.join(",", Stream.of(values).map(v -> "\"" + v.name() + "\"").toList());
    }

    @ParameterizedTest
    @MethodSource("harmOrders")
    @DisplayName("a report's harms are stored in declaration order, however they were given")
    void reportedHarmsInDeclarationOrder(List<Harm> given) throws Exception {
        DerailingDiscussionReported event = new DerailingDiscussionReported(ID, "school-1", Platform.FACEBOOK,
                "https://example.org/post", "summary", Stage.DERAILED, new LinkedHashSet<>(given), Severity.HIGH,
                List.of(), AT, REPORTER);

        String json = mapper.writeValueAsString(event);

        assertThat(json).contains("\"harms\":[" + quoted(Harm.values()) + "]");
        assertThat(List.copyOf(event.harms())).containsExactly(Harm.values());
    }

    @ParameterizedTest
    @MethodSource("harmOrders")
    @DisplayName("harms read back from JSON in any order are written back byte for byte in declaration order")
    void harmsReadBackInDeclarationOrder(List<Harm> given) throws Exception {
        String stored = "{\"incidentId\":\"" + ID + "\",\"schoolId\":\"school-1\",\"platform\":\"FACEBOOK\","
                + "\"location\":\"https://example.org/post\",\"summary\":\"summary\",\"stage\":\"DERAILED\","
                + "\"harms\":[" + quoted(given.toArray(Harm[]::new)) + "],\"severity\":\"HIGH\",\"involvedParties\":[],"
                + "\"observedAt\":\"2026-11-20T20:15:00Z\",\"reportedBy\":\"emp-1001\"}";
        String expected = stored.replace(quoted(given.toArray(Harm[]::new)), quoted(Harm.values()));

        DerailingDiscussionReported read = mapper.readValue(stored, DerailingDiscussionReported.class);

        assertThat(mapper.writeValueAsString(read)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a strategy's elements, in the command and the event, in declaration order")
    void strategyElementsInDeclarationOrder() throws Exception {
        Set<ResponseStrategy> given = new LinkedHashSet<>(reversed(List.of(ResponseStrategy.values())));
        String elements = "[" + quoted(ResponseStrategy.values()) + "]";

        assertThat(mapper.writeValueAsString(new AgreeResponseStrategy(ID, given, "d"))).contains(elements);
        assertThat(mapper.writeValueAsString(new ResponseStrategyAgreed(ID, given, "d", REPORTER))).contains(elements);
        String reversedJson = "{\"incidentId\":\"" + ID + "\",\"elements\":[" + quoted(reversed(
                List.of(ResponseStrategy.values())).toArray(ResponseStrategy[]::new)) + "],\"description\":\"d\","
                + "\"agreedWith\":\"emp-1001\"}";
        assertThat(mapper.writeValueAsString(mapper.readValue(reversedJson, ResponseStrategyAgreed.class)))
                .contains(elements);
    }

    @Test
    @DisplayName("the command keeps harms in declaration order")
    void commandHarmsInDeclarationOrder() throws Exception {
        Set<Harm> given = new LinkedHashSet<>(reversed(List.of(Harm.values())));
        String harms = "\"harms\":[" + quoted(Harm.values()) + "]";
        ReportDerailingDiscussion command = new ReportDerailingDiscussion(ID, "school-1", Platform.FACEBOOK,
                "https://example.org/post", "summary", Stage.DERAILED, given, Severity.HIGH, List.of(), AT);

        assertThat(mapper.writeValueAsString(command)).contains(harms);
    }

    @Test
    @DisplayName("a member's schools read in one order, whatever order the directory names them in")
    void memberSchoolsSorted() {
        Member member = new Member(REPORTER, "T", null, ActorRole.STAFF, new LinkedHashSet<>(List.of("c", "a", "b")));
        assertThat(List.copyOf(member.schools())).containsExactly("a", "b", "c");
    }
}
