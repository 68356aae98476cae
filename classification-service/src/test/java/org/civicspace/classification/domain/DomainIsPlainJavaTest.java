package org.civicspace.classification.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class DomainIsPlainJavaTest {

    @Test
    void theClassifierNeedsNothingButJavaAndTheContract() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.civicspace.classification.domain");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.civicspace.classification.domain..", "org.civicspace.events..")
                .check(domain);
    }
}
