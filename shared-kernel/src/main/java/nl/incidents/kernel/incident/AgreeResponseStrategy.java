package nl.incidents.kernel.incident;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The handler and the reporter agree how to respond: usually not online, in real life, with the platform. */
public record AgreeResponseStrategy(
        @TargetAggregateIdentifier IncidentId incidentId, Set<ResponseStrategy> elements, String description) {

    public AgreeResponseStrategy {
        elements = OrderedSets.of(elements, ResponseStrategy.class);
    }
}
