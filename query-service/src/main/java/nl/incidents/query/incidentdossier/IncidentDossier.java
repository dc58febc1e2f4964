package nl.incidents.query.incidentdossier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.ClockMode;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.OrderedSets;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Region;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.privacy.ErasureGround;
import nl.incidents.kernel.privacy.ErasureRequester;
import nl.incidents.kernel.protocol.CaseAction;

/**
 * Everything about one case (het dossier van een melding): the report, who holds it, every decision,
 * its escalation terms, what is due next and which steps were late, a readable timeline, and the
 * {@code actions} its reader may take now (each allowed by the kernel's {@code CasePolicies} and
 * {@code CaseStates}, as the command side checks them; empty for someone who may take none).
 * For those who handle the case also what keeps it past its retention period: the outcomes of its police reports,
 * the board's legal holds (bewaarblokkades) placed and lifted, and {@code holds}, what holds it now (the kernel's
 * {@code CaseProgress.holds()}); and the erasures of the case or of people in it, which name no one. For everyone who
 * reads the case, its {@code evidence} (bewijsmateriaal): the files attached to it, each with its SHA-256 and when it was
 * received (the bytes themselves at {@code /api/incidents/{id}/evidence/{evidenceId}}); and {@code policePackage},
 * whether the reader may download the case's police package ({@code /api/incidents/{id}/police-package}). For those who read
 * it in full, {@code needToKnow}: whether only those who need to know may know of the case, and who the board added
 * (null when it is not need-to-know, or for a reader who reads only the course of the case).
 */
