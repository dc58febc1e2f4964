package nl.incidents.query.persondossier;

import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.PersonId;

/**
 * The personnel dossier of a staff member, or the pupil dossier of a pupil or parent. {@code kind}
 * may be null: it is then the only kind recorded under this id (a board keeps staff and pupil
 * numbers apart, but one id may still be used in both).
 */
public record FindPersonDossier(PersonId personId, PersonDossier.Kind kind, Actor viewer) {

    /**
     * The query for a person id as it was asked for.
     *
     * @throws RequestRefused invalid, naming {@code personId}, for text that is not a person id
     */
    public static FindPersonDossier of(String personId, PersonDossier.Kind kind, Actor viewer) {
        if (!PersonId.isValid(personId)) {
            throw RequestRefused.invalid("person.id", "personId", "'" + personId + "' is not a person id.");
        }
        return new FindPersonDossier(new PersonId(personId), kind, viewer);
    }
}
