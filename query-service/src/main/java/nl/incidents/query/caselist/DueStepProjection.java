package nl.incidents.query.caselist;

import static nl.incidents.query.Projections.instant;
import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.IncidentClosed;
import nl.incidents.kernel.incident.IncidentEscalated;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.query.Projections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's open steps and late steps, and copies onto its summary the step due first, the
 * earliest deadline of its open steps (for a step the board is reminded of, the deadline it missed)
 * and the number of late ones, so the case list can say what is due, filter what is overdue and sort
 * by it in the database. The rules are the case's own (a new deadline replaces the step's earlier
 * one, a reminder keeps the deadline that was missed, an escalation ends the acknowledgement that was
 * due, the event that takes a step ends it, closing ends all), as the dossier folds them. Plain
 * statements only, for H2 and PostgreSQL alike.
 */
@Component
@ProcessingGroup(Projections.GROUP)
class DueStepProjection {

    private final JdbcClient jdbc;

    DueStepProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IncidentEvent event, @Timestamp Instant at) {
        String incident = event.incidentId().toString();
        if (event instanceof DeadlineSet deadline) {
            Instant overdueSince = deadline.reminder() > 0 ? overdueSince(incident, deadline.step()) : null;
            remove(incident, deadline.step());
            jdbc.sql("INSERT INTO incident_due_step (incident_id, step, due_at, reminder, overdue_since) VALUES (?, ?, ?, ?, ?)")
                    .params(incident, deadline.step().name(), utc(deadline.dueAt()), deadline.reminder(), utc(overdueSince))
                    .update();
        } else if (event instanceof StepOverdue overdue) {
            late(incident, overdue, at);
        } else if (event instanceof IncidentEscalated) {
            remove(incident, Step.ACKNOWLEDGE);
        } else if (event instanceof IncidentClosed) {
            jdbc.sql("DELETE FROM incident_due_step WHERE incident_id = ?").param(incident).update();
        } else {
            Optional<Step> taken = Step.takenBy(event);
            if (taken.isEmpty()) {
                return; // the open steps stay as they are
            }
            remove(incident, taken.get());
        }
        summarize(incident);
    }

    private Instant overdueSince(String incident, Step step) {
        return jdbc.sql("SELECT overdue_since FROM incident_due_step WHERE incident_id = ? AND step = ?")
                .params(incident, step.name())
                .query((rs, n) -> Optional.ofNullable(instant(rs, "overdue_since"))).optional()
                .flatMap(since -> since).orElse(null);
    }

    private void late(String incident, StepOverdue overdue, Instant at) {
        jdbc.sql("UPDATE incident_due_step SET overdue_since = ? WHERE incident_id = ? AND step = ?")
                .params(utc(overdue.dueAt()), incident, overdue.step().name()).update();
        boolean known = jdbc.sql("SELECT COUNT(*) FROM incident_late_step WHERE incident_id = ? AND step = ? AND due_at = ?")
                .params(incident, overdue.step().name(), utc(overdue.dueAt())).query(Long.class).single() > 0;
        if (known) {
            return; // replayed
        }
        jdbc.sql("INSERT INTO incident_late_step (incident_id, step, due_at, noticed_at) VALUES (?, ?, ?, ?)")
                .params(incident, overdue.step().name(), utc(overdue.dueAt()), utc(at))
                .update();
        jdbc.sql("""
                UPDATE incident_summary
                SET late_steps = (SELECT COUNT(*) FROM incident_late_step WHERE incident_id = ?)
                WHERE incident_id = ?""")
                .params(incident, incident).update();
    }

    private void remove(String incident, Step step) {
        jdbc.sql("DELETE FROM incident_due_step WHERE incident_id = ? AND step = ?").params(incident, step.name()).update();
    }

    private void summarize(String incident) {
        record Due(String step, OffsetDateTime dueAt) {
        }
        Due next = jdbc.sql("SELECT step, due_at FROM incident_due_step WHERE incident_id = ? ORDER BY due_at, step")
                .param(incident)
                .query((rs, n) -> new Due(rs.getString("step"), rs.getObject("due_at", OffsetDateTime.class)))
                .list().stream().findFirst().orElse(new Due(null, null));
        jdbc.sql("""
                UPDATE incident_summary SET next_step = ?, next_due_at = ?,
                    first_deadline_at = (SELECT MIN(COALESCE(overdue_since, due_at)) FROM incident_due_step WHERE incident_id = ?)
                WHERE incident_id = ?""")
                .params(next.step(), next.dueAt(), incident, incident).update();
    }
}
