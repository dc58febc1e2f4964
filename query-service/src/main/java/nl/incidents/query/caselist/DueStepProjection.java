package nl.incidents.query.caselist;

import static nl.incidents.query.Projections.instant;
import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.protocol.CaseProgress;
import nl.incidents.kernel.protocol.OpenStep;
import nl.incidents.query.Projections;
import nl.incidents.support.axon.BatchWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each case's open steps and late steps, and copies onto its summary the step due next, the
 * earliest deadline of its open steps (a step the board is reminded of keeps the deadline it
 * missed) and the number of late ones, so the case list can say what is due, filter what is overdue
 * and sort by it in the database. Which steps are open is the kernel's fold ({@link CaseProgress}),
 * applied to the rows kept here. Plain statements only, for H2 and PostgreSQL alike.
 */
@Component
@ProcessingGroup(Projections.GROUP)
class DueStepProjection {

    private static final String BATCH = DueStepProjection.class.getName();

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;

    DueStepProjection(JdbcClient jdbc, JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    /**
     * The open steps of the cases a batch of events touched: each case's read once per batch, folded on in memory, and
     * written once when the batch commits ({@link BatchWrites#state}). Nothing else in the group reads them.
     */
    private static final class OpenSteps {
        final Map<String, Map<Step, OpenStep>> cases = new HashMap<>();
        final Set<String> changed = new LinkedHashSet<>();
    }

    @EventHandler
    void on(IncidentEvent event, @Timestamp Instant at) {
        if (event instanceof StepOverdue overdue) {
            late(overdue, at);
        }
        if (!(event instanceof DeadlineSet || event instanceof StepOverdue)
                && CaseProgress.stepsEndedBy(event).isEmpty()) {
            return; // the open steps stay as they are
        }
        String incident = event.incidentId().toString();
        OpenSteps batch = BatchWrites.state(BATCH, OpenSteps::new, this::write);
        Map<Step, OpenStep> before = batch == null ? openSteps(incident)
                : batch.cases.computeIfAbsent(incident, this::openSteps);
        // The case as far as its open steps go: all the fold needs to move them on.
        Map<Step, OpenStep> after = new CaseProgress(event.incidentId(), null, null, null, null, null, before, false, false,
                false, null, null, null, false, false, null, Set.of()).next(event).open();
        if (after.equals(before)) {
            return; // replayed, or nothing was open to end
        }
        if (batch == null) {
            OpenSteps one = new OpenSteps();
            one.cases.put(incident, after);
            one.changed.add(incident);
            write(one);
        } else {
            batch.cases.put(incident, after);
            batch.changed.add(incident);
        }
    }

    /** Each changed case's open steps in place of those stored, and the list's copy of the next one: three batches. */
    private void write(OpenSteps steps) {
        if (steps.changed.isEmpty()) {
            return;
        }
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> summaries = new ArrayList<>();
        for (String incident : steps.changed) {
            Map<Step, OpenStep> open = steps.cases.get(incident);
            deletes.add(new Object[] {incident});
            for (OpenStep step : open.values()) {
                inserts.add(new Object[] {incident, step.step().name(), utc(step.dueAt()), utc(step.nextDeadline()),
                        step.reminders(), utc(step.overdueSince())});
            }
            summaries.add(summary(incident, open));
        }
        batchJdbc.batchUpdate("DELETE FROM incident_due_step WHERE incident_id = ?", deletes);
        if (!inserts.isEmpty()) {
            batchJdbc.batchUpdate("""
                    INSERT INTO incident_due_step (incident_id, step, deadline_at, due_at, reminder, overdue_since)
                    VALUES (?, ?, ?, ?, ?, ?)""", inserts);
        }
        batchJdbc.batchUpdate(
                "UPDATE incident_summary SET next_step = ?, next_due_at = ?, first_deadline_at = ? WHERE incident_id = ?",
                summaries);
    }

    private Map<Step, OpenStep> openSteps(String incident) {
        return jdbc.sql("SELECT * FROM incident_due_step WHERE incident_id = ?").param(incident)
                .query((rs, n) -> new OpenStep(Step.valueOf(rs.getString("step")), instant(rs, "deadline_at"),
                        instant(rs, "due_at"), rs.getInt("reminder"), instant(rs, "overdue_since"), null))
                .list().stream().collect(Collectors.toMap(OpenStep::step, Function.identity()));
    }

    private void late(StepOverdue overdue, Instant at) {
        String incident = overdue.incidentId().toString();
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

    /** The list's copy: the step the system acts on next, and the earliest deadline of the open steps. */
    private static Object[] summary(String incident, Map<Step, OpenStep> open) {
        OpenStep next = open.values().stream().min(java.util.Comparator.comparing(OpenStep::nextDeadline)
                .thenComparing(OpenStep::step)).orElse(null);
        Instant firstDeadline = open.values().stream().map(OpenStep::dueAt).min(Instant::compareTo).orElse(null);
        return new Object[] {next == null ? null : next.step().name(), next == null ? null : utc(next.nextDeadline()),
                utc(firstDeadline), incident};
    }
}
