package nl.incidents.query.caselist;

import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.Stage;
import nl.incidents.kernel.protocol.OpenStep;
import nl.incidents.query.access.CaseAccess;
import nl.incidents.query.history.CaseAsOf;
import nl.incidents.query.history.HistoryRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the board's case list as it stood at a moment. Which cases and in which order is read from the live list's
 * rows (the cases reported up to then that the board reads in full, {@link CaseAccess#fullView}, newest first, a page
 * at a time as {@link CaseRepository} pages); how each stood then is folded from its events up to then
 * ({@link CaseAsOf}, the fold the live rows follow); how it stands now is its live row. The board only, refused before anything is read.
 */
@Component
class CaseListAsOfQueries {

    private final CaseRepository cases;
    private final HistoryRepository history;
    private final CaseAccess access;
    private final JdbcClient jdbc;

    CaseListAsOfQueries(CaseRepository cases, HistoryRepository history, CaseAccess access, JdbcClient jdbc) {
        this.cases = cases;
        this.history = history;
        this.access = access;
        this.jdbc = jdbc;
    }

    @QueryHandler
    IncidentsAsOf handle(FindIncidentsAsOf query) {
        Actor viewer = query.viewer();
        if (viewer.role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("list.as-of-board-only", "Only the board reviews the case list as it stood at "
                    + "a moment.");
        }
        Instant at = query.moment();
        int size = query.pageSize();
        Set<String> schools = query.schools();
        Set<Stage> stages = query.stages();
        PageToken after = PageToken.decode(query.after(), FindIncidents.Sort.REPORTED);
        CaseAccess.Filter full = access.fullView(viewer);
        CaseAccess.Filter then = filtered(full, at, stages, "reported_at <= ?");
        FindIncidents.Filter filter = new FindIncidents.Filter(Set.of(), schools, Set.of(), null);
        List<CaseRepository.Row> rows = cases.page(new CaseRepository.Request(then, full, filter, at),
                FindIncidents.Sort.REPORTED, after, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            IncidentSummary last = rows.get(rows.size() - 1).summary();
            next = new PageToken(FindIncidents.Sort.REPORTED, null, last.reportedAt(), last.incidentId()).encode();
        }
        Map<IncidentId, List<HistoryRepository.Occurred>> events = history.upTo(
                rows.stream().map(row -> row.summary().incidentId()).toList(), at);
        List<IncidentsAsOf.CaseThen> items = new ArrayList<>();
        for (CaseRepository.Row row : rows) {
            IncidentSummary now = row.summary();
            CaseAsOf folded = CaseAsOf.of(now.incidentId(), events.getOrDefault(now.incidentId(), List.of()));
            if (folded == null) {
                continue; // its report is no longer in the history (erased since): erased stays erased
            }
            IncidentSummary was = summary(folded, at);
            boolean changed = was.status() != now.status() || was.stage() != now.stage()
                    || !Objects.equals(was.assignee(), now.assignee());
            items.add(new IncidentsAsOf.CaseThen(was, now.status(), now.stage(), now.assignee(), changed));
        }
        return new IncidentsAsOf(at, items, reportedSince(full, at, schools, stages), next, null);
    }

    /**
     * The case's line as the live list shows it to the board ({@code CaseRepository}, {@code DueStepProjection}): the
     * step due next at its next deadline, the earliest deadline as overdue once it passed {@code at}.
     */
    static IncidentSummary summary(CaseAsOf folded, Instant at) {
        OpenStep next = folded.nextStep();
        Instant firstDeadline = folded.firstDeadline();
        return new IncidentSummary(folded.incidentId(), folded.schoolId(), folded.status(), folded.severity(),
                folded.stage(), folded.platform(), folded.assignee(), folded.reportedAt(), folded.closedAt(),
                next == null ? null : new IncidentSummary.Due(next.step(), next.nextDeadline()),
                firstDeadline != null && !firstDeadline.isAfter(at) ? firstDeadline : null, folded.lateSteps(),
                folded.needToKnow());
    }

    private IncidentsAsOf.ReportedSince reportedSince(CaseAccess.Filter full, Instant at, Set<String> schools,
                                                      Set<Stage> stages) {
        CaseAccess.Filter since = filtered(full, at, stages, "reported_at > ?");
        List<Object> parameters = new ArrayList<>(since.parameters());
        String where = since.where() + schools(schools, parameters);
        long count = jdbc.sql("SELECT COUNT(*) FROM incident_summary WHERE " + where).params(parameters)
                .query(Long.class).single();
        parameters.add(IncidentsAsOf.REPORTED_SINCE_LIMIT);
        List<IncidentId> ids = jdbc.sql("SELECT incident_id FROM incident_summary WHERE " + where
                        + " ORDER BY reported_at DESC, incident_id DESC FETCH FIRST ? ROWS ONLY")
                .params(parameters).query((rs, n) -> IncidentId.of(rs.getString("incident_id"))).list();
        return new IncidentsAsOf.ReportedSince(count, ids);
    }

    /** The board's full view, reported before or after the moment ({@code when}), of the stages asked for. */
    private static CaseAccess.Filter filtered(CaseAccess.Filter full, Instant at, Set<Stage> stages, String when) {
        List<Object> parameters = new ArrayList<>(full.parameters());
        StringBuilder where = new StringBuilder("(").append(full.where()).append(") AND ").append(when);
        parameters.add(utc(at));
        if (!stages.isEmpty()) {
            // The stage is the report's: as it was reported then, so it is now.
            where.append(" AND stage IN (").append(String.join(", ", stages.stream().map(s -> "?").toList()))
                    .append(")");
            stages.stream().map(Enum::name).forEach(parameters::add);
        }
        return new CaseAccess.Filter(where.toString(), parameters);
    }

    private static String schools(Set<String> schools, List<Object> parameters) {
        if (schools.isEmpty()) {
            return "";
        }
        parameters.addAll(schools);
        return " AND school_id IN (" + String.join(", ", schools.stream().map(s -> "?").toList()) + ")";
    }
}
