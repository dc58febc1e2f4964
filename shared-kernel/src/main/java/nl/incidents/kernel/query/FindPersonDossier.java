package nl.incidents.kernel.query;

import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.PersonId;

/** The personnel dossier of a staff member, or the pupil dossier of a pupil or parent. */
public record FindPersonDossier(PersonId personId, Actor viewer) {
}
