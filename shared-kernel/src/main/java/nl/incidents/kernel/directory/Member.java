package nl.incidents.kernel.directory;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
        // Sorted, so that a member's schools read the same in every process (Set.copyOf's order is per JVM).
        schools = schools == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(schools));
    }

    public Actor asActor() {
        return new Actor(id, role);
    }

    public boolean worksAt(String schoolId) {
        return schools.contains(schoolId);
    }
}