public record IncidentDossier(
        IncidentId incidentId,
        String schoolId,
        IncidentStatus status,
        Report report,
        Escalation escalation,
        List<Escalation> escalations,
        Strategy strategy,
        List<Step> communicationsNotifications,
        List<Step> policeReports,
        List<Step> declinedPoliceReports,
        List<Step> inspectorReports,
        List<MeasureEntry> measures,
        List<CorrespondenceEntry> correspondence,
        Step closure,
        Terms terms,
        List<Deadline> deadlines,
        List<LateStep> lateSteps,
        List<TimelineEntry> timeline,
        List<CaseAction> actions,
        List<Step> policeReportOutcomes,
        List<LegalHold> legalHolds,
        List<HoldEntry> holds,
        List<Erasure> erasures,
        List<EvidenceEntry> evidence,
        boolean policePackage,
        NeedToKnowSection needToKnow) {

    /**
     * The steps of the protocol a person may take in a case through the command API, in the order of
     * {@link CaseAction}: reporting, the escalation to a manager (done on the report, by itself) and
     * marking a step overdue (the system's) are not among them.
     */
    public static final Set<CaseAction> OFFERED = java.util.Collections.unmodifiableSet(java.util.EnumSet.of(
            CaseAction.ESCALATE_TO_NEXT_LEVEL, CaseAction.ACKNOWLEDGE, CaseAction.AGREE_STRATEGY,
            CaseAction.NOTIFY_COMMUNICATIONS, CaseAction.FILE_WITH_POLICE, CaseAction.DECLINE_POLICE_REPORT,
            CaseAction.REPORT_TO_INSPECTOR, CaseAction.IMPOSE_LIGHT_MEASURE, CaseAction.IMPOSE_HEAVY_MEASURE,
            CaseAction.RECORD_CORRESPONDENCE, CaseAction.CLOSE, CaseAction.RECORD_POLICE_REPORT_OUTCOME,
            CaseAction.PLACE_LEGAL_HOLD, CaseAction.LIFT_LEGAL_HOLD, CaseAction.ERASE_CASE, CaseAction.ATTACH_EVIDENCE,
            CaseAction.RESTRICT_TO_NEED_TO_KNOW, CaseAction.LIFT_NEED_TO_KNOW, CaseAction.ADD_NEED_TO_KNOW_READER,
            CaseAction.REMOVE_NEED_TO_KNOW_READER));

    /** This dossier with the actions its reader may take now. */
    IncidentDossier withActions(List<CaseAction> allowed) {
        return new IncidentDossier(incidentId, schoolId, status, report, escalation, escalations, strategy,
                communicationsNotifications, policeReports, declinedPoliceReports, inspectorReports, measures,
                correspondence, closure, terms, deadlines, lateSteps, timeline, List.copyOf(allowed), policeReportOutcomes,
                legalHolds, holds, erasures, evidence, policePackage, needToKnow);
    }

    /** This dossier saying whether its reader may download the case's police package (those who handle the case). */
    IncidentDossier withPolicePackage(boolean allowed) {
        return new IncidentDossier(incidentId, schoolId, status, report, escalation, escalations, strategy,
                communicationsNotifications, policeReports, declinedPoliceReports, inspectorReports, measures,
                correspondence, closure, terms, deadlines, lateSteps, timeline, actions, policeReportOutcomes,
                legalHolds, holds, erasures, evidence, allowed, needToKnow);
    }

    /**
     * Need to know (alleen wie het moet weten): only the board and the people it added read the case.
     *
     * @param legalDuty whether the legal duty (art. 4a WOT) makes it so; then it cannot be lifted
     * @param reason    the board's reason when it marked the case, or null (legal duty only)
     * @param markedAt  when the board marked it, or null
     * @param markedBy  the board member who marked it, or null
     * @param readers   the people the board added, by id, in the order they were added
     */
    public record NeedToKnowSection(boolean legalDuty, String reason, Instant markedAt, Actor markedBy,
                                    List<PersonId> readers) {
    }

    /** What the reporter saw. */
    public record Report(
            Platform platform, String location, String summary, Stage stage, Set<Harm> harms, Severity severity,
            List<InvolvedParty> involvedParties, Instant observedAt, PersonId reportedBy, Instant reportedAt) {

        public Report {
            harms = OrderedSets.of(harms, Harm.class);
        }
    }

    /** One escalation: to whom, why, and whether and by whom it was acknowledged. */
    public record Escalation(
            Assignee assignee, String reason, Instant escalatedAt, Actor escalatedBy,
            Instant acknowledgedAt, Actor acknowledgedBy, String acknowledgementNote) {
    }

    /** The agreed response strategy. */
    public record Strategy(Set<ResponseStrategy> elements, String description, PersonId agreedWith, Instant agreedAt, Actor agreedBy) {

        public Strategy {
            elements = OrderedSets.of(elements, ResponseStrategy.class);
        }
    }

    /** A step taken: when, by whom, what was said, and a reference where one exists (police, inspector). */
    public record Step(Instant at, Actor by, String text, String reference, PersonId personId) {
    }

    /**
     * A legal hold of the board: placed when, by whom and why; lifted when, by whom and why (the last three null
     * while it is in force).
     */
    public record LegalHold(Instant placedAt, Actor placedBy, String reason, Instant liftedAt, Actor liftedBy,
                            String liftReason) {
    }

    /**
     * One thing that keeps the case now: its {@code kind} ({@code legal-hold}, {@code police-report},
     * {@code inspector-consultation}, the kernel's {@code Hold.Kind} codes) and, for the board's hold, its reason.
     */
    public record HoldEntry(String kind, String reason) {
    }

    /**
     * An erasure (AVG art. 17): when, by whom (the board member, or the system for the retention task), of one
     * {@code PERSON} or the whole {@code CASE}, under which request of the board's register, on which ground
     * (the kernel's {@code ErasureGround} name) and at whose request ({@code ErasureRequester} name). Never whom.
     */
    public record Erasure(Instant at, Actor by, Scope scope, String request, ErasureGround ground,
                          ErasureRequester requestedBy) {

        /** What was erased: everything about one person in the case, or the whole case. */
        public enum Scope { PERSON, CASE }
    }

    /**
     * A piece of evidence attached to the case: its id, its file name and description as the sender gave them (both
     * {@code [verwijderd]} once the case is erased), its media type, size in bytes, SHA-256 (64 lower-case hexadecimal
     * digits), when the command service received it, and who attached it.
     */
    public record EvidenceEntry(java.util.UUID evidenceId, String fileName, String description, String mediaType,
                                long sizeBytes, String sha256, Instant receivedAt, Actor attachedBy) {
    }

    /** A measure imposed on a person involved. */
    public record MeasureEntry(PersonId personId, PartyRole partyRole, Measure measure, String reason, Instant at, Actor by) {
    }

    /** Correspondence about a person involved. */
    public record CorrespondenceEntry(PersonId personId, PartyRole partyRole, String summary, Instant at, Actor by) {
    }

    /**
     * The escalation policy's terms as recorded with the case: how time is counted ({@code clock},
     * in the school's {@code region}), the levels it climbs, whether the legal duty applies, the time
     * allowed for each step and between the board's reminders, and all of it in one sentence.
     */
    public record Terms(
            ClockMode clock, Region region, List<EscalationLevel> chain, boolean legalDuty,
            Map<nl.incidents.kernel.incident.Step, Duration> allowed, Duration reminderInterval, String text) {
    }

    /**
     * An open step and when it is due. {@code reminders} counts the board's reminders so far (then
     * {@code dueAt} is the next reminder and {@code overdueSince} the deadline that passed);
     * {@code assignee} is who must acknowledge, for an acknowledgement.
     */
    public record Deadline(
            nl.incidents.kernel.incident.Step step, Instant dueAt, int reminders, Instant overdueSince,
            Assignee assignee) {
    }

    /** A step not taken by its deadline: when it was due, when the system noticed, who held the case. */
    public record LateStep(nl.incidents.kernel.incident.Step step, Instant dueAt, Instant noticedAt, Assignee assignee) {
    }

    /**
     * One line of the readable timeline (verloop): when, who, what it says by its stable {@code code} (the kernel's
     * {@link nl.incidents.kernel.timeline.TimelineCode}, such as {@code deadline-set}) with its {@code params} (raw
     * values by name, absent ones left out), and the same in an English sentence ({@code text}).
     */
    public record TimelineEntry(Instant at, Actor by, String code, java.util.Map<String, String> params, String text) {
    }
}
