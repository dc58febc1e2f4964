package nl.incidents.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kernel is the language both services share: plain values and pure rules, no framework, no
 * storage, no files, no network. Axon's message annotations and Jackson are the only libraries it
 * may lean on, and its rooms (packages) depend on one another in one direction only.
 */
class KernelArchitectureTest {

    private static JavaClasses kernel;

    @BeforeAll
    static void importKernel() {
        kernel = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.incidents.kernel");
    }

    @Test
    @DisplayName("the kernel's classes are imported")
    void kernelIsImported() {
        assertThat(kernel.containPackage("nl.incidents.kernel.incident")).isTrue();
        assertThat(kernel.containPackage("nl.incidents.kernel.directory")).isTrue();
        assertThat(kernel.contain(RequestRefused.class)).isTrue();
    }

    @Test
    @DisplayName("the kernel does not depend on Spring")
    void noSpring() {
        noClasses().that().resideInAPackage("nl.incidents.kernel..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(kernel);
    }

    @Test
    @DisplayName("the kernel does not depend on persistence: JPA or JDBC")
    void noPersistence() {
        noClasses().that().resideInAPackage("nl.incidents.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..")
                .check(kernel);
    }

    @Test
    @DisplayName("the kernel does no I/O: no files, streams, network or JDBC, but for reading its school calendar")
    void noInputOrOutput() {
        noClasses().that().resideInAPackage("nl.incidents.kernel..")
                .and().haveNameNotMatching("nl\\.incidents\\.kernel\\.calendar\\.CalendarFile(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                        "java.sql..")
                .because("the kernel is pure: only CalendarFile reads bytes, the bundled calendar or a board's own")
                .check(kernel);
    }

    @Test
    @DisplayName("the kernel's packages have no cycles")
    void noPackageCycles() {
        slices().matching("nl.incidents.kernel.(*)..").should().beFreeOfCycles().check(kernel);
    }

    @Test
    @DisplayName("events, commands and the values they carry depend on no other room of the kernel")
    void messagesStandAlone() {
        noClasses().that().resideInAPackage("nl.incidents.kernel.incident..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.incidents.kernel.calendar..",
                        "nl.incidents.kernel.directory..", "nl.incidents.kernel.escalation..",
                        "nl.incidents.kernel.notification..", "nl.incidents.kernel.protocol..",
                        "nl.incidents.kernel.query..", "nl.incidents.kernel.json..")
                .check(kernel);
    }
}
