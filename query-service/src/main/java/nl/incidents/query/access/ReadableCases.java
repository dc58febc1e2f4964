package nl.incidents.query.access;

import java.util.ArrayList;
import java.util.List;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether one case may be read by a viewer, by the same condition as the viewer's case list, so that
 * the list and a dossier never disagree about who sees what.
 */
@Component
public class ReadableCases {

    private final JdbcClient jdbc;
    private final CaseAccess access;

    ReadableCases(JdbcClient jdbc, CaseAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Passes when the viewer may read the case.
     *
     * @throws RequestRefused not found for an unknown case, forbidden for a case the viewer may not read
     */
    public void require(IncidentId id, Actor viewer) {
        long known = jdbc.sql("SELECT COUNT(*) FROM incident_summary WHERE incident_id = ?").param(id.toString())
                .query(Long.class).single();
        if (known == 0) {
            throw RequestRefused.notFound("case.unknown", "There is no incident " + id + ".");
        }
        CaseAccess.Filter filter = access.listFilter(viewer);
        List<Object> parameters = new ArrayList<>(filter.parameters());
        parameters.add(id.toString());
        long readable = jdbc.sql("SELECT COUNT(*) FROM incident_summary WHERE (" + filter.where() + ") AND incident_id = ?")
                .params(parameters).query(Long.class).single();
        if (readable == 0) {
            throw RequestRefused.forbidden("case.not-readable", "You may not read incident " + id + ".");
        }
    }
}
