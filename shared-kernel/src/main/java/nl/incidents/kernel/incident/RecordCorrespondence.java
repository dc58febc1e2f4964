package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put correspondence about a person involved in the case into their personnel or pupil dossier. */
public record RecordCorrespondence(@TargetAggregateIdentifier IncidentId incidentId, PersonId personId, String summary) {
}
