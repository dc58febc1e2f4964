package nl.incidents.query.persondossier;

import static nl.incidents.query.Projections.utc;

import java.time.Instant;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.CorrespondenceRecorded;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.MeasureImposed;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.query.Projections;
import nl.incidents.query.persondossier.PersonDossier.EntryType;
import nl.incidents.support.axon.BatchWrites;
import nl.incidents.support.privacy.StoredEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Files measures and correspondence into the personnel or pupil dossier of the person they concern. */
@Component
@ProcessingGroup(Projections.GROUP)
class PersonDossierProjection {

    /**
     * Safe to repeat (replayed) and sent with the batch's other entries ({@link BatchWrites}); the erasure, in this
     * group, sends them before it reads the entries.
     */
    private static final String INSERT = """
            INSERT INTO dossier_entry (event_id, person_id, incident_id, school_id, entry_type, party_role, measure,
                text, recorded_at, recorded_by, recorded_by_role)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM dossier_entry WHERE event_id = ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PersonDossierProjection(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @EventHandler
    void on(MeasureImposed event, EventMessage<?> message, @Timestamp Instant at) {
        file(message, event.incidentId(), event.personId(), EntryType.MEASURE, event.partyRole(),
                event.measure().name(), event.reason(), at);
    }

    @EventHandler
    void on(CorrespondenceRecorded event, EventMessage<?> message, @Timestamp Instant at) {
        file(message, event.incidentId(), event.personId(), EntryType.CORRESPONDENCE, event.partyRole(),
                null, event.summary(), at);
    }

    private void file(EventMessage<?> message, IncidentId incidentId, PersonId person, EntryType type, PartyRole role,
                      String measure, String text, Instant at) {
        if (person.erased()) {
            return; // replayed after the person's erasure: there is nobody's dossier to file it in
        }
        String school = jdbc.sql("SELECT school_id FROM incident_summary WHERE incident_id = ?")
                .param(incidentId.toString()).query(String.class).single();
        String recordedBy = StoredEvents.storedActorId(message.getMetaData()); // encrypted, as the event store keeps it
        Object recordedByRole = message.getMetaData().get(Actor.ROLE_KEY);
        BatchWrites.add(batch, INSERT, message.getIdentifier(), person.value(), incidentId.toString(), school, type.name(),
                role.name(), measure, text == null ? "" : text, utc(at), recordedBy,
                recordedBy == null || recordedByRole == null ? null : recordedByRole.toString(), message.getIdentifier());
    }
}
