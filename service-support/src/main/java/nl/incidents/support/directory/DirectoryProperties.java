package nl.incidents.support.directory;

import java.util.List;
import java.util.Set;
import nl.incidents.kernel.directory.Member;
import nl.incidents.kernel.directory.OrganisationDirectory;
import nl.incidents.kernel.directory.School;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Region;

/**
 * The organisation directory as configured under {@code incidents.directory}: schools and the
 * people who sign in, each with a password hash in Spring Security's {@code {id}hash} form.
 */
public record DirectoryProperties(String name, List<SchoolProperties> schools, List<UserProperties> users) {

    public DirectoryProperties {
        schools = schools == null ? List.of() : schools;
        users = users == null ? List.of() : users;
    }

    /** One school. */
    public record SchoolProperties(String id, String name, Region region) {
    }

    /** One person who signs in. */
    public record UserProperties(String id, String name, String email, ActorRole role, Set<String> schools, String password) {
    }

    OrganisationDirectory toDirectory() {
        return new OrganisationDirectory(name,
                schools.stream().map(s -> new School(s.id(), s.name(), s.region())).toList(),
                users.stream().map(u -> new Member(new PersonId(u.id()), u.name(), u.email(), u.role(), u.schools())).toList());
    }
}
