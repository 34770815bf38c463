package io.assay.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * assay-api is what a client of Assay needs (the CLI, the benchmarks, a scoring-only server):
 * the core, Jackson and the JDK's HTTP client. If this fails, the offending code belongs in the
 * server or an adapter, not in what every client carries.
 */
class ApiArchitectureTest {
    private final JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.assay.api");

    @Test
    void the_api_depends_on_the_core_jackson_and_the_jdk_only() {
        noClasses().that().resideInAPackage("io.assay.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.assay.core..", "io.assay.api..",
                        "com.fasterxml.jackson..")
                .because("assay-api carries no web server, no JDBC and no data engine")
                .check(api);
    }

    @Test
    void the_api_does_no_sql() {
        noClasses().that().resideInAPackage("io.assay.api..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(api);
    }
}
