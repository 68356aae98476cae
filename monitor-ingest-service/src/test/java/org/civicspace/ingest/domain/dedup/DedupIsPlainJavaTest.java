package org.civicspace.ingest.domain.dedup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class DedupIsPlainJavaTest {

    private final JavaClasses dedup = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.civicspace.ingest.domain.dedup");

    @Test
    void knowsNothingOfSpringReactorOrMongo() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "com.mongodb..", "org.bson..")
                .check(dedup);
    }

    @Test
    void needsNothingButTheJavaPlatform() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.civicspace.ingest.domain.dedup..")
                .check(dedup);
    }
}
