package nl.incidents.query.caselist;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.query.AsOfMoment;

/**
 * The case list as it stood at a moment (de zaken zoals ze er toen voor stonden), for the board, as it was asked
 * for: a page of at most {@code size} of the cases reported up to and including the moment {@code at}, newest first,
 * each as it stood then, starting after {@code after} (a page token of this list, or null for the first page); only
 * the schools ({@code school}) and stages ({@code stage}) asked for, each repeated or comma-separated (none: all). The
 * parameters are read only once the viewer may look ({@link #moment()} and the others), so that whoever may not
 * look learns nothing from their input.
 */
public record FindIncidentsAsOf(Actor viewer, String at, List<String> school, List<String> stage, int size,
                                String after) {

    public FindIncidentsAsOf {
        Objects.requireNonNull(viewer, "viewer");
        school = school == null ? List.of() : List.copyOf(school);
        stage = stage == null ? List.of() : List.copyOf(stage);
    }

    /**
     * The moment.
     *
     * @throws RequestRefused invalid ({@code field.format}, naming {@code at}) for text that is no moment
     */
    Instant moment() {
        return AsOfMoment.parse(at);
    }

    /**
     * The page size.
     *
     * @throws RequestRefused invalid, naming {@code size}, outside 1..{@value FindIncidents#MAX_PAGE_SIZE}
     */
    int pageSize() {
        if (size < 1 || size > FindIncidents.MAX_PAGE_SIZE) {
            throw RequestRefused.invalid("list.size", "size", "Ask for 1 to " + FindIncidents.MAX_PAGE_SIZE
                    + " cases a page, not " + size + ".");
        }
        return size;
    }

    /**
     * The schools asked for, as the live list reads them.
     *
     * @throws RequestRefused invalid, naming {@code school}, for text that is no school id
     */
    Set<String> schools() {
        return FindIncidents.Filter.parse(null, school, null, null).schools();
    }

    /**
     * The stages asked for, by name ({@link Stage}).
     *
     * @throws RequestRefused invalid, naming {@code stage}, for a name that is no stage
     */
    Set<Stage> stages() {
        return stage.stream().flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim).filter(value -> !value.isEmpty())
                .map(value -> Arrays.stream(Stage.values()).filter(s -> s.name().equalsIgnoreCase(value)).findFirst()
                        .orElseThrow(() -> RequestRefused.invalid("list.value", "stage", "'" + value
                                + "' is not a stage; say " + Arrays.stream(Stage.values()).map(Enum::name)
                                .collect(Collectors.joining(", ")) + ".")))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
    }
}
