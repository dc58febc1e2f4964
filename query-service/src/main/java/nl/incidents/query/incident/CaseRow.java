package nl.incidents.query.incident;

import nl.incidents.kernel.query.IncidentSummary;

/** A case's summary with what deciding who may see it needs. */
record CaseRow(IncidentSummary summary, String reportedBy, String managerId, boolean communicationsNotified) {
}
