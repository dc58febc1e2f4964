package nl.incidents.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import nl.incidents.command.messaging.IncidentCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command service's rooms: the incident (aggregate and API), the escalation (saga, deadlines,
 * sweep), notification mail, metrics, and the messaging they share. The protocol's rules live in the
 * kernel and the aggregate; a controller only turns a request into a command.
 */
class CommandArchitectureTest {

    private static final String ROOT = "nl.incidents.command";

    private static JavaClasses service;

    @BeforeAll
    static void importService() {
        service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    @DisplayName("no package cycles")
    void noCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(service);
    }

    @Test
    @DisplayName("messaging, shared by the rooms, uses none of them")
    void messagingUsesNoRoom() {
        noClasses().that().resideInAPackage(ROOT + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".incident..", ROOT + ".escalation..",
                        ROOT + ".notification..", ROOT + ".metrics..")
                .check(service);
    }

    @Test
    @DisplayName("only the aggregate's own room and the saga send commands; mail and metrics only listen")
    void mailAndMetricsOnlyListen() {
        noClasses().that().resideInAnyPackage(ROOT + ".notification..", ROOT + ".metrics..")
                .should().dependOnClassesThat().haveNameMatching("org\\.axonframework\\.commandhandling\\.gateway\\..*")
                .orShould().dependOnClassesThat().areAssignableTo(IncidentCommands.class)
                .check(service);
    }

    @Test
    @DisplayName("controllers are package-private and hold no rules: they only send commands")
    void controllersOnlySendCommands() {
        classes().that().areAnnotatedWith(RestController.class)
                .and().resideOutsideOfPackages(ROOT + ".integrity..", ROOT + ".retention..")
                .should().notBePublic()
                .andShould(onlySendCommands())
                .check(service);
    }

    /**
     * The history's verification reads the event store as stored and never changes a case: nothing in its room sends
     * a command, and its controller is not public either.
     */
    @Test
    @DisplayName("the history's verification only reads")
    void integrityOnlyReads() {
        noClasses().that().resideInAPackage(ROOT + ".integrity..")
                .should().dependOnClassesThat().haveNameMatching("org\\.axonframework\\.commandhandling\\..*")
                .orShould().dependOnClassesThat().areAssignableTo(IncidentCommands.class)
                .check(service);
        classes().that().areAnnotatedWith(RestController.class).and().resideInAPackage(ROOT + ".integrity..")
                .should().notBePublic().check(service);
    }

    /**
     * The retention room's controller is the board's dry run: it reads the schedule's plans and never sends a command
     * (only the daily task erases); it is not public either.
     */
    @Test
    @DisplayName("the retention dry run only reads")
    void retentionDryRunOnlyReads() {
        noClasses().that().resideInAPackage(ROOT + ".retention..").and().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().haveNameMatching("org\\.axonframework\\.commandhandling\\..*")
                .orShould().dependOnClassesThat().areAssignableTo(IncidentCommands.class)
                .check(service);
        classes().that().areAnnotatedWith(RestController.class).and().resideInAPackage(ROOT + ".retention..")
                .should().notBePublic().check(service);
    }

    /**
     * A controller may use the web, request validation, {@link IncidentCommands}, who is signed in,
     * the kernel's commands and values and its own room's request records, and the one service of its room that
     * sends several commands for one request (the erasure of a person across cases), or that stores a file with its
     * command's event (the evidence's intake); no directory, no
     * repository, no refusal of its own.
     */
    private static ArchCondition<JavaClass> onlySendCommands() {
        return new ArchCondition<>("only use the web, IncidentCommands, the signed-in actor, kernel commands and their own records") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                    if (!allowed(controller, dependency.getTargetClass())) {
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
                || name.equals("org.springframework.beans.factory.annotation.Value")
                || name.startsWith("io.swagger.") || name.startsWith("jakarta.validation.")
                || name.startsWith("nl.incidents.kernel.incident.") || name.startsWith("nl.incidents.kernel.privacy.")
                || name.equals("nl.incidents.support.directory.CurrentActor")
                || name.equals("nl.incidents.support.IncidentsProperties") // where the query service is
                || name.startsWith("nl.incidents.support.web.") // the answers it documents
                || target.isEquivalentTo(IncidentCommands.class)
                || target.equals(controller)
                || target.getPackageName().equals(controller.getPackageName()) && outer.isAssignableTo(Record.class)
                || outer.getName().equals("nl.incidents.command.erasure.PersonErasures")
                // the evidence's intake: the file's checks, its hash and time, and its bytes stored with the command's event
                || outer.getName().equals("nl.incidents.command.evidence.EvidenceIntake")
                || outer.equals(controller) && target.isAssignableTo(Record.class) // its own request records
                || outer.getSimpleName().equals("IncidentRequests");
    }
}
