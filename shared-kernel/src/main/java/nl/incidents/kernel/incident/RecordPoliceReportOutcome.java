package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record how the police report (aangifte) of a case ended: dismissed, settled, judged. Until then the report is open
 * and holds the case back from erasure.
 */
public record RecordPoliceReportOutcome(@TargetAggregateIdentifier IncidentId incidentId, String outcome) {
}
