package org.civicspace.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class DomainArchitectureTest {

    @Test
    void theDomainIsPlainJava() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.civicspace.export");

        // an empty domain package would pass vacuously; ArchUnit fails a rule that checks nothing
        noClasses().that().resideInAPackage("org.civicspace.export..domain..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..", "org.bson..")
                .check(classes);
    }
}
