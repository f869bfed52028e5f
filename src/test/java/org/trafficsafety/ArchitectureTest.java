package org.trafficsafety;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Imports flow one way (style.md point 4): message → analysis → pipeline → store ← query ← api. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trafficsafety");

    private static final String[] INFRASTRUCTURE = {
            "org.springframework..", "java.sql..", "javax.sql..", "org.postgresql..", "org.duckdb..", "com.zaxxer..",
            "org.trafficsafety.store..", "org.trafficsafety.pipeline..", "org.trafficsafety.api..",
            "org.trafficsafety.query..", "org.trafficsafety.jobs..", "org.trafficsafety.config..",
    };

    @Test
    void messagesShouldNotDependOnInfrastructure() {
        ArchRule rule = noClasses().that().resideInAPackage("org.trafficsafety.message..")
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE);
        rule.check(MAIN);
    }

    @Test
    void analysisShouldNotDependOnInfrastructure() {
        ArchRule rule = noClasses().that().resideInAPackage("org.trafficsafety.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage(INFRASTRUCTURE);
        rule.check(MAIN);
    }

    @Test
    void messagesShouldNotDependOnAnalysis() {
        ArchRule rule = noClasses().that().resideInAPackage("org.trafficsafety.message..")
                .should().dependOnClassesThat().resideInAPackage("org.trafficsafety.analysis..");
        rule.check(MAIN);
    }

    @Test
    void storeShouldNotDependOnTheApi() {
        ArchRule rule = noClasses().that().resideInAPackage("org.trafficsafety.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trafficsafety.api..", "org.trafficsafety.query..");
        rule.check(MAIN);
    }

    @Test
    void pipelineShouldNotDependOnTheApi() {
        ArchRule rule = noClasses().that().resideInAPackage("org.trafficsafety.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trafficsafety.api..", "org.trafficsafety.query..");
        rule.check(MAIN);
    }
}
