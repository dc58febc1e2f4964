package nl.incidents.kernel.incident;

/**
 * Every event in an incident's life. Who caused it, and because of what, travels in the event's
 * metadata ({@link Actor}, correlation ids); when it happened is the event's timestamp.
 */
public sealed interface IncidentEvent permits DerailingDiscussionReported, IncidentEscalated, EscalationAcknowledged,
        ResponseStrategyAgreed, CommunicationsDepartmentNotified, FiledWithPolice, ReportedToConfidentialInspector,
        MeasureImposed, CorrespondenceRecorded, IncidentClosed, EscalationPolicyRecorded, DeadlineSet, StepOverdue,
        BoardReminded, PoliceReportDeclined, LegalHoldPlaced, LegalHoldLifted, PoliceReportConcluded,
        PersonErased, CaseErased, EvidenceAttached, CaseRestrictedToNeedToKnow, NeedToKnowLifted,
        NeedToKnowReaderAdded, NeedToKnowReaderRemoved {

    IncidentId incidentId();
}
