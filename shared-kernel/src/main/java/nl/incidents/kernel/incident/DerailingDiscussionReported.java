package nl.incidents.kernel.incident;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A staff member reported a discussion that threatens to derail or has derailed. */
@Revision("1")
public record DerailingDiscussionReported(
        IncidentId incidentId,
        String schoolId,
        Platform platform,
        String location,
        String summary,
        Stage stage,
        Set<Harm> harms,
        Severity severity,
        List<InvolvedParty> involvedParties,
        Instant observedAt,
        PersonId reportedBy) implements IncidentEvent {

    public DerailingDiscussionReported {
        harms = OrderedSets.of(harms, Harm.class);
        involvedParties = List.copyOf(involvedParties);
    }
}
