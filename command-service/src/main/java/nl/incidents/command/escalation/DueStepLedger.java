package nl.incidents.command.escalation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import nl.incidents.command.messaging.Ledgers;
import nl.incidents.kernel.incident.CommunicationsDepartmentNotified;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.EscalationAcknowledged;
import nl.incidents.kernel.incident.FiledWithPolice;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.PoliceReportDeclined;
import nl.incidents.kernel.incident.ReportedToConfidentialInspector;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.time.TimePrecision;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command service's own list of due steps, for {@link OverdueSweep}: each open case's steps and
 * when they are due, from the same events the saga schedules its deadlines by. (It is the command
 * side's bookkeeping, not one of the query service's projections; one of the {@link Ledgers}.) A due time is written as
 * the system keeps times ({@link TimePrecision}), never rounded by the database, so the sweep names the
 * case's own due time. One statement per event, and a handler only for the events that set or end a step, so that
 * the others are not even deserialized.
 */
@Component
@ProcessingGroup(Ledgers.GROUP)
class DueStepLedger {

    private final JdbcClient jdbc;

    DueStepLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the step, or replaces its earlier due time (a reminder). MERGE: standard SQL, on H2 and PostgreSQL 15+. */
    @EventHandler
    void on(DeadlineSet deadline) {
        jdbc.sql("""
                        MERGE INTO escalation_due_step d
                        USING (VALUES (CAST(:incident AS VARCHAR(36)), CAST(:step AS VARCHAR(32)),
                                       CAST(:due AS TIMESTAMP WITH TIME ZONE))) AS s (incident_id, step, due_at)
                        ON d.incident_id = s.incident_id AND d.step = s.step
                        WHEN MATCHED THEN UPDATE SET due_at = s.due_at
                        WHEN NOT MATCHED THEN INSERT (incident_id, step, due_at) VALUES (s.incident_id, s.step, s.due_at)""")
                .param("incident", deadline.incidentId().toString())
                .param("step", deadline.step().name())
                .param("due", OffsetDateTime.ofInstant(TimePrecision.kept(deadline.dueAt()), ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(IncidentEscalated event) {
        ended(event);
    }

    @EventHandler
    void on(EscalationAcknowledged event) {
        ended(event);
    }

    @EventHandler
    void on(CommunicationsDepartmentNotified event) {
        ended(event);
    }

    @EventHandler
    void on(FiledWithPolice event) {
        ended(event);
    }

    @EventHandler
    void on(PoliceReportDeclined event) {
        ended(event);
    }

    @EventHandler
    void on(ReportedToConfidentialInspector event) {
        ended(event);
    }

    @EventHandler
    void on(IncidentClosed event) {
        jdbc.sql("DELETE FROM escalation_due_step WHERE incident_id = :incident")
                .param("incident", event.incidentId().toString()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM escalation_due_step").update();
    }

    /** The steps this event ends, by the one rule ({@link CaseProgress#stepsEndedBy}), in one statement. */
    private void ended(IncidentEvent event) {
        Collection<String> steps = CaseProgress.stepsEndedBy(event).stream().map(Step::name).toList();
        if (!steps.isEmpty()) {
            jdbc.sql("DELETE FROM escalation_due_step WHERE incident_id = :incident AND step IN (:steps)")
                    .param("incident", event.incidentId().toString()).param("steps", List.copyOf(steps)).update();
        }
    }
}
