package nl.incidents.query.dossier;

import static nl.incidents.query.Projections.instant;

import java.util.List;
import java.util.Set;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.query.FindPersonDossier;
import nl.incidents.kernel.query.PersonDossier;
import nl.incidents.kernel.query.PersonDossier.Entry;
import nl.incidents.kernel.query.PersonDossier.EntryType;
import nl.incidents.kernel.query.PersonDossier.Kind;
import nl.incidents.query.access.CaseAccess;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers for a person's dossier. The board reads every dossier; a manager the entries from cases
 * of their own schools; a staff member their own personnel dossier; nobody else any.
 */
@Component
class PersonDossierQueries {

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final OrganisationDirectory directory;

    PersonDossierQueries(JdbcClient jdbc, CaseAccess access, OrganisationDirectory directory) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
    }

    @QueryHandler
    PersonDossier handle(FindPersonDossier query) {
        Actor viewer = query.viewer();
        PersonId person = query.personId();
        boolean own = viewer.id().equals(person);
        if (viewer.role() != ActorRole.BOARD && viewer.role() != ActorRole.MANAGER && !own) {
            throw RequestRefused.forbidden("You may not read the dossier of " + person + ".");
        }
        List<Entry> all = entriesOf(person);
        Set<String> schools = access.schoolsOf(viewer);
        List<Entry> visible = viewer.role() == ActorRole.BOARD || own ? all
                : all.stream().filter(e -> schools.contains(e.schoolId())).toList();
        if (visible.isEmpty() && directory.member(person).isEmpty()) {
            throw RequestRefused.notFound("Nothing is recorded about " + person + " that you may read.");
        }
        Kind kind = visible.isEmpty() ? Kind.PERSONNEL : Kind.of(visible.get(visible.size() - 1).partyRole());
        return new PersonDossier(person, kind, visible);
    }

    private List<Entry> entriesOf(PersonId person) {
        return jdbc.sql("SELECT * FROM dossier_entry WHERE person_id = ? ORDER BY recorded_at, event_id")
                .param(person.value())
                .query((rs, n) -> new Entry(
                        IncidentId.of(rs.getString("incident_id")),
                        rs.getString("school_id"),
                        EntryType.valueOf(rs.getString("entry_type")),
                        PartyRole.valueOf(rs.getString("party_role")),
                        rs.getString("measure") == null ? null : Measure.valueOf(rs.getString("measure")),
                        rs.getString("text"),
                        instant(rs, "recorded_at"),
                        rs.getString("recorded_by") == null ? null : new Actor(new PersonId(rs.getString("recorded_by")),
                                ActorRole.valueOf(rs.getString("recorded_by_role")))))
                .list();
    }
}
