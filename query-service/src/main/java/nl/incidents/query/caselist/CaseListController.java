package nl.incidents.query.caselist;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import nl.incidents.query.Queries;
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
    IncidentPage list(@RequestParam(required = false) String sort,
                      @RequestParam(required = false) List<String> status,
                      @RequestParam(required = false) List<String> school,
                      @RequestParam(required = false) List<String> severity,
                      @RequestParam(required = false) String overdue,
                      @RequestParam(defaultValue = "" + FindIncidents.DEFAULT_PAGE_SIZE) int size,
                      @RequestParam(required = false) String after,
                      HttpServletRequest request) {
        FindIncidents query = new FindIncidents(queries.viewer(),
                FindIncidents.Filter.parse(status, school, severity, overdue), FindIncidents.Sort.parse(sort), size, after);
        return queries.one(query, IncidentPage.class).linked(token -> UriComponentsBuilder
                .fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("after", token).build().toUriString());
    }
}
