package org.civicspace.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The contract is plain Java: any service can depend on it whatever its framework. */
class DependencyRulesTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civicspace.events");

    @Test
    void contractDependsOnNeitherSpringNorJacksonDatabind() {
        // jackson-annotations (com.fasterxml.jackson.annotation) is allowed: it carries the wire names.
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "tools.jackson..",
                        "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .because("civic-events is the shared contract, free of any framework")
                .check(contract);
    }
}
