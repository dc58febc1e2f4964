package nl.incidents.query.persondossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nl.incidents.query.Queries;
import nl.incidents.support.web.ProblemAnswers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The personnel or pupil dossier of one person; {@code ?kind=} picks one where an id is used for both. */
@RestController
class PersonDossierController {

    private final Queries queries;

    PersonDossierController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/people/{personId}/dossier")
    @Operation(summary = "A person's personnel, pupil or other dossier: measures and correspondence, each with its case",
            description = "The board reads all; a manager the entries from their schools' cases; anyone their own "
                    + "personnel dossier. Where one id holds entries of several kinds, kind picks one (400 without it).")
    @ProblemAnswers({HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    PersonDossier dossier(@PathVariable String personId,
                          @Parameter(description = "Which dossier, where one id holds several") @RequestParam(required = false) PersonDossier.Kind kind) {
        return queries.one(FindPersonDossier.of(personId, kind, queries.viewer()), PersonDossier.class);
    }

    @GetMapping("/api/people/{personId}/dossier/as-of")
    @Operation(summary = "A person's dossier as it stood at a moment, and the entries added since",
            description = "The board only. `dossier`: the entries recorded up to and including `at` (an ISO 8601 time "
                    + "with its offset, such as 2026-11-20T14:30:00+01:00); `since`: those recorded after it. An entry is "
                    + "never changed or withdrawn. kind as for the dossier.")
    @ProblemAnswers({HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND})
    PersonDossierAsOf asOf(@PathVariable String personId,
                           @Parameter(description = "The moment, ISO 8601 with its offset") @RequestParam(required = false) String at,
                           @Parameter(description = "Which dossier, where one id holds several") @RequestParam(required = false) PersonDossier.Kind kind) {
        return queries.one(new FindPersonDossierAsOf(personId, kind, queries.viewer(), at), PersonDossierAsOf.class);
    }
}
