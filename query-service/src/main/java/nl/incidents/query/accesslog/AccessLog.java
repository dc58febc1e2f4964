package nl.incidents.query.accesslog;

import static nl.incidents.query.Projections.instant;
import static nl.incidents.query.Projections.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.privacy.PersonalData;
import nl.incidents.support.privacy.PersonalDataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access log's table ({@code access_log}, query schema V11): appends a read, and lists the reads of a case or
 * about a person, newest first. It only inserts, with one exception the AVG asks for: {@link #forgetPerson} blanks
 * the subject of the person-dossier reads of a person whose data was erased everywhere. There is no way in the code
 * to change or remove an entry otherwise, and on PostgreSQL the database refuses every other UPDATE, DELETE and
 * TRUNCATE of the table to everyone (V11, V12).
 */
@Component
public class AccessLog {

    /**
     * One read to record.
     *
     * @param at         when, in UTC, to the millisecond
     * @param reader     who, in their role
     * @param kind       what was read
     * @param incidentId the case, for {@link AccessKind#INCIDENT_DOSSIER} and {@link AccessKind#HISTORY}; else null
     * @param personId   the person, for {@link AccessKind#PERSON_DOSSIER}; else null (both null for a kind that
     *                   names no subject, {@link AccessKind#namesASubject})
     * @param address    the reader's network address, an IP literal of at most 45 characters
     * @param channel    through a page or the API
     * @param refused    whether it was refused (403, 404)
     */
    record Read(Instant at, Actor reader, AccessKind kind, IncidentId incidentId, PersonId personId, String address,
                Channel channel, boolean refused) {

        Read {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(channel, "channel");
            if (!kind.namesASubject()) {
                if (incidentId != null || personId != null) {
                    throw new IllegalArgumentException("A look at the list or the dashboard names no case or person");
                }
            } else if ((kind == AccessKind.PERSON_DOSSIER) != (personId != null)
                    || (incidentId == null) == (personId == null)) {
                throw new IllegalArgumentException("A read names a case, or for a person dossier a person");
            }
        }
    }

    private final JdbcClient jdbc;
    private final PersonalDataKeys keys;
    private final OrganisationDirectory directory;

    AccessLog(JdbcClient jdbc, PersonalDataKeys keys, OrganisationDirectory directory) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.directory = directory;
    }

    /**
     * Appends one read, committed when this returns. A person-dossier read about someone of whom nothing is recorded
     * (no case holds a key of theirs) and who is not in the directory names its subject {@value
     * PersonalData#ERASED}: after an erasure, a later look-up of that person (refused, since nothing is there) must
     * not write their reference back into the log.
     */
    void append(Read read) {
        jdbc.sql("""
                        INSERT INTO access_log (read_at, reader_id, reader_role, kind, incident_id, person_id, address,
                            channel, refused)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(utc(read.at()), read.reader().id().value(), read.reader().role().name(), read.kind().name(),
                        read.incidentId() == null ? null : read.incidentId().toString(),
                        read.personId() == null ? null : subject(read.personId()), read.address(), read.channel().name(),
                        read.refused())
                .update();
    }

    private String subject(PersonId person) {
        return keys.existsAnywhere(person) || directory.member(person).isPresent() ? person.value()
                : PersonalData.ERASED;
    }

    /**
     * Blanks the person named as the subject of person-dossier reads to {@value
     * nl.incidents.kernel.privacy.PersonalData#ERASED}, once everything about them was erased (AVG art. 17); who read,
     * when, from where and how stays.
     *
     * @return how many entries were blanked
     */
    public int forgetPerson(PersonId person) {
        return jdbc.sql("UPDATE access_log SET person_id = ? WHERE person_id = ?")
                .params(PersonalData.ERASED, person.value()).update();
    }

    /** The reads of one case's dossier and history, newest first. */
    List<AccessLogEntry> ofCase(IncidentId incident, Paging paging) {
        return jdbc.sql("SELECT * FROM access_log WHERE incident_id = ? AND entry_id < ? ORDER BY entry_id DESC LIMIT ?")
                .params(incident.toString(), paging.upTo(), paging.limit() + 1)
                .query(AccessLog::entry).list();
    }

    /**
     * The reads about one person, newest first: of their dossier, and of every case they are involved in as a party;
     * without the cases that involve {@code leaveOutCasesOf} (when not null); without the need-to-know cases
     * {@code withholdNeedToKnowFrom} was not added to (when not null).
     */
    List<AccessLogEntry> about(PersonId person, PersonId leaveOutCasesOf, PersonId withholdNeedToKnowFrom,
                               Paging paging) {
        List<Object> parameters = new ArrayList<>(List.of(paging.upTo(), person.value(), person.value()));
        String leaveOut = "";
        if (leaveOutCasesOf != null) {
            leaveOut = " AND NOT EXISTS (SELECT 1 FROM incident_party v WHERE v.incident_id = a.incident_id AND v.person_id = ?)";
            parameters.add(leaveOutCasesOf.value());
        }
        if (withholdNeedToKnowFrom != null) {
            leaveOut += " AND NOT EXISTS (SELECT 1 FROM incident_summary s WHERE s.incident_id = a.incident_id"
                    + " AND s.need_to_know = TRUE AND NOT EXISTS (SELECT 1 FROM need_to_know_reader r"
                    + " WHERE r.incident_id = s.incident_id AND r.person_id = ?))";
            parameters.add(withholdNeedToKnowFrom.value());
        }
        parameters.add(paging.limit() + 1);
        return jdbc.sql("""
                        SELECT a.* FROM access_log a WHERE a.entry_id < ? AND (a.person_id = ? OR a.incident_id IN (
                            SELECT p.incident_id FROM incident_party p WHERE p.person_id = ?))""" + leaveOut
                        + " ORDER BY a.entry_id DESC LIMIT ?")
                .params(parameters).query(AccessLog::entry).list();
    }

    /** Whether {@code person} is involved in the case as a party. */
    boolean involved(IncidentId incident, PersonId person) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_party WHERE incident_id = ? AND person_id = ?")
                .params(incident.toString(), person.value()).query(Long.class).single() > 0;
    }

    private static AccessLogEntry entry(ResultSet rs, int row) throws SQLException {
        String incident = rs.getString("incident_id");
        String person = rs.getString("person_id");
        return new AccessLogEntry(rs.getLong("entry_id"), instant(rs, "read_at"),
                new Actor(new PersonId(rs.getString("reader_id")), ActorRole.valueOf(rs.getString("reader_role"))),
                AccessKind.valueOf(rs.getString("kind")), incident == null ? null : IncidentId.of(incident),
                person == null ? null : new PersonId(person), rs.getString("address"),
                Channel.valueOf(rs.getString("channel")), rs.getBoolean("refused"));
    }
}
