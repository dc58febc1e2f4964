package nl.incidents.query.dashboard;

import static nl.incidents.query.Projections.instant;
import static nl.incidents.query.Projections.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.query.dashboard.Dashboard.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's own rows ({@code dashboard_case}, {@code dashboard_step_time}, migration V9), kept from a case's
 * events by one rule for the projection and for the migration that fills them from the history: the legal duty from
 * the case's terms; the time of each acknowledgement, from the escalation that made it due, by the level that
 * acknowledged; the time from the report to the notification of the communications department. Every write is safe
 * to repeat (a replay finds its rows there). Plain statements only, for H2 and PostgreSQL alike.
 */
final class DashboardRows {

    /** The event types the dashboard keeps rows for, by their simple names as the history stores them. */
    static final List<Class<? extends IncidentEvent>> TYPES = List.of(DerailingDiscussionReported.class,
            EscalationPolicyRecorded.class, IncidentEscalated.class, EscalationAcknowledged.class,
            CommunicationsDepartmentNotified.class);

    private final JdbcClient jdbc;

    DashboardRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies one event of a case, stored with this id at this time. */
    void apply(IncidentEvent event, String eventId, Instant at) {
        String incident = event.incidentId().toString();
        if (event instanceof DerailingDiscussionReported report) {
            if (caseRow(incident) == null) {
                jdbc.sql("INSERT INTO dashboard_case (incident_id, severity, reported_at) VALUES (?, ?, ?)")
                        .params(incident, report.severity().name(), utc(at)).update();
            }
        } else if (event instanceof EscalationPolicyRecorded terms) {
            jdbc.sql("UPDATE dashboard_case SET legal_duty = ? WHERE incident_id = ?").params(terms.legalDuty(), incident)
                    .update();
        } else if (event instanceof IncidentEscalated) {
            jdbc.sql("UPDATE dashboard_case SET escalated_at = ? WHERE incident_id = ?").params(utc(at), incident).update();
        } else if (event instanceof EscalationAcknowledged acknowledged) {
            CaseRow row = caseRow(incident);
            if (row != null && row.escalatedAt() != null) {
                time(eventId, incident, Measure.ACKNOWLEDGEMENT, acknowledged.assignee().level().name(), row.severity(),
                        row.escalatedAt(), at);
            }
        } else if (event instanceof CommunicationsDepartmentNotified) {
            CaseRow row = caseRow(incident);
            if (row != null) {
                time(eventId, incident, Measure.COMMUNICATIONS_NOTIFIED, null, row.severity(), row.reportedAt(), at);
            }
        }
    }

    private record CaseRow(String severity, Instant reportedAt, Instant escalatedAt) {
    }

    private CaseRow caseRow(String incident) {
        return jdbc.sql("SELECT severity, reported_at, escalated_at FROM dashboard_case WHERE incident_id = ?")
                .param(incident)
                .query((rs, n) -> new CaseRow(rs.getString("severity"), instant(rs, "reported_at"), instant(rs, "escalated_at")))
                .optional().orElse(null);
    }

    private void time(String eventId, String incident, Measure measure, String level, String severity, Instant from,
                      Instant to) {
        jdbc.sql("""
                INSERT INTO dashboard_step_time (event_id, incident_id, measure, level, severity, started_at, taken_at,
                    duration_ms)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM dashboard_step_time WHERE event_id = ?)""")
                .params(eventId, incident, measure.name(), level, severity, utc(from), utc(to),
                        Math.max(0, Duration.between(from, to).toMillis()), eventId)
                .update();
    }
}
