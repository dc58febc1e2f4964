package nl.incidents.query.caselist;

import static nl.incidents.query.Projections.instant;
import static nl.incidents.query.Projections.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Platform;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.query.access.CaseAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads pages of case summaries, filtered and ordered in the database. Each order walks an index in
 * its own order from the page's start ({@code incident_summary_reported}, {@code incident_summary_due},
 * migration V5), so a page costs about the same however many cases there are.
 */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A case's line, its earliest open deadline (the key of the due order) and whether the viewer reads
     * it in full (else only as its reporter, without its timing).
     */
    record Row(IncidentSummary summary, Instant deadline, boolean full) {
    }

    /**
     * Who asks, for what: the viewer's cases ({@code visible}), those they read in full, the filters, the time; and
     * the conditions that start the search by their own indexes ({@link CaseAccess#listSeeds}; none: walk the order).
     */
    record Request(CaseAccess.Filter visible, CaseAccess.Filter full, FindIncidents.Filter filter, Instant now,
                   List<CaseAccess.Filter> seeds) {

        Request(CaseAccess.Filter visible, CaseAccess.Filter full, FindIncidents.Filter filter, Instant now) {
            this(visible, full, filter, now, List.of());
        }
    }

    /**
     * A stretch of an order. The due order is two: the cases with a deadline the viewer may see,
     * earliest first; then all others, newest first. Cases read only as their reporter are never
     * overdue for the viewer and come with the cases that have nothing due.
     */
    enum Segment {
        NEWEST_FIRST("1 = 1", false, "ORDER BY reported_at DESC, incident_id DESC"),
        WITH_DEADLINE("first_deadline_at IS NOT NULL AND (%s)", true, "ORDER BY first_deadline_at, reported_at, incident_id"),
        WITHOUT_DEADLINE("(first_deadline_at IS NULL OR NOT (%s))", true, "ORDER BY reported_at DESC, incident_id DESC");

        private final String condition;
        private final boolean onFullView;
        private final String order;

        Segment(String condition, boolean onFullView, String order) {
            this.condition = condition;
            this.onFullView = onFullView;
            this.order = order;
        }
    }

    /** A statement and its positional parameters. */
    record Statement(String sql, List<Object> parameters) {
    }

    /** Up to {@code limit} rows of the request, in the order of {@code sort}, after {@code after} (null: from the start). */
    List<Row> page(Request request, FindIncidents.Sort sort, PageToken after, int limit) {
        if (sort == FindIncidents.Sort.REPORTED) {
            return run(statement(request, Segment.NEWEST_FIRST, after, limit), request.now());
        }
        List<Row> rows = new ArrayList<>();
        if (after == null || after.deadline() != null) {
            rows.addAll(run(statement(request, Segment.WITH_DEADLINE, after, limit), request.now()));
            after = null;
        }
        if (rows.size() < limit) {
            rows.addAll(run(statement(request, Segment.WITHOUT_DEADLINE, after, limit - rows.size()), request.now()));
        }
        return rows;
    }

    /** The statement that reads a segment of the request's cases from {@code after}. */
    Statement statement(Request request, Segment segment, PageToken after, int limit) {
        CaseAccess.Filter full = request.full();
        FindIncidents.Filter filter = request.filter();
        List<Object> parameters = new ArrayList<>(full.parameters());
        StringBuilder where = new StringBuilder("(").append(request.visible().where()).append(") AND ")
                .append(segment.condition.formatted(full.where()));
        parameters.addAll(request.visible().parameters());
        if (segment.onFullView) {
            parameters.addAll(full.parameters());
        }
        if (!filter.statuses().isEmpty()) {
            // By the status the viewer sees: a reporter not added to a need-to-know case sees less of it (row below).
            parameters.addAll(full.parameters());
            in(where, parameters, "(CASE WHEN need_to_know = TRUE AND NOT (" + full.where() + ") THEN (CASE status"
                    + " WHEN 'ESCALATED' THEN 'REPORTED' WHEN 'STRATEGY_AGREED' THEN 'ACKNOWLEDGED' ELSE status END)"
                    + " ELSE status END)", filter.statuses().stream().map(Enum::name).toList());
        }
        in(where, parameters, "school_id", filter.schools());
        in(where, parameters, "severity", filter.severities().stream().map(Enum::name).toList());
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " AND (" + full.where() + ") AND first_deadline_at <= ?"
                    : " AND (NOT (" + full.where() + ") OR first_deadline_at IS NULL OR first_deadline_at > ?)");
            parameters.addAll(full.parameters());
            parameters.add(utc(request.now()));
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
        String select = "SELECT incident_summary.*, CASE WHEN (" + full.where() + ") THEN 1 ELSE 0 END AS full_view"
                + " FROM incident_summary WHERE ";
        if (request.seeds().isEmpty()) {
            parameters.add(limit);
            return new Statement(select + where + " " + segment.order + " FETCH FIRST ? ROWS ONLY", parameters);
        }
        // A page from each seed, each read by its own index and cut at the page's length, then the page of their
        // union: never more rows sorted than a page for each seed. UNION drops a case that two seeds both found.
        List<String> pages = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        int n = 0;
        for (CaseAccess.Filter seed : request.seeds()) {
            pages.add("SELECT * FROM (" + select + "(" + seed.where() + ") AND " + where + " " + segment.order
                    + " FETCH FIRST ? ROWS ONLY) seed_" + n++);
            all.addAll(parameters.subList(0, full.parameters().size()));
            all.addAll(seed.parameters());
            all.addAll(parameters.subList(full.parameters().size(), parameters.size()));
            all.add(limit);
        }
        all.add(limit);
        return new Statement("SELECT * FROM (" + String.join(" UNION ", pages) + ") seeds " + segment.order
                + " FETCH FIRST ? ROWS ONLY", all);
    }

    private List<Row> run(Statement statement, Instant now) {
        return jdbc.sql(statement.sql()).params(statement.parameters())
                .query((rs, n) -> row(rs, now))
                .list();
    }

    private static void in(StringBuilder where, List<Object> parameters, String column, Collection<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (")
                    .append(String.join(", ", values.stream().map(v -> "?").toList())).append(")");
            parameters.addAll(values);
        }
    }

    private static Row row(ResultSet rs, Instant now) throws SQLException {
        String level = rs.getString("assignee_level");
        String assigneeId = rs.getString("assignee_id");
        Assignee assignee = level == null ? null
                : new Assignee(EscalationLevel.valueOf(level), assigneeId == null ? null : new PersonId(assigneeId));
        String nextStep = rs.getString("next_step");
        Instant deadline = instant(rs, "first_deadline_at");
        boolean full = rs.getInt("full_view") == 1;
        IncidentStatus status = IncidentStatus.valueOf(rs.getString("status"));
        if (!full && rs.getBoolean("need_to_know")) {
            // A reporter the board did not add learns of their need-to-know case only that it was taken up and closed
            // (CaseAccess.dossierEventsFor): not who holds it, nor how far its handling got.
            status = switch (status) {
                case REPORTED, ESCALATED -> IncidentStatus.REPORTED;
                case ACKNOWLEDGED, STRATEGY_AGREED -> IncidentStatus.ACKNOWLEDGED;
                case CLOSED -> IncidentStatus.CLOSED;
            };
            assignee = null;
        }
        IncidentSummary summary = new IncidentSummary(
                IncidentId.of(rs.getString("incident_id")),
                rs.getString("school_id"),
                status,
                Severity.valueOf(rs.getString("severity")),
                Stage.valueOf(rs.getString("stage")),
                Platform.valueOf(rs.getString("platform")),
                assignee,
                instant(rs, "reported_at"),
                instant(rs, "closed_at"),
                nextStep == null ? null : new IncidentSummary.Due(Step.valueOf(nextStep), instant(rs, "next_due_at")),
                deadline != null && !deadline.isAfter(now) ? deadline : null,
                rs.getInt("late_steps"),
                // Whether the case is need-to-know: for those who read it in full, not its reporter only.
                full ? rs.getBoolean("need_to_know") : null);
        return new Row(summary, deadline, full);
    }
}
