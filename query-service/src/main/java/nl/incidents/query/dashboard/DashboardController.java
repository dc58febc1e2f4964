package nl.incidents.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The board's dashboard: open cases by status, stage, school, severity and step; what needs attention; step times. */
@RestController
class DashboardController {

    private final Queries queries;

    DashboardController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "The board's dashboard of the open cases",
            description = "The open cases counted by status, stage, school and severity; the open steps by step with "
                    + "those past their deadline; the cases under the legal duty, then those with an overdue step "
                    + "(attention); the median and 90th percentile of the time to acknowledge (by level) and to inform "
                    + "the communications department, by severity, this month and over the last twelve months. The "
                    + "board only; a case that involves the board member is not counted.")
    @ProblemAnswers({HttpStatus.FORBIDDEN})
    Dashboard dashboard() {
        return queries.one(new FindDashboard(queries.viewer()), Dashboard.class);
    }

    @GetMapping("/api/dashboard/as-of")
    @Operation(summary = "The board's dashboard as it stood at a moment, beside the dashboard now",
            description = "The board only. `then`: every figure of the dashboard as it stood at `at` (an ISO 8601 time "
                    + "with its offset, such as 2026-11-20T14:30:00+01:00), the open cases rebuilt from their events up to "
                    + "then and the step times over the periods that ended then; `now`: the dashboard now. Before any "
                    + "case, every count is 0.")
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    DashboardAsOf asOf(@Parameter(description = "The moment, ISO 8601 with its offset") @RequestParam(required = false) String at) {
        return queries.one(new FindDashboardAsOf(queries.viewer(), at), DashboardAsOf.class);
    }
}
