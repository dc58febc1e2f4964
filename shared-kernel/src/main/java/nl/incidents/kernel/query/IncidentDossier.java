package nl.incidents.kernel.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.Harm;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.ResponseStrategy;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;

/** Everything about one case: the report, who holds it, every decision and a readable timeline. */
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
        List<Step> inspectorReports,
        List<MeasureEntry> measures,
        List<CorrespondenceEntry> correspondence,
        Step closure,
        List<TimelineEntry> timeline) {

    /** What the reporter saw. */
    public record Report(
            Platform platform, String location, String summary, Stage stage, Set<Harm> harms, Severity severity,
            List<InvolvedParty> involvedParties, Instant observedAt, PersonId reportedBy, Instant reportedAt) {
    }

    /** One escalation: to whom, why, and whether and by whom it was acknowledged. */
    public record Escalation(
            Assignee assignee, String reason, Instant escalatedAt, Actor escalatedBy,
            Instant acknowledgedAt, Actor acknowledgedBy, String acknowledgementNote) {
    }

    /** The agreed response strategy. */
    public record Strategy(Set<ResponseStrategy> elements, String description, PersonId agreedWith, Instant agreedAt, Actor agreedBy) {
    }

    /** A step taken: when, by whom, what was said, and a reference where one exists (police, inspector). */
    public record Step(Instant at, Actor by, String text, String reference, PersonId personId) {
    }

    /** A measure imposed on a person involved. */
    public record MeasureEntry(PersonId personId, PartyRole partyRole, Measure measure, String reason, Instant at, Actor by) {
    }

    /** Correspondence about a person involved. */
    public record CorrespondenceEntry(PersonId personId, PartyRole partyRole, String summary, Instant at, Actor by) {
    }

    /** One line of the readable timeline. */
    public record TimelineEntry(Instant at, Actor by, String text) {
    }
}
