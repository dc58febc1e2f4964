package nl.incidents.query.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;

/**
 * The raw figures of a set of cases, before {@link SmallCells} decides what may be shown: counts by section and item
 * (every item, zeros too, in a fixed order) and the measured durations of the three timed steps.
 */
final class Tally {

    /** The timed steps of the section {@code time}, each measured from the report. */
    static final List<String> TIMED = List.of("acknowledge", "communications", "police-decision");
    /** The items of the section {@code report}. */
    static final List<String> REPORTS = List.of("police-filed", "police-declined", "police-concluded", "inspector");
    /** The items of the section {@code outcome}. */
    static final List<String> OUTCOMES = List.of("closed-with-measure", "closed-without-measure", "open");

    final long total;
    final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    final Map<String, List<Long>> millis = new LinkedHashMap<>();

    private Tally(List<CaseFacts> cases) {
        total = cases.size();
        count("stage", names(Stage.values()), cases, c -> List.of(c.stage().name()));
        count("harm", names(Harm.values()), cases, c -> c.harms().stream().map(Enum::name).toList());
        count("platform", names(Platform.values()), cases, c -> List.of(c.platform().name()));
        count("severity", names(Severity.values()), cases, c -> List.of(c.severity().name()));
        count("late", names(Step.values()), cases, c -> c.late().stream().map(Enum::name).toList());
        count("escalation", names(EscalationReason.values()), cases,
                c -> c.escalations().stream().map(Enum::name).toList());
        count("measure", names(Measure.values()), cases, c -> c.measures().stream().map(Enum::name).toList());
        count("report", REPORTS, cases, c -> {
            List<String> items = new ArrayList<>();
            items.addAll(java.util.Collections.nCopies(c.policeFiled(), "police-filed"));
            items.addAll(java.util.Collections.nCopies(c.policeDeclined(), "police-declined"));
            items.addAll(java.util.Collections.nCopies(c.policeConcluded(), "police-concluded"));
            items.addAll(java.util.Collections.nCopies(c.inspectorReports(), "inspector"));
            return items;
        });
        count("outcome", OUTCOMES, cases, c -> List.of(!c.closed() ? "open"
                : c.measures().isEmpty() ? "closed-without-measure" : "closed-with-measure"));
        timed("acknowledge", cases, CaseFacts::toAcknowledge);
        timed("communications", cases, CaseFacts::toCommunications);
        timed("police-decision", cases, CaseFacts::toPoliceDecision);
    }

    static Tally of(List<CaseFacts> cases) {
        return new Tally(cases);
    }

    private void count(String section, List<String> items, List<CaseFacts> cases,
                       Function<CaseFacts, List<String>> itemsOf) {
        Map<String, Long> row = new LinkedHashMap<>();
        items.forEach(item -> row.put(item, 0L));
        cases.forEach(c -> itemsOf.apply(c).forEach(item -> row.merge(item, 1L, Long::sum)));
        counts.put(section, row);
    }

    private void timed(String step, List<CaseFacts> cases, Function<CaseFacts, Duration> duration) {
        millis.put(step, cases.stream().map(duration).filter(Objects::nonNull).map(Duration::toMillis).sorted()
                .toList());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
