package nl.incidents.query.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.UUID;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log (inzagelog): the board's view per case and per person, and each person's own. */
@RestController
class AccessLogController {

    private static final String PAGING = " Newest first, " + Paging.DEFAULT_LIMIT + " a page (limit 1 to "
            + Paging.MAX_LIMIT + "); next, when present, is the before of the next page. 400 with field 'limit' or "
            + "'before' for a value out of range.";

    private final Queries queries;

    AccessLogController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/incidents/{id}/access-log")
    @Operation(summary = "Who read a case's dossier and history: when, from which address, through a page or the API",
            description = "The board only, and not a board member involved in the case (403 with code "
                    + "access-log.board-only). Refused attempts (403, 404) are listed too, marked refused." + PAGING)
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    AccessLogPage ofCase(@PathVariable UUID id, @Parameter(description = "Entries older than this entry number") @RequestParam(required = false) Long before,
                         @Parameter(description = "How many entries: 1 to " + Paging.MAX_LIMIT) @RequestParam(defaultValue = "" + Paging.DEFAULT_LIMIT) int limit) {
        return queries.one(new FindCaseAccessLog(new IncidentId(id), queries.viewer(), new Paging(before, limit)),
                AccessLogPage.class);
    }

    @GetMapping("/api/people/{personId}/access-log")
    @Operation(summary = "Who read about a person: their dossier, and every case they are involved in",
            description = "The board only (403 with code access-log.board-only); a board member does not see the cases "
                    + "that involve themselves. For answering a pupil's, parent's or staff member's request." + PAGING)
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN})
    AccessLogPage aboutPerson(@PathVariable PersonId personId, @Parameter(description = "Entries older than this entry number") @RequestParam(required = false) Long before,
                              @Parameter(description = "How many entries: 1 to " + Paging.MAX_LIMIT) @RequestParam(defaultValue = "" + Paging.DEFAULT_LIMIT) int limit) {
        return queries.one(new FindPersonAccessLog(personId, queries.viewer(), new Paging(before, limit)),
                AccessLogPage.class);
    }

    @GetMapping("/api/me/access-log")
    @Operation(summary = "What was read about the signed-in person: their dossier and the cases they are involved in",
            description = "Everyone, about themselves: when, by which role (not by whom: the board's view names the "
                    + "reader), through a page or the API, and whether it was refused." + PAGING)
    @ProblemAnswers({HttpStatus.BAD_REQUEST})
    OwnAccessLogPage own(@Parameter(description = "Entries older than this entry number") @RequestParam(required = false) Long before,
                         @Parameter(description = "How many entries: 1 to " + Paging.MAX_LIMIT) @RequestParam(defaultValue = "" + Paging.DEFAULT_LIMIT) int limit) {
        return queries.one(new FindOwnAccessLog(queries.viewer(), new Paging(before, limit)), OwnAccessLogPage.class);
    }
}
