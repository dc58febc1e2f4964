package nl.incidents.query.incidentdossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.BoardReminded;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.NeedToKnowLifted;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.NeedToKnowReaderRemoved;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.EvidenceAttached;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.LegalHoldLifted;
import nl.incidents.kernel.incident.LegalHoldPlaced;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PoliceReportConcluded;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.Escalations;
import nl.incidents.kernel.protocol.OpenStep;
import nl.incidents.kernel.timeline.TimelineCode;
import nl.incidents.query.history.StoredEvent;
import nl.incidents.query.incidentdossier.IncidentDossier.CorrespondenceEntry;
import nl.incidents.query.incidentdossier.IncidentDossier.Erasure;
import nl.incidents.query.incidentdossier.IncidentDossier.Escalation;
import nl.incidents.query.incidentdossier.IncidentDossier.HoldEntry;
import nl.incidents.query.incidentdossier.IncidentDossier.LegalHold;
import nl.incidents.query.incidentdossier.IncidentDossier.MeasureEntry;
import nl.incidents.query.incidentdossier.IncidentDossier.Report;
import nl.incidents.query.incidentdossier.IncidentDossier.Step;
import nl.incidents.query.incidentdossier.IncidentDossier.Strategy;
import nl.incidents.query.incidentdossier.IncidentDossier.TimelineEntry;

/**
 * Folds a case's events, in order, into its dossier and a timeline a person can read: each line by its code and
 * parameters, and in an English sentence. Where the case
 * stands (its status, its open steps) is the kernel's fold, {@link CaseProgress}.
 */
final class DossierAssembler {

    private DerailingDiscussionReported reported;
    private Report report;
    private CaseProgress progress;
    private final List<Escalation> escalations = new ArrayList<>();
    private Strategy strategy;
    private final List<Step> notifications = new ArrayList<>();
    private final List<Step> policeReports = new ArrayList<>();
    private final List<Step> declinedPoliceReports = new ArrayList<>();
    private final List<Step> inspectorReports = new ArrayList<>();
    private final List<MeasureEntry> measures = new ArrayList<>();
    private final List<CorrespondenceEntry> correspondence = new ArrayList<>();
    private Step closure;
    private final List<Step> policeReportOutcomes = new ArrayList<>();
    private final List<LegalHold> legalHolds = new ArrayList<>();
    private Instant needToKnowMarkedAt;
    private Actor needToKnowMarkedBy;
    private final List<PersonId> readersInOrder = new ArrayList<>();
    private final List<Erasure> erasures = new ArrayList<>();
    private final List<IncidentDossier.EvidenceEntry> evidence = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final CaseTiming timing = new CaseTiming();

    private final Set<Class<? extends IncidentEvent>> shown;

    private DossierAssembler(Set<Class<? extends IncidentEvent>> shown) {
        this.shown = shown;
    }

    /**
     * The dossier as a viewer may read it: events of other types are left out, and so are the
     * sections they fill (absent, rather than empty, so nobody mistakes "not shown" for "none").
     */
    static IncidentDossier assemble(List<StoredEvent.Read> events, Set<Class<? extends IncidentEvent>> shown) {
        DossierAssembler assembler = new DossierAssembler(shown);
        events.stream().filter(e -> shown.contains(e.event().getClass())).forEach(assembler::apply);
        return assembler.dossier();
    }

