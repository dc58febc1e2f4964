package nl.incidents.query.dashboard;

import static nl.incidents.query.Projections.instant;
import static nl.incidents.query.Projections.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.Assignee;
import nl.incidents.kernel.incident.EscalationLevel;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.IncidentStatus;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Severity;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.incident.Step;
import nl.incidents.query.AmsterdamTime;
import nl.incidents.query.access.CaseAccess;
import nl.incidents.query.dashboard.Dashboard.AttentionCase;
import nl.incidents.query.dashboard.Dashboard.Count;
import nl.incidents.query.dashboard.Dashboard.Measure;
import nl.incidents.query.dashboard.Dashboard.OverdueStep;
import nl.incidents.query.dashboard.Dashboard.Period;
import nl.incidents.query.dashboard.Dashboard.StepCount;
import nl.incidents.query.dashboard.Dashboard.StepTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the board's dashboard from the case list's tables ({@code incident_summary}, {@code incident_due_step}) and
 * the dashboard's own ({@code dashboard_case}, {@code dashboard_step_time}), counted in the database where it can be.
 * Only the board reads it, and never counting a case that involves the reader ({@link CaseAccess#fullView}).
 */
@Component
class DashboardQueries {

    private final JdbcClient jdbc;
    private final CaseAccess access;

    DashboardQueries(JdbcClient jdbc, CaseAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @QueryHandler
    Dashboard handle(FindDashboard query) {
        Actor viewer = query.viewer();
        if (viewer.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("dashboard.board-only", "Only the board reads the dashboard.");
        }
        Instant now = Instant.now();
        CaseAccess.Filter full = access.fullView(viewer);
        String open = "incident_summary.status <> 'CLOSED' AND (" + full.where() + ")";

        Map<IncidentStatus, Long> byStatus = new EnumMap<>(IncidentStatus.class);
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        Map<String, Long> bySchool = new TreeMap<>();
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        long[] total = {0};
        jdbc.sql("SELECT status, stage, school_id, severity, COUNT(*) AS cases FROM incident_summary WHERE " + open
                        + " GROUP BY status, stage, school_id, severity")
                .params(full.parameters())
                .query((rs, n) -> {
                    long cases = rs.getLong("cases");
                    total[0] += cases;
                    byStatus.merge(IncidentStatus.valueOf(rs.getString("status")), cases, Long::sum);
                    byStage.merge(Stage.valueOf(rs.getString("stage")), cases, Long::sum);
                    bySchool.merge(rs.getString("school_id"), cases, Long::sum);
                    bySeverity.merge(Severity.valueOf(rs.getString("severity")), cases, Long::sum);
                    return cases;
                }).list();

        List<Object> stepParameters = new ArrayList<>();
        stepParameters.add(utc(now));
        stepParameters.addAll(full.parameters());
        Map<Step, StepCount> bySteps = new EnumMap<>(Step.class);
        jdbc.sql("SELECT d.step, COUNT(*) AS open_steps, SUM(CASE WHEN d.deadline_at <= ? THEN 1 ELSE 0 END) AS overdue"
                        + " FROM incident_due_step d JOIN incident_summary ON incident_summary.incident_id = d.incident_id"
                        + " WHERE " + open + " GROUP BY d.step")
                .params(stepParameters)
                .query((rs, n) -> bySteps.put(Step.valueOf(rs.getString("step")),
                        new StepCount(Step.valueOf(rs.getString("step")), rs.getLong("open_steps"), rs.getLong("overdue"))))
                .list();

        return new Dashboard(now, total[0], counts(byStatus, Enum::name), counts(byStage, Enum::name),
                counts(bySchool, Function.identity()), counts(bySeverity, Enum::name), List.copyOf(bySteps.values()),
                attentionTotal(open, full, now), attention(open, full, now), stepTimes(open, full, now));
    }

    private static <K> List<Count> counts(Map<K, Long> counts, Function<K, String> key) {
        return counts.entrySet().stream().map(e -> new Count(key.apply(e.getKey()), e.getValue())).toList();
    }

    /** The condition of an attention case: an open case under the legal duty, or with a deadline passed. */
    private static final String NEEDS_ATTENTION = " AND (c.legal_duty = TRUE OR incident_summary.first_deadline_at <= ?)";

    private long attentionTotal(String open, CaseAccess.Filter full, Instant now) {
        List<Object> parameters = new ArrayList<>(full.parameters());
        parameters.add(utc(now));
        return jdbc.sql("SELECT COUNT(*) FROM incident_summary LEFT JOIN dashboard_case c"
                        + " ON c.incident_id = incident_summary.incident_id WHERE " + open + NEEDS_ATTENTION)
                .params(parameters).query(Long.class).single();
    }

    private List<AttentionCase> attention(String open, CaseAccess.Filter full, Instant now) {
        List<Object> parameters = new ArrayList<>(full.parameters());
        parameters.add(utc(now));
        parameters.add(Dashboard.ATTENTION_LIMIT);
        List<AttentionCase> cases = jdbc.sql("""
                        SELECT incident_summary.*, COALESCE(c.legal_duty, FALSE) AS under_legal_duty
                        FROM incident_summary LEFT JOIN dashboard_case c ON c.incident_id = incident_summary.incident_id
                        WHERE """ + " " + open + NEEDS_ATTENTION + """
                         ORDER BY CASE WHEN c.legal_duty = TRUE THEN 0 ELSE 1 END,
                            CASE WHEN incident_summary.first_deadline_at IS NULL THEN 1 ELSE 0 END,
                            incident_summary.first_deadline_at, incident_summary.reported_at, incident_summary.incident_id
                        FETCH FIRST ? ROWS ONLY""")
                .params(parameters)
                .query((rs, n) -> {
                    String level = rs.getString("assignee_level");
                    String assigneeId = rs.getString("assignee_id");
                    String nextStep = rs.getString("next_step");
                    return new AttentionCase(IncidentId.of(rs.getString("incident_id")), rs.getString("school_id"),
                            IncidentStatus.valueOf(rs.getString("status")), Severity.valueOf(rs.getString("severity")),
                            Stage.valueOf(rs.getString("stage")),
                            level == null ? null : new Assignee(EscalationLevel.valueOf(level),
                                    assigneeId == null ? null : new PersonId(assigneeId)),
                            instant(rs, "reported_at"), rs.getBoolean("under_legal_duty"), List.of(),
                            nextStep == null ? null : Step.valueOf(nextStep), instant(rs, "next_due_at"));
                }).list();
        if (cases.isEmpty()) {
            return cases;
        }
        Map<String, List<OverdueStep>> overdue = new LinkedHashMap<>();
        List<Object> ids = new ArrayList<>(cases.stream().map(c -> (Object) c.incidentId().toString()).toList());
        ids.add(utc(now));
        jdbc.sql("SELECT incident_id, step, deadline_at FROM incident_due_step WHERE incident_id IN ("
                        + String.join(", ", cases.stream().map(c -> "?").toList()) + ") AND deadline_at <= ?"
                        + " ORDER BY deadline_at, step")
                .params(ids)
                .query((rs, n) -> overdue.computeIfAbsent(rs.getString("incident_id"), id -> new ArrayList<>())
                        .add(new OverdueStep(Step.valueOf(rs.getString("step")), instant(rs, "deadline_at"))))
                .list();
        return cases.stream().map(c -> new AttentionCase(c.incidentId(), c.schoolId(), c.status(), c.severity(), c.stage(),
                c.assignee(), c.reportedAt(), c.legalDuty(), overdue.getOrDefault(c.incidentId().toString(), List.of()),
                c.nextStep(), c.nextDueAt())).toList();
    }

    /** One step taken: what it measures, by which level, in a case of which severity, when, and how long it took. */
    private record Taken(Measure measure, EscalationLevel level, Severity severity, Instant takenAt, long millis) {
    }

    private List<StepTime> stepTimes(String open, CaseAccess.Filter full, Instant now) {
        ZonedDateTime thisMonth = now.atZone(AmsterdamTime.ZONE).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(AmsterdamTime.ZONE);
        Map<Period, Instant> from = Map.of(Period.THIS_MONTH, thisMonth.toInstant(),
                Period.LAST_TWELVE_MONTHS, thisMonth.minusMonths(11).toInstant());
        List<Object> parameters = new ArrayList<>(full.parameters());
        parameters.add(utc(from.get(Period.LAST_TWELVE_MONTHS)));
        // Closed cases count too: how long their steps took is part of the record. Only the access rule applies.
        List<Taken> taken = jdbc.sql("SELECT t.measure, t.level, t.severity, t.taken_at, t.duration_ms"
                        + " FROM dashboard_step_time t JOIN incident_summary ON incident_summary.incident_id = t.incident_id"
                        + " WHERE (" + full.where() + ") AND t.taken_at >= ?")
                .params(parameters)
                .query((rs, n) -> new Taken(Measure.valueOf(rs.getString("measure")),
                        rs.getString("level") == null ? null : EscalationLevel.valueOf(rs.getString("level")),
                        Severity.valueOf(rs.getString("severity")), instant(rs, "taken_at"), rs.getLong("duration_ms")))
                .list();
        List<StepTime> figures = new ArrayList<>();
        List<Severity> severities = new ArrayList<>();
        severities.add(null);
        severities.addAll(Arrays.asList(Severity.values()));
        for (Measure measure : Measure.values()) {
            List<EscalationLevel> levels = measure == Measure.ACKNOWLEDGEMENT
                    ? Arrays.asList(EscalationLevel.values()) : java.util.Collections.singletonList(null);
            for (EscalationLevel level : levels) {
                for (Severity severity : severities) {
                    for (Period period : Period.values()) {
                        List<Long> millis = taken.stream()
                                .filter(t -> t.measure() == measure && t.level() == level
                                        && (severity == null || t.severity() == severity)
                                        && !t.takenAt().isBefore(from.get(period)))
                                .map(Taken::millis).sorted(Comparator.naturalOrder()).toList();
                        figures.add(new StepTime(measure, level, severity, period, millis.size(),
                                percentile(millis, 50), percentile(millis, 90)));
                    }
                }
            }
        }
        return figures;
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least p% of the values at or below it. */
    static Duration percentile(List<Long> sortedMillis, int p) {
        if (sortedMillis.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.size());
        return Duration.ofMillis(sortedMillis.get(Math.max(0, rank - 1)));
    }
}
