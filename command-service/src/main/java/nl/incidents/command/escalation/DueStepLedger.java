package nl.incidents.command.escalation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.time.TimePrecision;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command service's own list of due steps, for {@link OverdueSweep}: each open case's steps and
 * when they are due, from the same events the saga schedules its deadlines by. (It is the command
 * side's bookkeeping, not one of the query service's projections.) A due time is written as the
 * system keeps times ({@link TimePrecision}), never rounded by the database, so the sweep names the
 * case's own due time.
 */
@Component
@ProcessingGroup("escalation-ledger")
class DueStepLedger {

    private final JdbcClient jdbc;

    DueStepLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IncidentEvent event) {
        String incident = event.incidentId().toString();
        if (event instanceof DeadlineSet deadline) {
            remove(incident, deadline.step());
            jdbc.sql("INSERT INTO escalation_due_step (incident_id, step, due_at) VALUES (:incident, :step, :due)")
                    .param("incident", incident)
                    .param("step", deadline.step().name())
                    .param("due", OffsetDateTime.ofInstant(TimePrecision.kept(deadline.dueAt()), ZoneOffset.UTC))
                    .update();
        } else if (event instanceof IncidentEscalated) {
            remove(incident, Step.ACKNOWLEDGE);
        } else if (event instanceof IncidentClosed) {
            jdbc.sql("DELETE FROM escalation_due_step WHERE incident_id = :incident").param("incident", incident).update();
        } else {
            CaseProgress.stepsEndedBy(event).forEach(step -> remove(incident, step));
        }
    }

    private void remove(String incident, Step step) {
        jdbc.sql("DELETE FROM escalation_due_step WHERE incident_id = :incident AND step = :step")
                .param("incident", incident).param("step", step.name()).update();
    }
}
