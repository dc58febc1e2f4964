package nl.incidents.query.caselist;

import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One row per case for the case list: where it stands and who holds it. */
@Component
@ProcessingGroup(Projections.GROUP)
class CaseSummaryProjection {

    private final JdbcClient jdbc;

    CaseSummaryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DerailingDiscussionReported event, @Timestamp Instant at) {
        String id = event.incidentId().toString();
        if (jdbc.sql("SELECT COUNT(*) FROM incident_summary WHERE incident_id = ?").param(id).query(Long.class).single() > 0) {
            return; // replayed
        }
        jdbc.sql("""
                INSERT INTO incident_summary (incident_id, school_id, status, severity, stage, platform, reported_by,
                    reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, event.schoolId(), IncidentStatus.REPORTED.name(), event.severity().name(),
                        event.stage().name(), event.platform().name(), event.reportedBy().value(), utc(at))
                .update();
    }

    @EventHandler
    void on(IncidentEscalated event) {
        String manager = event.assignee().level() == EscalationLevel.MANAGER ? event.assignee().personId().value() : null;
        jdbc.sql("""
                UPDATE incident_summary SET status = ?, assignee_level = ?, assignee_id = ?,
                    manager_id = COALESCE(?, manager_id)
                WHERE incident_id = ?""")
                .params(IncidentStatus.ESCALATED.name(), event.assignee().level().name(),
                        manager, manager, event.incidentId().toString())
                .update();
    }

    @EventHandler
    void on(EscalationAcknowledged event) {
        // A strategy agreed before the case went up still stands.
        jdbc.sql("UPDATE incident_summary SET status = CASE WHEN strategy_agreed THEN ? ELSE ? END WHERE incident_id = ?")
                .params(IncidentStatus.STRATEGY_AGREED.name(), IncidentStatus.ACKNOWLEDGED.name(),
                        event.incidentId().toString())
                .update();
    }

    @EventHandler
    void on(ResponseStrategyAgreed event) {
        jdbc.sql("UPDATE incident_summary SET status = ?, strategy_agreed = TRUE WHERE incident_id = ?")
                .params(IncidentStatus.STRATEGY_AGREED.name(), event.incidentId().toString())
                .update();
    }

    @EventHandler
    void on(CommunicationsDepartmentNotified event) {
        jdbc.sql("UPDATE incident_summary SET communications_notified = TRUE WHERE incident_id = ?")
                .param(event.incidentId().toString()).update();
    }

    @EventHandler
    void on(IncidentClosed event, @Timestamp Instant at) {
        jdbc.sql("UPDATE incident_summary SET status = ?, closed_at = ? WHERE incident_id = ?")
                .params(IncidentStatus.CLOSED.name(), utc(at), event.incidentId().toString())
                .update();
    }
}
