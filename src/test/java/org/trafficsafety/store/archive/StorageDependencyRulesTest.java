package org.trafficsafety.store.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The storage packages stay plain Java: no Spring, and no knowledge of the pipeline, API or database layers. */
class StorageDependencyRulesTest {

    private static final JavaClasses STORAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trafficsafety.store.parquet", "org.trafficsafety.store.archive",
                    "org.trafficsafety.source.replay");

    @Test
    void shouldNotDependOnSpringOrUpperLayers() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "org.trafficsafety.pipeline..", "org.trafficsafety.api..", "org.trafficsafety.store.db..",
                        "org.trafficsafety.query..")
                .check(STORAGE);
    }

    @Test
    void parquetShouldNotDependOnTheArchive() {
        noClasses().that().resideInAPackage("org.trafficsafety.store.parquet..")
                .should().dependOnClassesThat().resideInAnyPackage("org.trafficsafety.store.archive..",
                        "org.trafficsafety.source..")
                .check(STORAGE);
    }
}
