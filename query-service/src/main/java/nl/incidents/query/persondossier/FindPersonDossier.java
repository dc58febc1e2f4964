package nl.incidents.query.persondossier;

import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.PersonId;

/**
 * The personnel dossier of a staff member, or the pupil dossier of a pupil or parent. {@code kind}
 * may be null: it is then the only kind recorded under this id (a board keeps staff and pupil
 * numbers apart, but one id may still be used in both).
 */
public record FindPersonDossier(PersonId personId, PersonDossier.Kind kind, Actor viewer) {
}
