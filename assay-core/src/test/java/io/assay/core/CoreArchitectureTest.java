package io.assay.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * assay-core holds the domain, the policies and the ports; everything else depends on it, so it
 * must stay free of frameworks and of I/O. If this fails, move the offending code to an adapter
 * module (assay-store, assay-data, …) behind a port declared here.
 */
class CoreArchitectureTest {
    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.assay.core");

    @Test
    void core_depends_on_the_jdk_and_itself_only() {
        noClasses().that().resideInAPackage("io.assay.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.assay.core..")
                .because("assay-core must not know any framework or library")
                .check(core);
    }

    @Test
    void core_does_no_io() {
        noClasses().that().resideInAPackage("io.assay.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..",
                        "java.sql..", "java.net..", "javax.sql..")
                .because("I/O belongs in adapters behind the ports of assay-core")
                .check(core);
    }
}
