package nl.incidents.query.caselist;

import static nl.incidents.query.Projections.instant;
import static nl.incidents.query.Projections.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.incidents.kernel.incident.Step;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.query.access.CaseAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads pages of case summaries, filtered and ordered in the database. Each order walks an index in
 * its own order from the page's start (V5's {@code incident_summary_reported} and
 * {@code incident_summary_due}), so a page costs about the same however many cases there are.
 */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case's line and its earliest open deadline, the key of the due order. */
    record Row(IncidentSummary summary, Instant deadline) {
    }

    /**
     * Up to {@code limit} rows the viewer's condition lets through, in the query's order, after
     * {@code after} (null: from the start). {@code now} decides what is overdue.
     */
    List<Row> page(CaseAccess.Filter visible, FindIncidents.Filter filter, FindIncidents.Sort sort, PageToken after,
                   int limit, Instant now) {
        if (sort == FindIncidents.Sort.REPORTED) {
            return select(visible, filter, now, after, "", "ORDER BY reported_at DESC, incident_id DESC", limit);
        }
        List<Row> rows = new ArrayList<>();
        if (after == null || after.deadline() != null) {
            rows.addAll(select(visible, filter, now, after, "first_deadline_at IS NOT NULL",
                    "ORDER BY first_deadline_at, reported_at, incident_id", limit));
            after = null;
        }
        if (rows.size() < limit) {
            rows.addAll(select(visible, filter, now, after, "first_deadline_at IS NULL",
                    "ORDER BY reported_at DESC, incident_id DESC", limit - rows.size()));
        }
        return rows;
    }

    private List<Row> select(CaseAccess.Filter visible, FindIncidents.Filter filter, Instant now, PageToken after,
                             String segment, String order, int limit) {
        StringBuilder where = new StringBuilder("(").append(visible.where()).append(")");
        List<Object> parameters = new ArrayList<>(visible.parameters());
        if (!segment.isEmpty()) {
            where.append(" AND ").append(segment);
        }
        in(where, parameters, "status", filter.statuses().stream().map(Enum::name).toList());
        in(where, parameters, "school_id", filter.schools());
        in(where, parameters, "severity", filter.severities().stream().map(Enum::name).toList());
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " AND first_deadline_at <= ?"
                    : " AND (first_deadline_at IS NULL OR first_deadline_at > ?)");
            parameters.add(utc(now));
        }
        if (after != null && after.deadline() != null) {
            // The leading range lets the database start in the index; the rest breaks ties.
            where.append(" AND first_deadline_at >= ? AND (first_deadline_at > ? OR (first_deadline_at = ?"
                    + " AND (reported_at > ? OR (reported_at = ? AND incident_id > ?))))");
            parameters.addAll(List.of(utc(after.deadline()), utc(after.deadline()), utc(after.deadline()),
                    utc(after.reportedAt()), utc(after.reportedAt()), after.incidentId().toString()));
        } else if (after != null) {
            where.append(" AND reported_at <= ? AND (reported_at < ? OR (reported_at = ? AND incident_id < ?))");
            parameters.addAll(List.of(utc(after.reportedAt()), utc(after.reportedAt()), utc(after.reportedAt()),
                    after.incidentId().toString()));
        }
        parameters.add(limit);
        return jdbc.sql("SELECT * FROM incident_summary WHERE " + where + " " + order + " FETCH FIRST ? ROWS ONLY")
                .params(parameters)
                .query((rs, n) -> new Row(row(rs, now), instant(rs, "first_deadline_at")))
                .list();
    }

    private static void in(StringBuilder where, List<Object> parameters, String column, Collection<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (")
                    .append(String.join(", ", values.stream().map(v -> "?").toList())).append(")");
            parameters.addAll(values);
        }
    }

    private static IncidentSummary row(ResultSet rs, Instant now) throws SQLException {
        String level = rs.getString("assignee_level");
        String assigneeId = rs.getString("assignee_id");
        Assignee assignee = level == null ? null
                : new Assignee(EscalationLevel.valueOf(level), assigneeId == null ? null : new PersonId(assigneeId));
        String nextStep = rs.getString("next_step");
        Instant deadline = instant(rs, "first_deadline_at");
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
                deadline != null && !deadline.isAfter(now) ? deadline : null,
                rs.getInt("late_steps"));
    }
}
