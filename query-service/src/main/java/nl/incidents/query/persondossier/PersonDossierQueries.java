package nl.incidents.query.persondossier;

import static nl.incidents.query.Projections.instant;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.query.access.CaseAccess;
import nl.incidents.query.persondossier.PersonDossier.Entry;
import nl.incidents.query.persondossier.PersonDossier.EntryType;
import nl.incidents.query.persondossier.PersonDossier.Kind;
import nl.incidents.support.privacy.StoredEvents;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers for a person's dossier. The board reads every dossier; a manager the entries from cases
 * of their own schools; a staff member their own personnel dossier; nobody else any. Nobody reads
 * another person's entries from a case that involves themselves
 * ({@code CaseAccess.aPersonInvolvedReadsOnlyWhatTheyReported}), and a manager reads no entry from a need-to-know case
 * the board did not add them to ({@code CaseAccess.onlyThoseWhoNeedToKnowReadANeedToKnowCase}). One's own personnel
 * dossier shows every entry about oneself: it is the person's own data (AVG art. 15).
 */
@Component
class PersonDossierQueries {

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final OrganisationDirectory directory;
    private final StoredEvents stored;

    PersonDossierQueries(JdbcClient jdbc, CaseAccess access, OrganisationDirectory directory, StoredEvents stored) {
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
        this.stored = stored;
    }

    @QueryHandler
    PersonDossier handle(FindPersonDossier query) {
        Actor viewer = query.viewer();
        PersonId person = query.personId();
        // One's own dossier is one's personnel dossier, never a pupil dossier kept under the same id.
        boolean own = viewer.id().equals(person) && (query.kind() == null || query.kind() == Kind.PERSONNEL);
        if (viewer.role() != ActorRole.BOARD && viewer.role() != ActorRole.MANAGER && !own) {
            throw RequestRefused.forbidden("dossier.not-readable", "You may not read the dossier of " + person + ".");
        }
        Set<String> schools = access.schoolsOf(viewer);
        List<Entry> visible = entriesOf(person, own ? null : viewer.id(),
                        own || viewer.role() == ActorRole.BOARD ? null : viewer.id()).stream()
                .filter(e -> viewer.role() == ActorRole.BOARD || own || schools.contains(e.schoolId()))
                .toList();
        Kind kind = own ? Kind.PERSONNEL : kindOf(query, visible);
        List<Entry> entries = visible.stream().filter(e -> Kind.of(e.partyRole()) == kind).toList();
        if (entries.isEmpty() && !(kind == Kind.PERSONNEL && directory.member(person).isPresent())) {
            throw RequestRefused.notFound("dossier.empty", "Nothing is recorded about " + person + " that you may read.");
        }
        return new PersonDossier(person, kind, entries);
    }

    /**
     * The person's dossier as it stood at a moment: the board's live dossier of them, its entries split at the moment.
     * The board only (a manager keeps the live dossier of their schools' entries); permission first.
     *
     * @throws RequestRefused forbidden ({@code dossier.as-of-board-only}) for anyone else; as the live dossier otherwise
     */
    @QueryHandler
    PersonDossierAsOf handle(FindPersonDossierAsOf query) {
        if (query.viewer().role() != ActorRole.BOARD) {
            throw RequestRefused.forbidden("dossier.as-of-board-only", "Only the board reviews a dossier as it stood at "
                    + "a moment.");
        }
        Instant at = query.moment();
        PersonDossier now = handle(FindPersonDossier.of(query.personId(), query.kind(), query.viewer()));
        List<Entry> then = now.entries().stream().filter(e -> !e.recordedAt().isAfter(at)).toList();
        List<Entry> since = now.entries().stream().filter(e -> e.recordedAt().isAfter(at)).toList();
        return new PersonDossierAsOf(at, new PersonDossier(now.personId(), now.kind(), then), since);
    }

    private Kind kindOf(FindPersonDossier query, List<Entry> entries) {
        if (query.kind() != null) {
            return query.kind();
        }
        Set<Kind> kinds = entries.stream().map(e -> Kind.of(e.partyRole())).collect(Collectors.toSet());
        if (kinds.size() > 1) {
            throw RequestRefused.invalid("dossier.kind", "kind", "Entries of more than one kind are kept under " + query.personId()
                    + ": ask for kind=PERSONNEL, PUPIL or OTHER.");
        }
        if (kinds.isEmpty()) {
            return directory.member(query.personId()).isPresent() ? Kind.PERSONNEL : Kind.OTHER;
        }
        return kinds.iterator().next();
    }

    /**
     * The person's entries, without those from cases that involve {@code reader} (when not null), nor from need-to-know
     * cases {@code notToKnow} was not added to (when not null).
     */
    private List<Entry> entriesOf(PersonId person, PersonId reader, PersonId notToKnow) {
        // Events of one case stored in the same millisecond keep their order by the case's sequence number.
        return jdbc.sql("""
                        SELECT d.* FROM dossier_entry d LEFT JOIN incident_history h ON h.event_id = d.event_id
                        WHERE d.person_id = ? AND NOT EXISTS (
                            SELECT 1 FROM incident_party p WHERE p.incident_id = d.incident_id AND p.person_id = ?)
                        AND (? = FALSE OR NOT EXISTS (
                            SELECT 1 FROM incident_summary s WHERE s.incident_id = d.incident_id AND s.need_to_know = TRUE
                            AND NOT EXISTS (SELECT 1 FROM need_to_know_reader r
                                WHERE r.incident_id = d.incident_id AND r.person_id = ?)))
                        ORDER BY d.recorded_at, d.incident_id, h.sequence_number, d.event_id""")
                .params(person.value(), reader == null ? "" : reader.value(),
                        notToKnow != null, notToKnow == null ? "" : notToKnow.value())
                .query((rs, n) -> new Entry(
                        IncidentId.of(rs.getString("incident_id")),
                        rs.getString("school_id"),
                        EntryType.valueOf(rs.getString("entry_type")),
                        PartyRole.valueOf(rs.getString("party_role")),
                        rs.getString("measure") == null ? null : Measure.valueOf(rs.getString("measure")),
                        rs.getString("text"),
                        instant(rs, "recorded_at"),
                        stored.actor(IncidentId.of(rs.getString("incident_id")), rs.getString("recorded_by"),
                                rs.getString("recorded_by_role"))))
                .list();
    }
}
