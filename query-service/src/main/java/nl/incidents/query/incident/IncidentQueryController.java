package nl.incidents.query.incident;

import java.util.List;
import java.util.UUID;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.query.FindIncidentDossier;
import nl.incidents.kernel.query.FindIncidentHistory;
import nl.incidents.kernel.query.FindIncidents;
import nl.incidents.kernel.query.HistoryEntry;
import nl.incidents.kernel.query.IncidentDossier;
import nl.incidents.kernel.query.IncidentSummary;
import nl.incidents.query.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The case list, a case's dossier and its full history. */
@RestController
@RequestMapping("/api/incidents")
class IncidentQueryController {

    private final Queries queries;

    IncidentQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<IncidentSummary> list() {
        return queries.many(new FindIncidents(queries.viewer()), IncidentSummary.class);
    }

    @GetMapping("/{id}")
    IncidentDossier dossier(@PathVariable UUID id) {
        return queries.one(new FindIncidentDossier(new IncidentId(id), queries.viewer()), IncidentDossier.class);
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable UUID id) {
        return queries.many(new FindIncidentHistory(new IncidentId(id), queries.viewer()), HistoryEntry.class);
    }
}
