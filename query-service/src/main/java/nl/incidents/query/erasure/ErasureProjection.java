package nl.incidents.query.erasure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.CaseErased;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.PersonErased;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.privacy.PersonalData;
import nl.incidents.query.Projections;
import nl.incidents.query.accesslog.AccessLog;
import nl.incidents.support.axon.BatchWrites;
import nl.incidents.support.notification.CaseNotices;
import nl.incidents.support.privacy.PersonalDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries an erasure (AVG art. 17) into the query service's own copies, which hold personal data decrypted: the
 * events themselves and the history copy are unreadable once the command service deleted the keys, but the
 * projections made from them before are not. On {@link PersonErased}: the person's dossier entries of that case and
 * their place among its parties go, the case forgets them as its reporter, assignee or manager, their own notices of
 * the case go, and once no case holds a key of theirs, the access log blanks them as a subject
 * ({@link AccessLog#forgetPerson}). Who acted in an event, and who recorded a dossier entry, are kept encrypted as
 * the event store keeps them and read {@value PersonalData#ERASED} by themselves. On {@link CaseErased}: the same for
 * every person of the case. Cached keys, and the case's progress the notices keep ({@link CaseNotices#forget}), are
 * forgotten at once.
 * <p>
 * Who was erased: the event's person reference reads {@value PersonalData#ERASED} once the key is gone, which is
 * usually so by the time this runs; then the people of the case whose key of it is gone are the erased ones.
 * In the processing group of the projections it cleans, so it runs after them for the same case.
 */
@Component
@ProcessingGroup(Projections.GROUP)
class ErasureProjection {

    private static final Logger log = LoggerFactory.getLogger(ErasureProjection.class);

    private final JdbcClient jdbc;
    private final PersonalDataKeys keys;
    private final AccessLog accessLog;
    private final CaseNotices notices;

    ErasureProjection(JdbcClient jdbc, PersonalDataKeys keys, AccessLog accessLog, CaseNotices notices) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.accessLog = accessLog;
        this.notices = notices;
    }

    @EventHandler
    void on(PersonErased event) {
        BatchWrites.flush(); // the dossier entries of the batch's earlier events, to be read and erased here
        keys.forget();
        notices.forget(event.incidentId()); // the inbox's group may come to the erasure later
        Set<PersonId> erased = new LinkedHashSet<>();
        if (!event.personId().erased()) {
            erased.add(event.personId()); // this service still held the key in its cache: it names them
        } else if (keys.existsForCase(event.incidentId())) {
            // Everyone the copies name in this case had a key of it (each is a person reference in its events);
            // whoever lost theirs was erased. A case without its own key was stored before encryption: its copies
            // cannot tell who went, and its events still name everyone in the clear anyway.
            peopleOf(event.incidentId()).stream().filter(person -> !keys.exists(event.incidentId(), person))
                    .forEach(erased::add);
        }
        erased.forEach(person -> forget(event.incidentId(), person));
        log.info("Erasure in case {}: the query service's copies of {} person(s) erased", event.incidentId(),
                erased.size());
    }

    @EventHandler
    void on(CaseErased event) {
        BatchWrites.flush();
        keys.forget();
        notices.forget(event.incidentId());
        List<PersonId> people = peopleOf(event.incidentId());
        people.forEach(person -> forget(event.incidentId(), person));
        jdbc.sql("DELETE FROM dossier_entry WHERE incident_id = ?").param(event.incidentId().toString()).update();
        jdbc.sql("DELETE FROM incident_party WHERE incident_id = ?").param(event.incidentId().toString()).update();
        jdbc.sql("DELETE FROM need_to_know_reader WHERE incident_id = ?").param(event.incidentId().toString()).update();
        log.info("Erasure of case {}: the query service's copies erased", event.incidentId());
    }

    /**
     * Everyone the copies name in this case as a person reference of its events, so with a key of the case: its
     * parties, the people of its dossier entries, its reporter, assignee and manager. Not the recipients of its
     * notices: a board or communications member who was only told of the case has no key of it.
     */
    private List<PersonId> peopleOf(IncidentId incident) {
        String id = incident.toString();
        Set<String> people = new LinkedHashSet<>();
        people.addAll(jdbc.sql("SELECT person_id FROM incident_party WHERE incident_id = ?").param(id)
                .query(String.class).list());
        people.addAll(jdbc.sql("SELECT DISTINCT person_id FROM dossier_entry WHERE incident_id = ?").param(id)
                .query(String.class).list());
        people.addAll(jdbc.sql("SELECT person_id FROM need_to_know_reader WHERE incident_id = ?").param(id)
                .query(String.class).list());
        jdbc.sql("SELECT reported_by, assignee_id, manager_id FROM incident_summary WHERE incident_id = ?").param(id)
                .query((rs, n) -> {
                    for (int column = 1; column <= 3; column++) {
                        if (rs.getString(column) != null) {
                            people.add(rs.getString(column));
                        }
                    }
                    return null;
                }).list();
        people.remove(PersonalData.ERASED);
        return people.stream().map(PersonId::new).toList();
    }

    private void forget(IncidentId incident, PersonId person) {
        String id = incident.toString();
        jdbc.sql("DELETE FROM dossier_entry WHERE incident_id = ? AND person_id = ?").params(id, person.value()).update();
        jdbc.sql("DELETE FROM incident_party WHERE incident_id = ? AND person_id = ?").params(id, person.value())
                .update();
        jdbc.sql("DELETE FROM need_to_know_reader WHERE incident_id = ? AND person_id = ?").params(id, person.value())
                .update();
        for (String column : List.of("reported_by", "assignee_id", "manager_id")) {
            jdbc.sql("UPDATE incident_summary SET " + column + " = ? WHERE incident_id = ? AND " + column + " = ?")
                    .params(PersonalData.ERASED, id, person.value()).update();
        }
        // Their own notices of the case, and which of them they read.
        jdbc.sql("""
                DELETE FROM inbox_read_mark WHERE recipient_id = ? AND event_id IN (
                    SELECT event_id FROM inbox_entry WHERE incident_id = ? AND recipient_id = ?)""")
                .params(person.value(), id, person.value()).update();
        jdbc.sql("DELETE FROM inbox_entry WHERE incident_id = ? AND recipient_id = ?").params(id, person.value())
                .update();
        if (!keys.existsAnywhere(person)) {
            accessLog.forgetPerson(person);
        }
    }
}
