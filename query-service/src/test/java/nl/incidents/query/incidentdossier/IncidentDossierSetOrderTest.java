package nl.incidents.query.incidentdossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.json.IncidentsJson;
import org.junit.jupiter.api.Test;

/**
 * The dossier's report and strategy keep their harms and elements in declaration order, also when
 * read back from JSON, as an answer that crossed Axon Server is (the kernel's OrderOfSetsTest does
 * the same for the events and commands).
 */
class IncidentDossierSetOrderTest {

    private static final Instant AT = Instant.parse("2026-11-20T20:15:00Z");
    private static final PersonId REPORTER = new PersonId("emp-1001");

    private final ObjectMapper mapper = IncidentsJson.messageMapper();

    @Test
    void theReportsHarmsInDeclarationOrderAlsoReadBack() throws Exception {
        Set<Harm> given = new LinkedHashSet<>(reversed(List.of(Harm.values())));
        IncidentDossier.Report report = new IncidentDossier.Report(Platform.FACEBOOK, "https://example.org/post",
                "summary", Stage.DERAILED, given, Severity.HIGH, List.of(), AT, REPORTER, AT);

        String json = mapper.writeValueAsString(report);
        assertThat(json).contains("\"harms\":[" + quoted(Harm.values()) + "]");
        String backwards = json.replace(quoted(Harm.values()), quoted(given.toArray(Harm[]::new)));
        assertThat(mapper.writeValueAsString(mapper.readValue(backwards, IncidentDossier.Report.class))).isEqualTo(json);
    }

    @Test
    void theStrategysElementsInDeclarationOrder() throws Exception {
        Set<ResponseStrategy> given = new LinkedHashSet<>(reversed(List.of(ResponseStrategy.values())));
        assertThat(mapper.writeValueAsString(new IncidentDossier.Strategy(given, "d", REPORTER, AT, null)))
                .contains("[" + quoted(ResponseStrategy.values()) + "]");
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static String quoted(Enum<?>... values) {
        return String.join(",", Stream.of(values).map(v -> "\"" + v.name() + "\"").toList());
    }
}
