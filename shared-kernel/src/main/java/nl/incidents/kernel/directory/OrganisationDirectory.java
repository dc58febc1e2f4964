package nl.incidents.kernel.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.PersonId;

/**
 * Who is who at the school board: its schools, the manager of each school, the communications
 * department and the board. Checked as a whole when it is built, so a school without a manager
 * never reaches the escalation.
 */
public final class OrganisationDirectory {

    private final String name;
    private final Map<String, School> schools = new LinkedHashMap<>();
    private final Map<PersonId, Member> members = new LinkedHashMap<>();

    public OrganisationDirectory(String name, List<School> schools, List<Member> members) {
        this.name = name;
        for (School school : schools) {
            if (this.schools.putIfAbsent(school.id(), school) != null) {
                throw new IllegalArgumentException("school " + school.id() + " is listed twice");
            }
        }
        for (Member member : members) {
            if (this.members.putIfAbsent(member.id(), member) != null) {
                throw new IllegalArgumentException("member " + member.id() + " is listed twice");
            }
        }
        List<String> problems = new ArrayList<>();
        for (Member member : members) {
            for (String school : member.schools()) {
                if (!this.schools.containsKey(school)) {
                    problems.add(member.id() + " works at unknown school " + school);
                }
            }
            if ((member.role() == ActorRole.STAFF || member.role() == ActorRole.MANAGER) && member.schools().isEmpty()) {
                problems.add(member.id() + " is " + member.role() + " but works at no school");
            }
        }
        for (School school : schools) {
            long managers = members.stream()
                    .filter(m -> m.role() == ActorRole.MANAGER && m.worksAt(school.id())).count();
            if (managers != 1) {
                problems.add("school " + school.id() + " has " + managers + " managers instead of one");
            }
        }
        if (!schools.isEmpty() && members.stream().noneMatch(m -> m.role() == ActorRole.BOARD)) {
            problems.add("the board has no members");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The organisation directory is inconsistent: " + String.join("; ", problems));
        }
    }

    public String name() {
        return name;
    }

    public List<School> schools() {
        return List.copyOf(schools.values());
    }

    public List<Member> members() {
        return List.copyOf(members.values());
    }

    public Optional<School> school(String schoolId) {
        return Optional.ofNullable(schools.get(schoolId));
    }

    public Optional<Member> member(PersonId id) {
        return Optional.ofNullable(members.get(id));
    }

    /** The manager of a school, who is the first to hear of its incidents. */
    public Optional<Member> managerOf(String schoolId) {
        return members.values().stream()
                .filter(m -> m.role() == ActorRole.MANAGER && m.worksAt(schoolId))
                .findFirst();
    }

    public List<Member> withRole(ActorRole role) {
        return members.values().stream().filter(m -> m.role() == role).toList();
    }

    /** The schools a member manages or works at. */
    public Set<String> schoolsOf(PersonId id) {
        return member(id).map(Member::schools).orElseGet(Set::of);
    }
}
