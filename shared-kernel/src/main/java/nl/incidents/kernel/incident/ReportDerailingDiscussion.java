package nl.incidents.kernel.incident;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.RequestRefused;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A staff member reports an online discussion about the school that threatens to derail or has
 * derailed. The reporter is the command's {@link Actor}. The client may choose the id, so that
 * sending the same report twice creates one incident.
 */
public record ReportDerailingDiscussion(
        @TargetAggregateIdentifier IncidentId incidentId,
        String schoolId,
        Platform platform,
        String location,
        String summary,
        Stage stage,
        Set<Harm> harms,
        Severity severity,
        List<InvolvedParty> involvedParties,
        Instant observedAt) {

    public ReportDerailingDiscussion {
        harms = OrderedSets.of(harms, Harm.class);
        involvedParties = List.copyOf(involvedParties);
    }

    /** Refuses a report that names no harm, or a person twice among the involved parties. */
    public void validate() {
        if (harms.isEmpty()) {
            throw RequestRefused.invalid("report.harms.missing", "harms", "Name at least one kind of harm the discussion does.");
        }
        if (involvedParties.stream().map(InvolvedParty::personId).distinct().count() != involvedParties.size()) {
            throw RequestRefused.invalid("report.parties.repeated", "involvedParties", "Each person may be listed once among the involved parties.");
        }
    }

    /** The report as it would be stored, to tell a repeated report from a different one with the same id. */
    public DerailingDiscussionReported toEvent(PersonId reporter) {
        return new DerailingDiscussionReported(incidentId, schoolId, platform, location, summary, stage,
                harms, severity, involvedParties, observedAt, reporter);
    }
}
