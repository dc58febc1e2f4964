package nl.incidents.query.caselist;

import java.time.Instant;
import java.util.List;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.query.access.CaseAccess;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers for the case list: a page of what the viewer may see, never more of a case than their dossier
 * shows (no timing where the dossier shows none, nor for a case the viewer reads only as its reporter).
 */
@Component
class CaseListQueries {

    private final CaseRepository cases;
    private final CaseAccess access;

    CaseListQueries(CaseRepository cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    @QueryHandler
    IncidentPage handle(FindIncidents query) {
        Actor viewer = query.viewer();
        boolean timing = access.seesTiming(viewer);
        if (query.filter().overdue() != null && !timing) {
            throw RequestRefused.forbidden("list.overdue-not-yours", "Only those who handle a case see whether its steps are overdue.");
        }
        // Someone who may not see deadlines gets no order that would tell them.
        FindIncidents.Sort sort = timing ? query.sort() : FindIncidents.Sort.REPORTED;
        PageToken after = PageToken.decode(query.after(), sort);
        CaseRepository.Request request = new CaseRepository.Request(access.listFilter(viewer), access.fullView(viewer),
                query.filter(), Instant.now(), access.listSeeds(viewer));
        List<CaseRepository.Row> rows = cases.page(request, sort, after, query.pageSize() + 1);
        String next = null;
        if (rows.size() > query.pageSize()) {
            rows = rows.subList(0, query.pageSize());
            CaseRepository.Row last = rows.get(rows.size() - 1);
            next = new PageToken(sort, sort == FindIncidents.Sort.DUE && last.full() ? last.deadline() : null,
                    last.summary().reportedAt(), last.summary().incidentId()).encode();
        }
        return new IncidentPage(rows.stream().map(r -> timing && r.full() ? r.summary() : r.summary().withoutTiming()).toList(),
                next, null);
    }
}
