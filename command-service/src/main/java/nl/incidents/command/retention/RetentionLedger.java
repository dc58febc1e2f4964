package nl.incidents.command.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.incidents.command.messaging.Ledgers;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command service's list of closed cases (table {@code retention_case}: case id, when it closed, when it was
 * erased), for the retention task: it reads only the cases that closed long enough ago for a retention period to have
 * ended, never every case. Kept from the case's own events by the command side's ledgers' streaming processor
 * ({@link Ledgers}), which started at the beginning of the store, so cases closed before this ledger existed are in it
 * too; a reset rebuilds it. Ids and
 * times only: no personal data. (The command side's bookkeeping, not one of the query service's projections.)
 */
@Component
@ProcessingGroup(Ledgers.GROUP)
class RetentionLedger {

    /** A closed case that was not erased, and when it closed. */
    record ClosedCase(IncidentId incidentId, Instant closedAt) {
    }

    private final JdbcClient jdbc;

    RetentionLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IncidentClosed event, @Timestamp Instant at) {
        // Written again when the event is handled again (a retry, a reset): the same row. One statement (MERGE:
        // standard SQL, on H2 and PostgreSQL 15+).
        jdbc.sql("""
                        MERGE INTO retention_case r
                        USING (VALUES (CAST(:incident AS VARCHAR(36)), CAST(:at AS TIMESTAMP WITH TIME ZONE)))
                            AS s (incident_id, closed_at)
                        ON r.incident_id = s.incident_id
                        WHEN MATCHED THEN UPDATE SET closed_at = s.closed_at
                        WHEN NOT MATCHED THEN INSERT (incident_id, closed_at) VALUES (s.incident_id, s.closed_at)""")
                .param("incident", event.incidentId().toString()).param("at", utc(at)).update();
    }

    @EventHandler
    void on(CaseErased event, @Timestamp Instant at) {
        jdbc.sql("UPDATE retention_case SET erased_at = :at WHERE incident_id = :incident")
                .param("at", utc(at)).param("incident", event.incidentId().toString()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM retention_case").update();
    }

    /** The cases closed at or before {@code closedBy} and not erased, the earliest closed first. */
    List<ClosedCase> closedBy(Instant closedBy) {
        return jdbc.sql("""
                        SELECT incident_id, closed_at FROM retention_case
                        WHERE erased_at IS NULL AND closed_at <= :closedBy ORDER BY closed_at, incident_id""")
                .param("closedBy", utc(closedBy))
                .query((rs, row) -> new ClosedCase(IncidentId.of(rs.getString("incident_id")),
                        rs.getObject("closed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
