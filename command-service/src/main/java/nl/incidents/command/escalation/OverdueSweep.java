package nl.incidents.command.escalation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.incidents.command.messaging.IncidentCommands;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.MarkStepOverdue;
import nl.incidents.kernel.incident.Step;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The safety net under the deadlines: finds the steps of open cases that are past due by more than
 * the grace period (so their deadline should have fired) and tells each case, exactly as the
 * deadline would. The case acts once: a step that was dealt with in the meantime is left alone.
 */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final IncidentCommands commands;
    private final EscalationProperties properties;

    OverdueSweep(JdbcClient jdbc, IncidentCommands commands, EscalationProperties properties) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.properties = properties;
    }

    record DueStep(IncidentId incidentId, Step step, Instant dueAt) {
    }

    /** Acts on every missed step; returns how many it found. */
    int sweep() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(properties.sweep().grace());
        List<DueStep> missed = jdbc.sql("""
                        SELECT incident_id, step, due_at FROM escalation_due_step
                        WHERE due_at < :cutoff ORDER BY due_at FETCH FIRST :batch ROWS ONLY""")
                .param("cutoff", cutoff)
                .param("batch", BATCH) // in SQL: after a long outage the start-up sweep reads no more than it acts on
                .query((rs, row) -> new DueStep(IncidentId.of(rs.getString("incident_id")),
                        Step.valueOf(rs.getString("step")), rs.getObject("due_at", OffsetDateTime.class).toInstant()))
                .list();
        for (DueStep due : missed) {
            try {
                commands.send(new MarkStepOverdue(due.incidentId(), due.step(), due.dueAt()), Actor.SYSTEM,
                        MetaData.with(Actor.CAUSE_KEY, "sweep: " + due.step() + " due " + due.dueAt()
                                + " passed without its deadline firing"));
            } catch (RuntimeException e) {
                log.warn("The sweep could not act on {} of incident {}, due {}; it tries again on its next run",
                        due.step(), due.incidentId(), due.dueAt(), e);
            }
        }
        if (!missed.isEmpty()) {
            log.info("The sweep found {} step(s) past due whose deadline had not fired, and acted on them", missed.size());
        }
        return missed.size();
    }
}
