package nl.incidents.query.incident;

import java.util.List;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.query.FindIncidentDossier;
import nl.incidents.kernel.query.FindIncidentHistory;
import nl.incidents.kernel.query.FindIncidents;
import nl.incidents.kernel.query.HistoryEntry;
import nl.incidents.kernel.query.IncidentDossier;
import nl.incidents.kernel.query.IncidentSummary;
import nl.incidents.query.access.CaseAccess;
import nl.incidents.query.history.HistoryRepository;
import nl.incidents.query.history.StoredEvent;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the case queries, each for a viewer and only with what that viewer may read. */
@Component
class IncidentQueries {

    private final CaseRepository cases;
    private final HistoryRepository history;
    private final CaseAccess access;

    IncidentQueries(CaseRepository cases, HistoryRepository history, CaseAccess access) {
        this.cases = cases;
        this.history = history;
        this.access = access;
    }

    @QueryHandler
    List<IncidentSummary> handle(FindIncidents query) {
        return cases.visibleTo(query.viewer());
    }

    @QueryHandler
    IncidentDossier handle(FindIncidentDossier query) {
        visibleCase(query.incidentId(), query.viewer());
        return DossierAssembler.assemble(history.of(query.incidentId()), access.dossierEventsFor(query.viewer()));
    }

    @QueryHandler
    List<HistoryEntry> handle(FindIncidentHistory query) {
        visibleCase(query.incidentId(), query.viewer());
        if (!access.mayReviewHistory(query.viewer())) {
            throw RequestRefused.forbidden("Only the board reviews the full history of a case.");
        }
        return history.of(query.incidentId()).stream().map(StoredEvent::toEntry).toList();
    }

    private void visibleCase(IncidentId id, Actor viewer) {
        if (cases.find(id).isEmpty()) {
            throw RequestRefused.notFound("There is no incident " + id + ".");
        }
        if (!cases.isVisible(id, viewer)) {
            throw RequestRefused.forbidden("You may not read incident " + id + ".");
        }
    }
}
