package nl.incidents.query.dossier;

import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.query.FindPersonDossier;
import nl.incidents.kernel.query.PersonDossier;
import nl.incidents.query.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The personnel or pupil dossier of one person. */
@RestController
class PersonDossierController {

    private final Queries queries;

    PersonDossierController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/people/{personId}/dossier")
    PersonDossier dossier(@PathVariable String personId) {
        return queries.one(new FindPersonDossier(new PersonId(personId), queries.viewer()), PersonDossier.class);
    }
}
