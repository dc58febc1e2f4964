package nl.incidents.query.incidentdossier;

import java.util.List;
import java.util.Set;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.protocol.Attempt;
import nl.incidents.kernel.protocol.CaseAction;
import nl.incidents.kernel.protocol.CasePolicies;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.CaseStates;
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
        List<StoredEvent.Read> events = readableHistory(query.incidentId(), query.viewer());
        CaseProgress progress = progress(query.incidentId(), events);
        return DossierAssembler.assemble(events, access.dossierEventsFor(query.viewer(), progress))
                .withActions(allowedActions(query.viewer(), progress))
                .withPolicePackage(CasePolicies.handles(query.viewer(), progress) && !progress.erased());
    }

    /**
     * The actions of {@link IncidentDossier#OFFERED} the viewer may take now: each allowed by every rule
     * of {@link CasePolicies} and by the case's state ({@link CaseStates}), the checks the command side
     * makes. The reporter's schools are not needed: reporting is not among them.
     */
    static List<CaseAction> allowedActions(Actor viewer, CaseProgress progress) {
        return IncidentDossier.OFFERED.stream()
                .filter(action -> CasePolicies.allows(Attempt.of(action, viewer, progress)))
                .filter(action -> CaseStates.allows(action, progress))
                .toList();
    }

    /**
     * The case as it stood at a moment: its dossier assembled from the events stored up to then, as the board reads
     * it, and the timeline's lines since. The board only, as for the history; permission first.
     *
     * @throws RequestRefused not found ({@code case.not-yet}) when the case was not reported yet at that moment
     */
    @QueryHandler
    IncidentDossierAsOf handle(FindIncidentDossierAsOf query) {
        List<StoredEvent.Read> events = readableHistory(query.incidentId(), query.viewer());
        CaseProgress now = progress(query.incidentId(), events);
        if (!access.mayReviewHistory(query.viewer(), now)) {
            throw RequestRefused.forbidden("history.board-only", "Only the board reviews a case as it stood at a moment.");
        }
        List<StoredEvent.Read> then = events.stream()
                .filter(read -> !read.stored().occurredAt().isAfter(query.asOf())).toList();
        if (then.isEmpty()) {
            throw RequestRefused.notFound("case.not-yet", "The case was not reported yet at that moment.");
        }
        Set<Class<? extends IncidentEvent>> shown = access.dossierEventsFor(query.viewer(), now);
        IncidentDossier dossier = DossierAssembler.assemble(then, shown);
        List<IncidentDossier.TimelineEntry> since = DossierAssembler.assemble(events, shown).timeline().stream()
                .filter(entry -> entry.at().isAfter(query.asOf())).toList();
        return new IncidentDossierAsOf(query.asOf(), dossier, since);
    }

    @QueryHandler
    History handle(FindIncidentHistory query) {
        List<StoredEvent.Read> events = readableHistory(query.incidentId(), query.viewer());
        if (!access.mayReviewHistory(query.viewer(), progress(query.incidentId(), events))) {
            throw RequestRefused.forbidden("history.board-only", "Only the board reviews the full history of a case.");
        }
        return new History(query.incidentId(), events.stream().map(IncidentDossierQueries::entry).toList());
    }

    private List<StoredEvent.Read> readableHistory(IncidentId id, Actor viewer) {
        readable.require(id, viewer);
        return history.of(id).stream().map(StoredEvent::withEvent).toList();
    }

    private static CaseProgress progress(IncidentId id, List<StoredEvent.Read> events) {
        return CaseProgress.of(id, events.stream().map(StoredEvent.Read::event).toList());
    }

    private static HistoryEntry entry(StoredEvent.Read read) {
        StoredEvent stored = read.stored();
        return new HistoryEntry(stored.sequenceNumber(), stored.eventId(), stored.type(), stored.occurredAt(),
                stored.actor(), stored.causationId(), stored.correlationId(), stored.cause(),
                AmsterdamTime.payloads().valueToTree(read.event()));
    }
}
