package nl.incidents.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query service's rooms: the case list, the incident dossier, the person dossier, the inbox,
 * the metrics, the dashboard, the access log and the right of access export each keep to themselves; who may read what ({@code access}), the stored history
 * ({@code history}) and the live updates ({@code live}: the projections tell it what changed) serve them; the root holds what all share. Nothing goes round in a circle.
 */
class QueryArchitectureTest {

    private static final String ROOT = "nl.incidents.query";
    private static final List<String> FEATURES = List.of("caselist", "incidentdossier", "persondossier", "inbox", "metrics", "dashboard",
            "accesslog", "subjectaccess");

    private static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    @DisplayName("every room is imported")
    void roomsAreImported() {
        for (String room : FEATURES) {
            assertThat(service.containPackage(ROOT + "." + room)).as(room).isTrue();
        }
        assertThat(service.containPackage(ROOT + ".access")).isTrue();
        assertThat(service.containPackage(ROOT + ".history")).isTrue();
        assertThat(service.containPackage(ROOT + ".live")).isTrue();
    }

    @Test
    @DisplayName("no package cycles")
    void noCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(service);
    }

    @Test
    @DisplayName("the rooms do not use one another")
    void roomsApart() {
        for (String room : FEATURES) {
            String[] others = FEATURES.stream().filter(other -> !other.equals(room))
                    .map(other -> ROOT + "." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + room + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(service);
        }
    }

    @Test
    @DisplayName("access and the shared root use no room")
    void sharedPartsUseNoRoom() {
        String[] rooms = FEATURES.stream().map(room -> ROOT + "." + room + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage(ROOT + ".access..").or().resideInAPackage(ROOT)
                .or().resideInAPackage(ROOT + ".history..").or().resideInAPackage(ROOT + ".live..")
                .should().dependOnClassesThat().resideInAnyPackage(rooms)
                .check(service);
    }

    /**
     * The right of access export ({@code subjectaccess}) reads it too: the steps about one person, with what an erasure
     * left of them, are in the decrypted events. So do the board's case list and dashboard as they stood at a moment
     * ({@code caselist}, {@code dashboard}): they fold the cases' events up to then ({@code history.CaseAsOf}).
     */
    @Test
    @DisplayName("only the incident dossier, the right of access export and the as-of list and dashboard read the history")
    void onlyTheDossierReadsTheHistory() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".history..", ROOT + ".incidentdossier..", ROOT + ".subjectaccess..",
                        ROOT + ".caselist..", ROOT + ".dashboard..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".history..")
                .check(service);
    }

    @Test
    @DisplayName("controllers are package-private and hold no rules: they only send queries")
    void controllersOnlySendQueries() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .andShould(onlySendQueries())
                .check(service);
    }

    /**
     * A controller may use the web, {@link Queries}, the kernel's values and its own room's query and
     * answer records, and Spring's lifecycle (to end the streams it keeps open when the service stops); no
     * repository, no access rule, no directory, no refusal of its own. The one exception
     * is the inbox's read marks: the one write the query side takes from a person, of their own inbox and
     * never of a case, which is not a query and does not go over the query bus.
     */
    private static ArchCondition<JavaClass> onlySendQueries() {
        return new ArchCondition<>("only use the web, Queries, kernel values and their room's records") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!allowed(controller, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean allowed(JavaClass controller, JavaClass target) {
        String name = target.getName();
        JavaClass outer = target.getEnclosingClass().orElse(target);
        return target.isPrimitive() || target.isArray() && allowed(controller, target.getBaseComponentType())
                || name.startsWith("java.")
                || name.startsWith("org.springframework.web.") || name.startsWith("org.springframework.http.")
                || name.startsWith("io.swagger.") || name.startsWith("jakarta.servlet.")
                // a controller that keeps streams open ends them when the service stops
                || name.equals("org.springframework.context.SmartLifecycle")
                || name.startsWith("nl.incidents.support.web.") // the answers it documents
                || name.startsWith("nl.incidents.kernel.incident.")
                || target.isEquivalentTo(Queries.class)
                || target.equals(controller)
                || name.equals(ROOT + ".inbox.InboxReadMarks") && controller.getName().equals(ROOT + ".inbox.InboxController")
                || target.getPackageName().equals(controller.getPackageName()) && outer.isAssignableTo(Record.class);
    }
}
