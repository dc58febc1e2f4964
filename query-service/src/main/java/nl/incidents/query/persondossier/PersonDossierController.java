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
}
