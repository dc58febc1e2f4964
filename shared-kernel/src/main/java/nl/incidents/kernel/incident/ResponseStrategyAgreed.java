package nl.incidents.kernel.incident;

import java.util.Set;
import nl.incidents.kernel.privacy.NotPersonalData;
import nl.incidents.kernel.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A response strategy was agreed with the reporter. */
@Revision("1")
public record ResponseStrategyAgreed(
        @NotPersonalData("the case's own random id") IncidentId incidentId,
        @NotPersonalData("the protocol's own words") Set<ResponseStrategy> elements,
        @PersonalData String description,
        @PersonalData(person = "agreedWith") PersonId agreedWith) implements IncidentEvent {

    public ResponseStrategyAgreed {
        elements = OrderedSets.of(elements, ResponseStrategy.class);
    }
}
