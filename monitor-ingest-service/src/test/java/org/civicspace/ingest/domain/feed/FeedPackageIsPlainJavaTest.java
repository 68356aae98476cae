package org.civicspace.ingest.domain.feed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class FeedPackageIsPlainJavaTest {

    @Test
    void feedParsingNeedsNothingButJavaRomeAndJsoup() {
        JavaClasses feed = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.civicspace.ingest.domain.feed");

        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "javax.xml..", "org.xml.sax..", "org.civicspace.ingest.domain..",
                        "com.rometools.rome..", "org.jdom2..", "org.jsoup..")
                .check(feed);
    }
}
