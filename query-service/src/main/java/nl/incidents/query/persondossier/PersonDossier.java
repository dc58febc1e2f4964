package nl.incidents.query.persondossier;

import java.time.Instant;
import java.util.List;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.IncidentId;
import nl.incidents.kernel.incident.Measure;
import nl.incidents.kernel.incident.PartyRole;
import nl.incidents.kernel.incident.PersonId;

/**
 * The personnel dossier of a staff member (personeelsdossier) or the pupil dossier (leerlingdossier)
 * of a pupil or parent: the measures and correspondence about them, with the case each came from.
 */
public record PersonDossier(PersonId personId, Kind kind, List<Entry> entries) {

    /** Which dossier this is. */
    public enum Kind {
        PERSONNEL, PUPIL, OTHER;

        /** Which dossier an entry about a party in this role belongs to (outsiders': OTHER). */
        public static Kind of(PartyRole role) {
            return switch (role) {
                case STAFF -> PERSONNEL;
                case PUPIL, PARENT -> PUPIL;
                case OUTSIDER -> OTHER;
            };
        }
    }

    /** What an entry records. */
    public enum EntryType {
        MEASURE, CORRESPONDENCE
    }

    /** One measure or piece of correspondence, with its case. */
    public record Entry(
            IncidentId incidentId, String schoolId, EntryType type, PartyRole partyRole, Measure measure, String text,
            Instant recordedAt, Actor recordedBy) {
    }
}
