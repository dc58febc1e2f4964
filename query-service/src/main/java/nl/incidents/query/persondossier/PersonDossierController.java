package nl.incidents.query.persondossier;

import nl.incidents.query.Queries;
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
    PersonDossier dossier(@PathVariable String personId, @RequestParam(required = false) PersonDossier.Kind kind) {
        return queries.one(FindPersonDossier.of(personId, kind, queries.viewer()), PersonDossier.class);
    }
}
