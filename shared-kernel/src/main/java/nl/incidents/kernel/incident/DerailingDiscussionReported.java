package nl.incidents.kernel.incident;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A staff member reported a discussion that threatens to derail or has derailed. */
@Revision("1")
public record DerailingDiscussionReported(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @NotPersonalData("a school of the board") String schoolId,
        @NotPersonalData("the protocol's own words") Platform platform,
        @PersonalData String location,
        @PersonalData String summary,
        @NotPersonalData("the protocol's own words") Stage stage,
        @NotPersonalData("the protocol's own words") Set<Harm> harms,
        @NotPersonalData("the protocol's own words") Severity severity,
        List<InvolvedParty> involvedParties,
        @NotPersonalData("a time of the protocol") Instant observedAt,
        @PersonalData(person = "reportedBy") PersonId reportedBy) implements IncidentEvent {

    public DerailingDiscussionReported {
        harms = OrderedSets.of(harms, Harm.class);
        involvedParties = List.copyOf(involvedParties);
    }
}
