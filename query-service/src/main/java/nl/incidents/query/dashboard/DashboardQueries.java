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
import java.util.HashMap;
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
import nl.incidents.kernel.protocol.OpenStep;
import nl.incidents.query.history.CaseAsOf;
import nl.incidents.query.history.HistoryRepository;
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
    private final HistoryRepository history;

    DashboardQueries(JdbcClient jdbc, CaseAccess access, HistoryRepository history) {
        this.jdbc = jdbc;
        this.access = access;
        this.history = history;
    }

    /**
     * The open cases: every status but {@link IncidentStatus#CLOSED}, named, so that the index on the status
     * ({@code incident_summary_open}, query schema V19) finds them; {@code <> 'CLOSED'} would read every case.
     */
    static final String OPEN = "incident_summary.status IN (" + String.join(", ", Arrays.stream(IncidentStatus.values())
            .filter(status -> status != IncidentStatus.CLOSED).map(status -> "'" + status.name() + "'").toList()) + ")";

    @QueryHandler
    Dashboard handle(FindDashboard query) {
        Actor viewer = query.viewer();
        if (viewer.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("dashboard.board-only", "Only the board reads the dashboard.");
        }
        Instant now = Instant.now();
        CaseAccess.Filter full = access.fullView(viewer);
        String open = OPEN + " AND (" + full.where() + ")";

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
                attentionTotal(open, full, now), attention(open, full, now), stepTimes(full, now));
    }

    /**
     * The dashboard as it stood at a moment, beside the dashboard now. The open cases then are the cases reported up
     * to then and not closed by then that the board reads in full ({@link CaseAccess#fullView}), each folded from its
     * events up to then by {@link CaseAsOf}, the fold the live rows follow; they are counted here as the live
     * statements count the rows. The step times are the live ones taken up to then (a step time is written once,
     * when the step is taken, and never changed), over the periods that ended then.
     */
    @QueryHandler
    DashboardAsOf handle(FindDashboardAsOf query) {
        Actor viewer = query.viewer();
        if (viewer.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("dashboard.board-only", "Only the board reads the dashboard.");
        }
        Instant at = query.moment();
        CaseAccess.Filter full = access.fullView(viewer);
        List<Object> parameters = new ArrayList<>(full.parameters());
        parameters.add(utc(at));
        parameters.add(utc(at));
        List<IncidentId> openThen = jdbc.sql("SELECT incident_id FROM incident_summary WHERE (" + full.where()
                        + ") AND reported_at <= ? AND (closed_at IS NULL OR closed_at > ?)")
                .params(parameters).query((rs, n) -> IncidentId.of(rs.getString("incident_id"))).list();
        Map<IncidentId, List<HistoryRepository.Occurred>> events = history.upTo(openThen, at);
        List<CaseAsOf> lines = openThen.stream()
                .map(id -> CaseAsOf.of(id, events.getOrDefault(id, List.of())))
                .filter(line -> line != null && line.status() != IncidentStatus.CLOSED)
                .toList();

        Map<IncidentStatus, Long> byStatus = new EnumMap<>(IncidentStatus.class);
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        Map<String, Long> bySchool = new TreeMap<>();
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        Map<Step, long[]> steps = new EnumMap<>(Step.class);
        for (CaseAsOf c : lines) {
            byStatus.merge(c.status(), 1L, Long::sum);
            byStage.merge(c.stage(), 1L, Long::sum);
            bySchool.merge(c.schoolId(), 1L, Long::sum);
            bySeverity.merge(c.severity(), 1L, Long::sum);
            c.open().values().forEach(step -> {
                long[] counts = steps.computeIfAbsent(step.step(), s -> new long[2]);
                counts[0]++;
                counts[1] += step.dueAt().isAfter(at) ? 0 : 1;
            });
        }
        List<StepCount> bySteps = steps.entrySet().stream()
                .map(e -> new StepCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        // The attention order of the live statement: the legal duty first, then the earliest deadline passed.
        List<CaseAsOf> attention = lines.stream()
                .filter(line -> line.legalDuty() || (line.firstDeadline() != null && !line.firstDeadline().isAfter(at)))
                .sorted(Comparator.comparing((CaseAsOf line) -> line.legalDuty() ? 0 : 1)
                        .thenComparing(CaseAsOf::firstDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CaseAsOf::reportedAt)
                        .thenComparing(line -> line.incidentId().toString()))
                .toList();
        Dashboard then = new Dashboard(at, lines.size(), counts(byStatus, Enum::name), counts(byStage, Enum::name),
                counts(bySchool, Function.identity()), counts(bySeverity, Enum::name), bySteps, attention.size(),
                attention.stream().limit(Dashboard.ATTENTION_LIMIT).map(line -> attentionCase(line, at)).toList(),
                stepTimes(full, at));
        return new DashboardAsOf(at, then, handle(new FindDashboard(viewer)));
    }

    private static AttentionCase attentionCase(CaseAsOf c, Instant at) {
        OpenStep next = c.nextStep();
        return new AttentionCase(c.incidentId(), c.schoolId(), c.status(), c.severity(), c.stage(), c.assignee(),
                c.reportedAt(), c.legalDuty(),
                c.overdueAt(at).stream().map(step -> new OverdueStep(step.step(), step.dueAt())).toList(),
                next == null ? null : next.step(), next == null ? null : next.nextDeadline());
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

    /** Which figures a step time counts in: what it measures, by which level, in a case of which severity (or any). */
    private record Figure(Measure measure, EscalationLevel level, Severity severity, Period period) {
    }

    /**
     * The step times taken up to {@code now}, over the periods that end then: one statement reads them shortest first,
     * and one pass puts each into the four figures it counts in (its severity and any, this month and the twelve), so
     * each figure's times arrive sorted.
     */
    private List<StepTime> stepTimes(CaseAccess.Filter full, Instant now) {
        ZonedDateTime thisMonth = now.atZone(AmsterdamTime.ZONE).withDayOfMonth(1).toLocalDate()
                .atStartOfDay(AmsterdamTime.ZONE);
        Instant monthFrom = thisMonth.toInstant();
        List<Object> parameters = new ArrayList<>(full.parameters());
        parameters.add(utc(thisMonth.minusMonths(11).toInstant()));
        parameters.add(utc(now));
        Map<Figure, List<Long>> sorted = new HashMap<>();
        // Closed cases count too: how long their steps took is part of the record. Only the access rule applies.
        jdbc.sql("SELECT t.measure, t.level, t.severity, t.taken_at, t.duration_ms"
                        + " FROM dashboard_step_time t JOIN incident_summary ON incident_summary.incident_id = t.incident_id"
                        + " WHERE (" + full.where() + ") AND t.taken_at >= ? AND t.taken_at <= ? ORDER BY t.duration_ms")
                .params(parameters)
                .query(rs -> {
                    Measure measure = Measure.valueOf(rs.getString("measure"));
                    String level = rs.getString("level");
                    EscalationLevel by = level == null ? null : EscalationLevel.valueOf(level);
                    Severity severity = Severity.valueOf(rs.getString("severity"));
                    Long millis = rs.getLong("duration_ms");
                    boolean thisMonthToo = !instant(rs, "taken_at").isBefore(monthFrom);
                    for (Severity of : new Severity[] {null, severity}) {
                        sorted.computeIfAbsent(new Figure(measure, by, of, Period.LAST_TWELVE_MONTHS), f -> new ArrayList<>())
                                .add(millis);
                        if (thisMonthToo) {
                            sorted.computeIfAbsent(new Figure(measure, by, of, Period.THIS_MONTH), f -> new ArrayList<>())
                                    .add(millis);
                        }
                    }
                });
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
                        List<Long> millis = sorted.getOrDefault(new Figure(measure, level, severity, period), List.of());
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
