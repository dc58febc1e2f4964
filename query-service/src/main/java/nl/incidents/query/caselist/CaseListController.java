package nl.incidents.query.caselist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The case list, a page at a time. Filters ({@code status}, {@code school}, {@code severity}, each
 * repeated or comma-separated; {@code overdue}) and the order ({@code sort}) are described on
 * {@link FindIncidents}; {@code next} links to the following page.
 */
@RestController
class CaseListController {

    private final Queries queries;

    CaseListController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/incidents")
    @Operation(summary = "The cases the signed-in member may see, a page at a time",
            description = "The board sees all; a manager their schools' cases and those they hold, never one they are "
                    + "involved in; the communications department the cases it was informed of; staff the cases they "
                    + "reported. nextDue and lateSteps only for the board and managers. next links to the following page.")
    IncidentPage list(@Parameter(description = "reported (newest first, the default) or due (next step due first)")
                      @RequestParam(required = false) String sort,
                      @Parameter(description = "only cases with these statuses") @RequestParam(required = false) List<String> status,
                      @Parameter(description = "only cases of these schools") @RequestParam(required = false) List<String> school,
                      @Parameter(description = "only cases of these severities") @RequestParam(required = false) List<String> severity,
                      @Parameter(description = "true: only cases with a step past due; false: only those without")
                      @RequestParam(required = false) String overdue,
                      @Parameter(description = "cases per page, at most " + FindIncidents.MAX_PAGE_SIZE)
                      @RequestParam(defaultValue = "" + FindIncidents.DEFAULT_PAGE_SIZE) int size,
                      @Parameter(description = "the token from the previous page's next link") @RequestParam(required = false) String after,
                      HttpServletRequest request) {
        FindIncidents query = new FindIncidents(queries.viewer(),
                FindIncidents.Filter.parse(status, school, severity, overdue), FindIncidents.Sort.parse(sort), size, after);
        return queries.one(query, IncidentPage.class).linked(token -> UriComponentsBuilder
                .fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("after", token).build().toUriString());
    }

    @GetMapping("/api/incidents/as-of")
    @Operation(summary = "The case list as it stood at a moment, and what changed since",
            description = "The board only. Every case reported up to and including `at` (an ISO 8601 time with its "
                    + "offset, such as 2026-11-20T14:30:00+01:00), newest first, a page at a time, each as it stood then "
                    + "(rebuilt from its events up to then) beside its status, stage and holder now; and the cases "
                    + "reported since (count and ids). Filters school and stage. A case that involves the board member "
                    + "is left out, as in the live list.")
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    IncidentsAsOf asOf(@Parameter(description = "The moment, ISO 8601 with its offset") @RequestParam(required = false) String at,
                       @Parameter(description = "only cases of these schools") @RequestParam(required = false) List<String> school,
                       @Parameter(description = "only cases in these stages") @RequestParam(required = false) List<String> stage,
                       @Parameter(description = "cases per page, at most " + FindIncidents.MAX_PAGE_SIZE)
                       @RequestParam(defaultValue = "" + FindIncidents.DEFAULT_PAGE_SIZE) int size,
                       @Parameter(description = "the token from the previous page's next link") @RequestParam(required = false) String after,
                       HttpServletRequest request) {
        FindIncidentsAsOf query = new FindIncidentsAsOf(queries.viewer(), at, school, stage, size, after);
        return queries.one(query, IncidentsAsOf.class).linked(token -> UriComponentsBuilder
                .fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("after", token).build().toUriString());
    }
}
