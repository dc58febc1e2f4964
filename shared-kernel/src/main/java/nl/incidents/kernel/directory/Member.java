package nl.incidents.kernel.directory;

import java.util.Objects;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.PersonId;

/**
 * A person of the school board who uses the system: staff and managers of one or more schools,
 * the communications department, the board.
 */
public record Member(PersonId id, String name, String email, ActorRole role, Set<String> schools) {

    public Member {
        Objects.requireNonNull(id, "a member needs an id");
        Objects.requireNonNull(name, "member " + id + " needs a name");
        Objects.requireNonNull(role, "member " + id + " needs a role");
        if (role == ActorRole.SYSTEM) {
            throw new IllegalArgumentException("member " + id + ": SYSTEM is not a person's role");
        }
        schools = schools == null ? Set.of() : Set.copyOf(schools);
    }

    public Actor asActor() {
        return new Actor(id, role);
    }

    public boolean worksAt(String schoolId) {
        return schools.contains(schoolId);
    }
}
