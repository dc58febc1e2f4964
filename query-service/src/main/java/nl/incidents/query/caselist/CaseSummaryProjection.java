package nl.incidents.query.caselist;

import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.CaseRestrictedToNeedToKnow;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.EscalationPolicyRecorded;
import nl.incidents.kernel.incident.NeedToKnowLifted;
import nl.incidents.kernel.incident.NeedToKnowReaderAdded;
import nl.incidents.kernel.incident.NeedToKnowReaderRemoved;
import nl.incidents.kernel.incident.DerailingDiscussionReported;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.InvolvedParty;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.ResponseStrategyAgreed;
import nl.incidents.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One row per case for the case list: where it stands and who holds it; and who its discussion
 * involves, whom the list and the dossiers leave it out for (see {@code CaseAccess}); whether only those who need to
 * know may read it, and the people the board added to it ({@code need_to_know_reader}).
 */
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
        int inserted = jdbc.sql("""
                INSERT INTO incident_summary (incident_id, school_id, status, severity, stage, platform, reported_by,
                    reported_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM incident_summary WHERE incident_id = ?)""")
                .params(id, event.schoolId(), IncidentStatus.REPORTED.name(), event.severity().name(),
                        event.stage().name(), event.platform().name(), event.reportedBy().value(), utc(at), id)
                .update();
        if (inserted == 0) {
            return; // replayed
        }
        for (PersonId person : event.involvedParties().stream().map(InvolvedParty::personId).distinct()
                .filter(person -> !person.erased()).toList()) { // an erased party, replayed, is nobody to keep out
            jdbc.sql("INSERT INTO incident_party (incident_id, person_id) VALUES (?, ?)").params(id, person.value()).update();
        }
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
        String id = event.incidentId().toString();
        boolean strategyAgreed = jdbc.sql("SELECT strategy_agreed FROM incident_summary WHERE incident_id = ?").param(id)
                .query(Boolean.class).single();
        jdbc.sql("UPDATE incident_summary SET status = ? WHERE incident_id = ?")
                .params(IncidentStatus.afterAcknowledgement(strategyAgreed).name(), id)
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

    /** A case under the legal duty (art. 4a WOT) is need-to-know from its report. */
    @EventHandler
    void on(EscalationPolicyRecorded event) {
        if (event.legalDuty()) {
            needToKnow(event.incidentId().toString(), true);
        }
    }

    @EventHandler
    void on(CaseRestrictedToNeedToKnow event) {
        needToKnow(event.incidentId().toString(), true);
    }

    @EventHandler
    void on(NeedToKnowLifted event) {
        needToKnow(event.incidentId().toString(), false);
    }

    @EventHandler
    void on(NeedToKnowReaderAdded event) {
        String id = event.incidentId().toString();
        boolean known = jdbc.sql("SELECT COUNT(*) FROM need_to_know_reader WHERE incident_id = ? AND person_id = ?")
                .params(id, event.personId().value()).query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO need_to_know_reader (incident_id, person_id) VALUES (?, ?)")
                    .params(id, event.personId().value()).update();
        }
    }

    @EventHandler
    void on(NeedToKnowReaderRemoved event) {
        jdbc.sql("DELETE FROM need_to_know_reader WHERE incident_id = ? AND person_id = ?")
                .params(event.incidentId().toString(), event.personId().value()).update();
    }

    @EventHandler
    void on(CaseErased event) {
        jdbc.sql("DELETE FROM need_to_know_reader WHERE incident_id = ?").param(event.incidentId().toString()).update();
    }

    private void needToKnow(String incidentId, boolean needToKnow) {
        jdbc.sql("UPDATE incident_summary SET need_to_know = ? WHERE incident_id = ?").params(needToKnow, incidentId)
                .update();
    }
}
