package nl.incidents.query.incidentdossier;

import nl.incidents.kernel.RequestRefused;
import nl.incidents.query.AmsterdamTime;
import nl.incidents.query.access.CaseAccess;
import nl.incidents.query.access.ReadableCases;
import nl.incidents.query.history.HistoryRepository;
import nl.incidents.query.history.StoredEvent;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers for one case: its dossier and its full history, each for a viewer and only with what they may read. */
@Component
class IncidentDossierQueries {

    private final ReadableCases readable;
    private final HistoryRepository history;
    private final CaseAccess access;

    IncidentDossierQueries(ReadableCases readable, HistoryRepository history, CaseAccess access) {
        this.readable = readable;
        this.history = history;
        this.access = access;
    }

    @QueryHandler
    IncidentDossier handle(FindIncidentDossier query) {
        readable.require(query.incidentId(), query.viewer());
        return DossierAssembler.assemble(history.of(query.incidentId()), access.dossierEventsFor(query.viewer()));
    }

    @QueryHandler
    History handle(FindIncidentHistory query) {
        readable.require(query.incidentId(), query.viewer());
        if (!access.mayReviewHistory(query.viewer())) {
            throw RequestRefused.forbidden("Only the board reviews the full history of a case.");
        }
        return new History(query.incidentId(), history.of(query.incidentId()).stream().map(IncidentDossierQueries::entry)
                .toList());
    }

    private static HistoryEntry entry(StoredEvent stored) {
        return new HistoryEntry(stored.sequenceNumber(), stored.eventId(), stored.type(), stored.occurredAt(),
                stored.actor(), stored.causationId(), stored.correlationId(), stored.cause(),
                AmsterdamTime.payloads().valueToTree(stored.event()));
    }
}
