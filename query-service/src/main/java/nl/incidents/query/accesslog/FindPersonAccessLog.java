package nl.incidents.query.accesslog;

import java.util.Objects;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.PersonId;

/**
 * Every recorded read about one person, newest first: of their dossier, and of the dossier and history of every case
 * they are involved in as a party. For the board.
 */
public record FindPersonAccessLog(PersonId personId, Actor viewer, Paging paging) {

    public FindPersonAccessLog {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(paging, "paging");
    }
}
