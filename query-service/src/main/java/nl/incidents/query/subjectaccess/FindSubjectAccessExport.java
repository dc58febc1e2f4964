package nl.incidents.query.subjectaccess;

import java.util.Objects;
import nl.incidents.kernel.RequestRefused;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.PersonId;

/**
 * Everything recorded about one person, for the board to answer their request under the AVG's right of access
 * (art. 15, inzageverzoek): see {@link SubjectAccessExport} for what it holds and what it leaves out.
 */
public record FindSubjectAccessExport(PersonId personId, Actor viewer) {

    public FindSubjectAccessExport {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(viewer, "viewer");
    }

    /**
     * The query for a person id as it was asked for.
     *
     * @throws RequestRefused invalid ({@code person.id}, naming {@code personId}) for text that is not a person id
     */
    public static FindSubjectAccessExport of(String personId, Actor viewer) {
        if (!PersonId.isValid(personId)) {
            // Not echoed: what was typed may be a name.
            throw RequestRefused.invalid("person.id", "personId", "This is not a person id: 1 to 100 letters, digits "
                    + "and . _ @ -, starting with a letter or digit.");
        }
        return new FindSubjectAccessExport(new PersonId(personId), viewer);
    }
}
