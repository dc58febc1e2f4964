package nl.incidents.query.incident;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.query.FindIncidentDossier;
import nl.incidents.kernel.query.FindIncidentHistory;
import nl.incidents.kernel.query.FindIncidents;
import nl.incidents.kernel.query.HistoryEntry;
import nl.incidents.kernel.query.IncidentDossier;
import nl.incidents.kernel.query.IncidentSummary;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case list, a case's dossier and its full history. {@code ?sort=due} puts the cases whose next
 * step is due first at the top (overdue ones first of all), then those with nothing due, each group
 * newest first; a viewer who sees no deadlines gets the list newest first.
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentQueryController {

    private final Queries queries;

    IncidentQueryController(Queries queries) {
        this.queries = queries;
    }

    private static final Comparator<IncidentSummary> DUE_FIRST = Comparator.comparing(
            (IncidentSummary s) -> s.nextDue() == null ? null : s.nextDue().dueAt(),
            Comparator.nullsLast(Comparator.<Instant>naturalOrder()));

    @GetMapping
    @Operation(summary = "The cases the signed-in member may see, newest first",
            description = "The board sees all; a manager their schools' cases and those they hold; the communications "
                    + "department the cases it was informed of; staff the cases they reported. nextDue and lateSteps "
                    + "only for the board and managers.")
    List<IncidentSummary> list(@Parameter(description = "reported (newest first, the default) or due (next step due first)")
                               @RequestParam(required = false) String sort) {
        List<IncidentSummary> cases = queries.many(new FindIncidents(queries.viewer()), IncidentSummary.class);
        if (sort == null || sort.equals("reported")) {
            return cases;
        }
        if (sort.equals("due")) {
            return cases.stream().sorted(DUE_FIRST).toList(); // a stable sort: newest first within equals
        }
        throw RequestRefused.invalid("sort", "Sort by 'reported' (newest first, the default) or 'due', not '" + sort + "'.");
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case's dossier, as far as the signed-in member may read it",
            description = "The manager and the board read all of it; the reporter and the communications department the "
                    + "course of the case, without measures, correspondence, the inspector and the case's timing.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    IncidentDossier dossier(@PathVariable UUID id) {
        return queries.one(new FindIncidentDossier(new IncidentId(id), queries.viewer()), IncidentDossier.class);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of a case in order, with who or what caused it", description = "The board only.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    List<HistoryEntry> history(@PathVariable UUID id) {
        return queries.many(new FindIncidentHistory(new IncidentId(id), queries.viewer()), HistoryEntry.class);
    }
}
