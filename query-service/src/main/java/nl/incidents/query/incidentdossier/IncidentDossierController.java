package nl.incidents.query.incidentdossier;

import java.util.List;
import java.util.UUID;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.query.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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
    IncidentDossier dossier(@PathVariable UUID id) {
        return queries.one(new FindIncidentDossier(new IncidentId(id), queries.viewer()), IncidentDossier.class);
    }

    @GetMapping("/history")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return queries.one(new FindIncidentHistory(new IncidentId(id), queries.viewer()), History.class).entries();
    }
}