    private void apply(StoredEvent.Read stored) {
        IncidentEvent event = stored.event();
        Instant at = stored.stored().occurredAt();
        Actor by = stored.stored().actor();
        boolean bySystem = by != null && by.role() == ActorRole.SYSTEM;
        CaseProgress before = progress == null ? CaseProgress.of(event.incidentId()) : progress;
        progress = before.next(event);
        Line line;
        if (event instanceof DerailingDiscussionReported e) {
            reported = e;
            report = new Report(e.platform(), e.location(), e.summary(), e.stage(), e.harms(), e.severity(),
                    e.involvedParties(), e.observedAt(), e.reportedBy(), at);
            String harms = e.harms().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
            line = Line.of(TimelineCode.REPORTED, "Reported a " + (e.stage().name().equals("DERAILED") ? "derailed"
                            : "threatening") + " discussion on " + e.platform() + " (severity " + e.severity() + "; "
                            + harms + ")",
                    "stage", e.stage(), "platform", e.platform(), "severity", e.severity(), "harms",
                    e.harms().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        } else if (event instanceof IncidentEscalated e) {
            escalations.add(new Escalation(e.assignee(), e.reason(), at, by, null, null, null));
            String text = "Escalated to " + e.assignee().describe() + (bySystem ? " by the system" : "")
                    + (e.reason() == null ? "" : ": " + e.reason());
            line = bySystem
                    ? Line.of(TimelineCode.ESCALATED_BY_SYSTEM, text, "level", e.assignee().level(),
                            "personId", e.assignee().personId(), "cause", Escalations.Cause.of(e.reason()).orElse(null),
                            "reason", e.reason())
                    : Line.of(TimelineCode.ESCALATED, text, "level", e.assignee().level(),
                            "personId", e.assignee().personId(), "reason", e.reason());
        } else if (event instanceof EscalationAcknowledged e) {
            if (!escalations.isEmpty()) { // a view without the escalations (a reporter's own report) has none to close
                Escalation current = escalations.remove(escalations.size() - 1);
                escalations.add(new Escalation(current.assignee(), current.reason(), current.escalatedAt(),
                        current.escalatedBy(), at, by, e.note()));
            }
            line = Line.of(TimelineCode.ACKNOWLEDGED, "Acknowledged by " + e.assignee().describe()
                            + (e.note() == null ? "" : ": " + e.note()),
                    "level", e.assignee().level(), "personId", e.assignee().personId(), "note", e.note());
        } else if (event instanceof ResponseStrategyAgreed e) {
            strategy = new Strategy(e.elements(), e.description(), e.agreedWith(), at, by);
            line = Line.of(TimelineCode.STRATEGY_AGREED, "Response strategy agreed with " + e.agreedWith() + ": "
                            + e.elements().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")),
                    "agreedWith", e.agreedWith(), "elements",
                    e.elements().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        } else if (event instanceof CommunicationsDepartmentNotified e) {
            notifications.add(new Step(at, by, e.message(), null, null));
            OpenStep notify = before.openStep(nl.incidents.kernel.incident.Step.NOTIFY_COMMUNICATIONS);
            Instant overdueSince = notify == null ? null : notify.overdueSince();
            String text = "Communications department notified" + (!bySystem ? ""
                    : " by the system" + (overdueSince == null ? "" : ": the step was overdue since "
                    + CaseTiming.time(overdueSince)));
            line = bySystem ? Line.of(TimelineCode.COMMUNICATIONS_NOTIFIED_BY_SYSTEM, text, "overdueSince", overdueSince)
                    : Line.of(TimelineCode.COMMUNICATIONS_NOTIFIED, text);
        } else if (event instanceof FiledWithPolice e) {
            policeReports.add(new Step(at, by, e.offence(), e.policeReference(), null));
            line = Line.of(TimelineCode.FILED_WITH_POLICE, "Filed with the police: " + e.offence(), "offence", e.offence());
        } else if (event instanceof PoliceReportDeclined e) {
            declinedPoliceReports.add(new Step(at, by, e.reason(), null, null));
            line = Line.of(TimelineCode.POLICE_REPORT_DECLINED, "The board decided not to file with the police: " + e.reason(),
                    "reason", e.reason());
        } else if (event instanceof ReportedToConfidentialInspector e) {
            inspectorReports.add(new Step(at, by, e.summary(), e.inspectorReference(), e.staffMember()));
            line = Line.of(TimelineCode.REPORTED_TO_INSPECTOR, "Reported to the national confidential inspector about staff "
                    + "member " + e.staffMember(), "staffMember", e.staffMember());
        } else if (event instanceof MeasureImposed e) {
            measures.add(new MeasureEntry(e.personId(), e.partyRole(), e.measure(), e.reason(), at, by));
            line = Line.of(TimelineCode.MEASURE_IMPOSED, "Measure " + e.measure() + " imposed on " + e.personId() + " ("
                    + e.partyRole() + ")", "measure", e.measure(), "personId", e.personId(), "partyRole", e.partyRole());
        } else if (event instanceof CorrespondenceRecorded e) {
            correspondence.add(new CorrespondenceEntry(e.personId(), e.partyRole(), e.summary(), at, by));
            line = Line.of(TimelineCode.CORRESPONDENCE_RECORDED, "Correspondence about " + e.personId()
                    + " recorded in their dossier", "personId", e.personId());
        } else if (event instanceof IncidentClosed e) {
            closure = new Step(at, by, e.outcome(), null, null);
            line = Line.of(TimelineCode.CLOSED, "Closed: " + e.outcome(), "outcome", e.outcome());
        } else if (event instanceof PoliceReportConcluded e) {
            policeReportOutcomes.add(new Step(at, by, e.outcome(), null, null));
            line = Line.of(TimelineCode.POLICE_REPORT_CONCLUDED, "The police report ended: " + e.outcome(),
                    "outcome", e.outcome());
        } else if (event instanceof LegalHoldPlaced e) {
            legalHolds.add(new LegalHold(at, by, e.reason(), null, null, null));
            line = Line.of(TimelineCode.LEGAL_HOLD_PLACED, "The board placed a legal hold: " + e.reason(),
                    "reason", e.reason());
        } else if (event instanceof LegalHoldLifted e) {
            if (!legalHolds.isEmpty()) {
                LegalHold placed = legalHolds.remove(legalHolds.size() - 1);
                legalHolds.add(new LegalHold(placed.placedAt(), placed.placedBy(), placed.reason(), at, by, e.reason()));
            }
            line = Line.of(TimelineCode.LEGAL_HOLD_LIFTED, "The board lifted its legal hold: " + e.reason(),
                    "reason", e.reason());
        } else if (event instanceof PersonErased e) {
            erasures.add(new Erasure(at, by, Erasure.Scope.PERSON, e.request(), e.ground(), e.requestedBy()));
            line = Line.of(TimelineCode.PERSON_ERASED, "Everything about a person was erased (request " + e.request()
                    + ", AVG art. " + e.ground().article() + ")", "request", e.request(), "ground", e.ground(),
                    "requestedBy", e.requestedBy());
        } else if (event instanceof CaseErased e) {
            erasures.add(new Erasure(at, by, Erasure.Scope.CASE, e.request(), e.ground(), e.requestedBy()));
            line = Line.of(TimelineCode.CASE_ERASED, "The case was erased (request " + e.request() + ", AVG art. "
                    + e.ground().article() + ")", "request", e.request(), "ground", e.ground(),
                    "requestedBy", e.requestedBy());
        } else if (event instanceof EvidenceAttached e) {
            evidence.add(new IncidentDossier.EvidenceEntry(e.evidenceId(), e.fileName(), e.description(), e.mediaType(),
                    e.sizeBytes(), e.sha256(), e.receivedAt(), by));
            line = Line.of(TimelineCode.EVIDENCE_ATTACHED, "Evidence attached: " + e.fileName() + " (SHA-256 " + e.sha256()
                    + ")", "fileName", e.fileName(), "sha256", e.sha256(), "sizeBytes", e.sizeBytes());
        } else if (event instanceof CaseRestrictedToNeedToKnow e) {
            needToKnowMarkedAt = at;
            needToKnowMarkedBy = by;
            line = Line.of(TimelineCode.NEED_TO_KNOW, "The board made the case need-to-know: " + e.reason(),
                    "reason", e.reason());
        } else if (event instanceof NeedToKnowLifted e) {
            needToKnowMarkedAt = null;
            needToKnowMarkedBy = null;
            line = Line.of(TimelineCode.NEED_TO_KNOW_LIFTED, "The board lifted the need-to-know mark: " + e.reason(),
                    "reason", e.reason());
        } else if (event instanceof NeedToKnowReaderAdded e) {
            readersInOrder.add(e.personId());
            line = Line.of(TimelineCode.NEED_TO_KNOW_READER_ADDED, "The board added " + e.personId()
                    + " to those who may know of the case", "personId", e.personId());
        } else if (event instanceof NeedToKnowReaderRemoved e) {
            line = Line.of(TimelineCode.NEED_TO_KNOW_READER_REMOVED, "The board took " + e.personId()
                    + " off the need-to-know case", "personId", e.personId());
        } else if (event instanceof EscalationPolicyRecorded e) {
            line = timing.recorded(e);
        } else if (event instanceof DeadlineSet e) {
            line = timing.deadline(e, progress.openStep(e.step()));
        } else if (event instanceof StepOverdue e) {
            line = timing.overdue(e, at);
        } else if (event instanceof BoardReminded e) {
            line = timing.reminded(e);
        } else {
            throw new IllegalStateException("no dossier rule for " + event.getClass().getSimpleName());
        }
        timeline.add(new TimelineEntry(at, computedBySystem(event) ? Actor.SYSTEM : by, line.code().code(), line.params(),
                line.text()));
    }

    /**
     * The steps the system works out itself: a case's terms, its deadlines, a step found overdue, a
     * reminder. They are stored with the actor whose command caused them (the reporter, the manager
     * who acknowledged), but that person did not take them.
     */
    static boolean computedBySystem(IncidentEvent event) {
        return event instanceof EscalationPolicyRecorded || event instanceof DeadlineSet || event instanceof StepOverdue
                || event instanceof BoardReminded;
    }

    private IncidentDossier dossier() {
        if (reported == null) {
            throw new IllegalStateException("a case's history starts with its report");
        }
        Escalation current = escalations.isEmpty() ? null : escalations.get(escalations.size() - 1);
        return new IncidentDossier(reported.incidentId(), reported.schoolId(), progress.status(), report, current,
                List.copyOf(escalations), strategy, section(CommunicationsDepartmentNotified.class, notifications),
                section(FiledWithPolice.class, policeReports), section(PoliceReportDeclined.class, declinedPoliceReports),
                section(ReportedToConfidentialInspector.class, inspectorReports),
                section(MeasureImposed.class, measures), section(CorrespondenceRecorded.class, correspondence), closure,
                shown.contains(EscalationPolicyRecorded.class) ? timing.terms() : null,
                section(DeadlineSet.class, CaseTiming.deadlines(progress)), section(StepOverdue.class, timing.lateSteps()),
                List.copyOf(timeline), List.of(), section(PoliceReportConcluded.class, policeReportOutcomes),
                section(LegalHoldPlaced.class, legalHolds), shown.containsAll(KEEPING) ? holds() : null,
                section(PersonErased.class, erasures), section(EvidenceAttached.class, evidence), false,
                needToKnow());
    }

    /** Whether, and why, only those who need to know read the case; for a reader who sees the board's marks. */
    private IncidentDossier.NeedToKnowSection needToKnow() {
        if (!progress.needToKnow() || !shown.contains(CaseRestrictedToNeedToKnow.class)) {
            return null;
        }
        CaseRestrictedToNeedToKnow mark = progress.needToKnowMark();
        return new IncidentDossier.NeedToKnowSection(progress.legalDuty(), mark == null ? null : mark.reason(),
                mark == null ? null : needToKnowMarkedAt, mark == null ? null : needToKnowMarkedBy,
                readersInOrder.stream().filter(progress::isNeedToKnowReader).distinct().toList());
    }

    /** The events a reader must see to be told what keeps the case: the board's holds and the police reports. */
    private static final Set<Class<? extends IncidentEvent>> KEEPING = Set.of(LegalHoldPlaced.class,
            LegalHoldLifted.class, FiledWithPolice.class, PoliceReportConcluded.class, DeadlineSet.class);

    private List<HoldEntry> holds() {
        return progress.holds().stream().map(h -> new HoldEntry(h.kind().code(), h.reason())).toList();
    }

    private <T> List<T> section(Class<? extends IncidentEvent> type, List<T> entries) {
        return shown.contains(type) ? List.copyOf(entries) : null;
    }
}
