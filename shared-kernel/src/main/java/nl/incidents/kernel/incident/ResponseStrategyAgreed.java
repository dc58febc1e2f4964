package nl.incidents.kernel.incident;

import java.util.Set;
import org.axonframework.serialization.Revision;

/** A response strategy was agreed with the reporter. */
@Revision("1")
public record ResponseStrategyAgreed(
        IncidentId incidentId, Set<ResponseStrategy> elements, String description, PersonId agreedWith)
        implements IncidentEvent {

    public ResponseStrategyAgreed {
        elements = OrderedSets.of(elements, ResponseStrategy.class);
    }
}
