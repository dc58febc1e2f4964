package nl.incidents.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kernel is the language both services share: plain values, no framework, no storage, no
 * files. Axon's message annotations and Jackson are the only libraries it may lean on.
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
    @DisplayName("the kernel does not touch the file system")
    void noFiles() {
        noClasses().that().resideInAPackage("nl.incidents.kernel..")
                .should().dependOnClassesThat().resideInAPackage("java.nio.file..")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*")
                .check(kernel);
    }
}
