package org.civicspace.alert;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civicspace.alert");

    @Test
    void keepsTheDomainFreeOfFrameworks() {
        noClasses().that().resideInAPackage("org.civicspace.alert.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                        "com.mongodb..", "org.apache.kafka..", "tools.jackson..")
                .check(MAIN);
    }

    @Test
    void keepsTheApplicationFreeOfAdapters() {
        noClasses().that().resideInAPackage("org.civicspace.alert.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.civicspace.alert.adapter..",
                        "org.springframework.data..", "org.springframework.cloud..", "org.springframework.web..")
                .check(MAIN);
    }
}
