package nl.incidents.web.cases;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The query service's answers as the case pages read them (only the parts they show; other properties are
 * ignored, and a section the reader may not read is absent, so null here). Times are Dutch time with their offset.
 */
public final class CaseViews {

    private CaseViews() {
    }

    /** One page of the case list ({@code GET /api/incidents}); {@code nextPageToken} is null on the last page. */
    public record CasePage(List<CaseSummary> items, String nextPageToken) {

        public CasePage {
            items = items == null ? List.of() : items;
        }
    }

    /**
     * One case in the list: its step due next and when ({@code nextDue}), since when it is overdue
     * ({@code overdueSince}), both only for the board and managers; whether only those who need to know read it
     * ({@code needToKnow}: true, or null when the reader may not be told).
     */
    public record CaseSummary(String incidentId, String schoolId, String status, String severity, String stage,
                       String platform, Assignee assignee, OffsetDateTime reportedAt, OffsetDateTime closedAt,
                       Due nextDue, OffsetDateTime overdueSince, Integer lateSteps, Boolean needToKnow) {

        /** Whether the list marks the case confidential (vertrouwelijk). */
        public boolean confidential() {
            return Boolean.TRUE.equals(needToKnow);
        }

        public boolean overdue() {
            return overdueSince != null;
        }
    }

    /** Who holds a case: the level ({@code MANAGER}, {@code BOARD}) and, for a manager, who. */
    public record Assignee(String level, String personId) {
    }

    /** The open step the system acts on next and its deadline. */
    public record Due(String step, OffsetDateTime dueAt) {
    }

    /** A person involved in the discussion: the board's reference, {@code PUPIL}/{@code PARENT}/{@code STAFF}/{@code OUTSIDER}, part. */
    public record Party(String personId, String role, String part) {
    }

    /** Who took a step: the directory id and role. */
    public record Actor(String id, String role) {
    }

    /** The case's dossier ({@code GET /api/incidents/{id}}) with the {@code actions} its reader may take now. */
    public record Dossier(String incidentId, String schoolId, String status, Report report, Escalation escalation,
                   Strategy strategy, List<Step> communicationsNotifications, List<Step> policeReports,
                   List<Step> declinedPoliceReports, List<Step> inspectorReports, List<Measure> measures,
                   List<Correspondence> correspondence, Step closure, List<Deadline> deadlines,
                   List<TimelineEntry> timeline, List<String> actions, List<Step> policeReportOutcomes,
                   List<LegalHold> legalHolds, List<Hold> holds, List<Erasure> erasures, List<Evidence> evidence,
                   boolean policePackage, NeedToKnow needToKnow) {

        public Dossier {
            actions = actions == null ? List.of() : actions;
            timeline = timeline == null ? List.of() : timeline;
        }

        public boolean allows(String action) {
            return actions.contains(action);
        }

        /** The people involved, for the forms that name one. */
        public List<Party> parties() {
            return report == null || report.involvedParties() == null ? List.of() : report.involvedParties();
        }

        /** The people the board added to a need-to-know case (directory ids); none for any other case. */
        public List<String> readers() {
            return needToKnow == null ? List.of() : needToKnow.readers();
        }

        public List<Party> staff() {
            return parties().stream().filter(p -> "STAFF".equals(p.role())).toList();
        }
    }

    /**
     * Need to know (alleen wie het moet weten): whether the legal duty makes it so, the board's reason, when and by
     * whom it marked the case, and the people it added (directory ids); null when the case is not need-to-know.
     */
    public record NeedToKnow(boolean legalDuty, String reason, OffsetDateTime markedAt, Actor markedBy,
                             List<String> readers) {

        public NeedToKnow {
            readers = readers == null ? List.of() : readers;
        }
    }

    /** What the reporter saw. */
    public record Report(String platform, String location, String summary, String stage, List<String> harms, String severity,
                  List<Party> involvedParties, OffsetDateTime observedAt, String reportedBy, OffsetDateTime reportedAt) {
    }

    /** The current escalation: to whom, why, and its acknowledgement. */
    public record Escalation(Assignee assignee, String reason, OffsetDateTime escalatedAt, OffsetDateTime acknowledgedAt,
                      Actor acknowledgedBy, String acknowledgementNote) {
    }

    /** The agreed response strategy. */
    public record Strategy(List<String> elements, String description, OffsetDateTime agreedAt, Actor agreedBy) {
    }

    /** A step taken: when, by whom, its text and a reference (police, inspector) or person. */
    public record Step(OffsetDateTime at, Actor by, String text, String reference, String personId) {
    }

    /**
     * A legal hold (bewaarblokkade) of the board: placed when, by whom, why; lifted when, by whom, why (null while
     * it is in force).
     */
    public record LegalHold(OffsetDateTime placedAt, Actor placedBy, String reason, OffsetDateTime liftedAt,
                            Actor liftedBy, String liftReason) {
    }

    /**
     * An erasure in the case (AVG art. 17): when, by whom, of one {@code PERSON} or the whole {@code CASE}, the
     * board's request reference, the ground and who asked (the kernel's enum names); never whom.
     */
    public record Erasure(OffsetDateTime at, Actor by, String scope, String request, String ground, String requestedBy) {
    }

    /**
     * What keeps the case now: {@code legal-hold} (with the board's reason), {@code police-report},
     * {@code inspector-consultation}.
     */
    public record Hold(String kind, String reason) {
    }

    /**
     * A piece of evidence (bewijsmateriaal): its id, name and description as sent, media type, size in bytes, SHA-256
     * (hexadecimal), when it was received and who attached it.
     */
    public record Evidence(String evidenceId, String fileName, String description, String mediaType, long sizeBytes,
                           String sha256, OffsetDateTime receivedAt, Actor attachedBy) {
    }

    /** A measure imposed. */
    public record Measure(String personId, String partyRole, String measure, String reason, OffsetDateTime at, Actor by) {
    }

    /** Correspondence recorded about a person involved. */
    public record Correspondence(String personId, String partyRole, String summary, OffsetDateTime at, Actor by) {
    }

    /** An open step and its deadline. */
    public record Deadline(String step, OffsetDateTime dueAt, int reminders, OffsetDateTime overdueSince) {
    }

    /**
     * One line of the readable timeline: its code and parameters (the kernel's {@code TimelineCode}), which the page
     * writes in the person's language ({@link TimelineTexts}), and the English sentence the query service writes,
     * shown for a line without a code.
     */
    public record TimelineEntry(OffsetDateTime at, Actor by, String code, java.util.Map<String, String> params, String text) {

        public TimelineEntry {
            params = params == null ? java.util.Map.of() : params;
        }
    }
}
