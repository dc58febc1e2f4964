package nl.incidents.query.incidentdossier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.EvidenceAttached;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.protocol.CasePolicies;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.time.TimePrecision;
import nl.incidents.query.access.CaseAccess;
import nl.incidents.query.access.ReadableCases;
import nl.incidents.query.history.HistoryRepository;
import nl.incidents.query.history.StoredEvent;
import nl.incidents.support.evidence.EvidenceStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers for a case's evidence: one file, for everyone whose dossier of the case lists its evidence; and the police
 * package, for those who handle the case ({@link CasePolicies#handles}: the board, the case's manager; nobody involved
 * in it). Permission first, as everywhere: 404 for an unknown case, 403 for one the viewer may not read. The bytes are
 * checked against the SHA-256 the case recorded as they are read: a file that differs is never handed out.
 */
@Component
class EvidenceQueries {

    private final ReadableCases readable;
    private final HistoryRepository history;
    private final CaseAccess access;
    private final EvidenceStore store;
    private final Clock clock;

    @Autowired
    EvidenceQueries(ReadableCases readable, HistoryRepository history, CaseAccess access, EvidenceStore store) {
        this(readable, history, access, store, Clock.systemUTC());
    }

    EvidenceQueries(ReadableCases readable, HistoryRepository history, CaseAccess access, EvidenceStore store, Clock clock) {
        this.readable = readable;
        this.history = history;
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    @QueryHandler
    EvidenceFile handle(FindEvidence query) {
        List<StoredEvent.Read> events = readableHistory(query.incidentId(), query.viewer());
        CaseProgress progress = progress(query.incidentId(), events);
        if (!access.dossierEventsFor(query.viewer(), progress).contains(EvidenceAttached.class)) {
            throw RequestRefused.forbidden("evidence.not-readable", "You may not read the evidence of this case.");
        }
        IncidentDossier.EvidenceEntry entry = evidenceOf(events).stream()
                .filter(e -> e.evidenceId().equals(query.evidenceId())).findFirst()
                .orElseThrow(() -> RequestRefused.notFound("evidence.unknown", "This case has no such evidence."));
        return read(query.incidentId(), entry).orElseThrow(() -> RequestRefused.notFound("evidence.erased",
                "This evidence is no longer kept: the case was erased."));
    }

    @QueryHandler
    PolicePackage handle(FindPolicePackage query) {
        List<StoredEvent.Read> events = readableHistory(query.incidentId(), query.viewer());
        CaseProgress progress = progress(query.incidentId(), events);
        if (!CasePolicies.handles(query.viewer(), progress)) {
            throw RequestRefused.forbidden("police-package.handlers-only",
                    "Only those who handle the case, its manager and the board, make its police package.");
        }
        if (progress.erased()) {
            throw RequestRefused.conflict("state.erased", "Incident " + query.incidentId()
                    + " was erased; its evidence is no longer kept.");
        }
        IncidentDossier dossier = DossierAssembler.assemble(events, access.dossierEventsFor(query.viewer(), progress));
        List<EvidenceFile> files = evidenceOf(events).stream().map(entry -> read(query.incidentId(), entry)
                .orElseThrow(() -> new IllegalStateException("the bytes of evidence " + entry.evidenceId() + " of case "
                        + query.incidentId() + " are missing, though the case was not erased"))).toList();
        return new PolicePackage(query.incidentId(), TimePrecision.kept(clock.instant()), query.viewer(),
                dossier.timeline(), files);
    }

    private Optional<EvidenceFile> read(IncidentId incident, IncidentDossier.EvidenceEntry entry) {
        return store.read(incident, entry.evidenceId()).map(evidence -> {
            if (!sha256(evidence.content()).equals(entry.sha256())) {
                throw new IllegalStateException("evidence " + entry.evidenceId() + " of case " + incident
                        + " does not match the SHA-256 its case recorded");
            }
            return new EvidenceFile(entry, evidence.content());
        });
    }

    /** The case's evidence as the case's events record it (all of it: the caller checked the reader). */
    private List<IncidentDossier.EvidenceEntry> evidenceOf(List<StoredEvent.Read> events) {
        return DossierAssembler.assemble(events, access.dossierEventsFor(Actor.SYSTEM)).evidence();
    }

    private List<StoredEvent.Read> readableHistory(IncidentId id, Actor viewer) {
        readable.require(id, viewer);
        return history.of(id).stream().map(StoredEvent::withEvent).toList();
    }

    private static CaseProgress progress(IncidentId id, List<StoredEvent.Read> events) {
        return CaseProgress.of(id, events.stream().map(StoredEvent.Read::event).toList());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
