package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the board filed a criminal complaint (aangifte) about an utterance that may be an offence. */
public record FileWithPolice(@TargetAggregateIdentifier IncidentId incidentId, String offence, String policeReference) {
}
