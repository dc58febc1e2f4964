package nl.incidents.kernel.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.incidents.kernel.incident.Actor;
import nl.incidents.kernel.incident.ActorRole;
import nl.incidents.kernel.incident.PersonId;
import nl.incidents.kernel.incident.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The directory is checked as a whole when it is built, so escalation never meets a school without a manager. */
class OrganisationDirectoryTest {

    private static final School NOORDSTER = new School("brin-12AB", "OBS De Noordster", Region.NORTH);
    private static final School REGENBOOG = new School("brin-34CD", "CBS De Regenboog", Region.NORTH);

    private static final Member NOORDSTER_MANAGER =
            member("emp-2001", "Anna de Vries", ActorRole.MANAGER, NOORDSTER.id());
    private static final Member REGENBOOG_MANAGER =
            member("emp-2002", "Bram Jansen", ActorRole.MANAGER, REGENBOOG.id());
    private static final Member TEACHER = member("emp-1001", "Carla Bakker", ActorRole.STAFF, NOORDSTER.id());
    private static final Member COMMUNICATIONS = member("emp-3001", "Dirk Visser", ActorRole.COMMUNICATIONS);
    private static final Member BOARD = member("emp-4001", "Els Smit", ActorRole.BOARD);

    private static Member member(String id, String name, ActorRole role, String... schools) {
        return new Member(new PersonId(id), name, id + "@onderwijs.example", role, Set.of(schools));
    }

    private static List<Member> members(Member... extra) {
        List<Member> all = new ArrayList<>(List.of(NOORDSTER_MANAGER, REGENBOOG_MANAGER, TEACHER, COMMUNICATIONS, BOARD));
        all.addAll(List.of(extra));
        return all;
    }

    private static OrganisationDirectory directory(List<School> schools, List<Member> members) {
        return new OrganisationDirectory("Stichting Openbaar Onderwijs Noord", schools, members);
    }

    @Test
    @DisplayName("a consistent directory is built and answers who is who")
    void consistentDirectory() {
        OrganisationDirectory directory = directory(List.of(NOORDSTER, REGENBOOG), members());

        assertThat(directory.name()).isEqualTo("Stichting Openbaar Onderwijs Noord");
        assertThat(directory.schools()).containsExactly(NOORDSTER, REGENBOOG);
        assertThat(directory.members()).hasSize(5);
        assertThat(directory.school(NOORDSTER.id())).contains(NOORDSTER);
        assertThat(directory.school("brin-99ZZ")).isEmpty();
        assertThat(directory.member(TEACHER.id())).contains(TEACHER);
        assertThat(directory.member(new PersonId("emp-9999"))).isEmpty();
        assertThat(directory.withRole(ActorRole.BOARD)).containsExactly(BOARD);
        assertThat(directory.schoolsOf(TEACHER.id())).containsExactly(NOORDSTER.id());
        assertThat(directory.schoolsOf(new PersonId("emp-9999"))).isEmpty();
    }

    @Test
    @DisplayName("managerOf finds the manager of each school")
    void managerOfFindsManager() {
        OrganisationDirectory directory = directory(List.of(NOORDSTER, REGENBOOG), members());

        assertThat(directory.managerOf(NOORDSTER.id())).contains(NOORDSTER_MANAGER);
        assertThat(directory.managerOf(REGENBOOG.id())).contains(REGENBOOG_MANAGER);
        assertThat(directory.managerOf("brin-99ZZ")).isEmpty();
    }

    @Test
    @DisplayName("one manager may manage two schools")
    void managerOfTwoSchools() {
        Member both = member("emp-2003", "Fleur Mulder", ActorRole.MANAGER, NOORDSTER.id(), REGENBOOG.id());
        OrganisationDirectory directory = directory(List.of(NOORDSTER, REGENBOOG), List.of(both, TEACHER, BOARD));

        assertThat(directory.managerOf(NOORDSTER.id())).contains(both);
        assertThat(directory.managerOf(REGENBOOG.id())).contains(both);
    }

    @Test
    @DisplayName("a school without a manager is refused")
    void schoolWithoutManager() {
        List<Member> withoutRegenboogManager = new ArrayList<>(members());
        withoutRegenboogManager.remove(REGENBOOG_MANAGER);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> directory(List.of(NOORDSTER, REGENBOOG), withoutRegenboogManager))
                .withMessageContaining("brin-34CD has 0 managers");
    }

    @Test
    @DisplayName("a school with two managers is refused")
    void schoolWithTwoManagers() {
        Member second = member("emp-2009", "Gert Bos", ActorRole.MANAGER, NOORDSTER.id());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> directory(List.of(NOORDSTER, REGENBOOG), members(second)))
                .withMessageContaining("brin-12AB has 2 managers");
    }

    @Test
    @DisplayName("a member at an unknown school is refused")
    void memberAtUnknownSchool() {
        Member elsewhere = member("emp-1009", "Hanna Dekker", ActorRole.STAFF, "brin-99ZZ");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> directory(List.of(NOORDSTER, REGENBOOG), members(elsewhere)))
                .withMessageContaining("emp-1009 works at unknown school brin-99ZZ");
    }

    @Test
    @DisplayName("a member listed twice is refused")
    void duplicateMember() {
        Member sameId = member(TEACHER.id().value(), "Iris Bakker", ActorRole.STAFF, REGENBOOG.id());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> directory(List.of(NOORDSTER, REGENBOOG), members(sameId)))
                .withMessageContaining("member emp-1001 is listed twice");
    }

    @Test
    @DisplayName("a school listed twice is refused")
    void duplicateSchool() {
        School sameId = new School(NOORDSTER.id(), "OBS De Noordster (dependance)", Region.NORTH);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> directory(List.of(NOORDSTER, REGENBOOG, sameId), members()))
                .withMessageContaining("school brin-12AB is listed twice");
    }

    @Test
    @DisplayName("a teacher or manager who works at no school is refused")
    void staffWithoutSchool() {
        Member nowhere = member("emp-1010", "Jan Peters", ActorRole.STAFF);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> directory(List.of(NOORDSTER, REGENBOOG), members(nowhere)))
                .withMessageContaining("emp-1010 is STAFF but works at no school");
    }

    @Test
    @DisplayName("schools without a board are refused")
    void noBoard() {
        List<Member> withoutBoard = new ArrayList<>(members());
        withoutBoard.remove(BOARD);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> directory(List.of(NOORDSTER, REGENBOOG), withoutBoard))
                .withMessageContaining("the board has no members");
    }

    @Test
    @DisplayName("every problem is named at once")
    void allProblemsAreReported() {
        Member elsewhere = member("emp-1009", "Hanna Dekker", ActorRole.STAFF, "brin-99ZZ");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> directory(List.of(NOORDSTER, REGENBOOG), List.of(NOORDSTER_MANAGER, elsewhere)))
                .withMessageContaining("unknown school brin-99ZZ")
                .withMessageContaining("brin-34CD has 0 managers")
                .withMessageContaining("the board has no members");
    }

    @Test
    @DisplayName("the system is not a person in the directory")
    void systemIsNoMember() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> member("system", "System", ActorRole.SYSTEM));
    }

    @Test
    @DisplayName("a member acts in their own role")
    void memberAsActor() {
        assertThat(TEACHER.asActor()).isEqualTo(new Actor(TEACHER.id(), ActorRole.STAFF));
        assertThat(TEACHER.worksAt(NOORDSTER.id())).isTrue();
        assertThat(TEACHER.worksAt(REGENBOOG.id())).isFalse();
    }
}
