package nl.incidents.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the board's telephone report to the national confidential inspector (Landelijke
 * Vertrouwensinspecteur) of a staff member's boundary-crossing (grensoverschrijdende) communication.
 */
public record ReportToConfidentialInspector(
        @TargetAggregateIdentifier IncidentId incidentId, PersonId staffMember, String summary, String inspectorReference) {
}
