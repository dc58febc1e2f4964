package nl.incidents.query.incidentdossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.UUID;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One case: its incident dossier, and its full history for the board (a JSON array of its events, in order). */
@RestController
@RequestMapping("/api/incidents/{id}")
class IncidentDossierController {

    private final Queries queries;

    IncidentDossierController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "A case's dossier, as far as the signed-in member may read it",
            description = "The manager and the board read all of it; the reporter and the communications department the "
                    + "course of the case, without measures, correspondence, the inspector and the case's timing. A "
                    + "person involved in the case does not read it.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    IncidentDossier dossier(@PathVariable UUID id) {
        return queries.one(new FindIncidentDossier(new IncidentId(id), queries.viewer()), IncidentDossier.class);
    }

    @GetMapping("/as-of")
    @Operation(summary = "A case as it stood at a moment, and what changed since",
            description = "The board only. The dossier is rebuilt from the case's events stored up to and including "
                    + "`at` (an ISO 8601 time with its offset, such as 2026-11-20T14:30:00+01:00); `since` lists the "
                    + "timeline's lines after it. 404 when the case was not reported yet then.")
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    IncidentDossierAsOf asOf(@PathVariable UUID id,
                             @Parameter(description = "The moment, ISO 8601 with its offset") @RequestParam String at) {
        return queries.one(FindIncidentDossierAsOf.of(new IncidentId(id), at, queries.viewer()),
                IncidentDossierAsOf.class);
    }

    @GetMapping("/history")
    @Operation(summary = "Every event of a case in order, with who or what caused it", description = "The board only.")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    List<HistoryEntry> history(@PathVariable UUID id) {
        return queries.one(new FindIncidentHistory(new IncidentId(id), queries.viewer()), History.class).entries();
    }
}
