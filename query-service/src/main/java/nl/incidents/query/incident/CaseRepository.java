package nl.incidents.query.incident;

import static nl.incidents.query.Projections.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.DeadlineSet;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentEvent;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.StepOverdue;
import nl.incidents.kernel.query.IncidentSummary;
import nl.incidents.query.access.CaseAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads case summaries, filtered in the database to what a viewer may see. */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;
    private final CaseAccess access;

    CaseRepository(JdbcClient jdbc, CaseAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    Optional<IncidentSummary> find(IncidentId id) {
        return jdbc.sql("SELECT * FROM incident_summary WHERE incident_id = ?").param(id.toString())
                .query(CaseRepository::row).optional();
    }

    /** Whether the viewer may see this case: the same rule as their list, so the two never disagree. */
    boolean isVisible(IncidentId id, Actor viewer) {
        CaseAccess.Filter filter = access.listFilter(viewer);
        List<Object> parameters = new java.util.ArrayList<>(filter.parameters());
        parameters.add(id.toString());
        return jdbc.sql("SELECT COUNT(*) FROM incident_summary WHERE " + filter.where() + " AND incident_id = ?")
                .params(parameters).query(Long.class).single() > 0;
    }

    /**
     * The viewer's cases, newest first. What is due and what was late is left out where the viewer's
     * dossier leaves out the events it comes from, so the list never tells more than the dossier.
     */
    List<IncidentSummary> visibleTo(Actor viewer) {
        CaseAccess.Filter filter = access.listFilter(viewer);
        Set<Class<? extends IncidentEvent>> shown = access.dossierEventsFor(viewer);
        boolean due = shown.contains(DeadlineSet.class);
        boolean late = shown.contains(StepOverdue.class);
        return jdbc.sql("SELECT * FROM incident_summary WHERE " + filter.where() + " ORDER BY reported_at DESC")
                .params(filter.parameters())
                .query(CaseRepository::row).list().stream()
                .map(s -> due && late ? s : new IncidentSummary(s.incidentId(), s.schoolId(), s.status(), s.severity(),
                        s.stage(), s.platform(), s.assignee(), s.reportedAt(), s.closedAt(), due ? s.nextDue() : null,
                        late ? s.lateSteps() : null))
                .toList();
    }

    private static IncidentSummary row(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("assignee_level");
        String assigneeId = rs.getString("assignee_id");
        Assignee assignee = level == null ? null
                : new Assignee(EscalationLevel.valueOf(level), assigneeId == null ? null : new PersonId(assigneeId));
        String nextStep = rs.getString("next_step");
        return new IncidentSummary(
                IncidentId.of(rs.getString("incident_id")),
                rs.getString("school_id"),
                IncidentStatus.valueOf(rs.getString("status")),
                Severity.valueOf(rs.getString("severity")),
                Stage.valueOf(rs.getString("stage")),
                Platform.valueOf(rs.getString("platform")),
                assignee,
                instant(rs, "reported_at"),
                instant(rs, "closed_at"),
                nextStep == null ? null : new IncidentSummary.Due(Step.valueOf(nextStep), instant(rs, "next_due_at")),
                rs.getInt("late_steps"));
    }
}
