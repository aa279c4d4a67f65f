package dev.hamtlab.bench;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * bench-common's packages stand in layers that never point back up: the maps behind one interface
 * and the study's vocabulary at the bottom, the statistics and the results folder above them, then
 * what a fork measures besides time, the flame graphs, the report, and the runner on top.
 */
final class ArchitectureTest {
    private static final String PACKAGE = "dev.hamtlab.bench";
    /** bench-common's own classes, without its tests. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(PACKAGE);

    private static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Peers").definedBy(PACKAGE + ".peers..")
            .layer("Vocabulary").definedBy(PACKAGE)
            .layer("Stats").definedBy(PACKAGE + ".stats..")
            .layer("Results").definedBy(PACKAGE + ".results..")
            .layer("Measure").definedBy(PACKAGE + ".measure..")
            .layer("Profile").definedBy(PACKAGE + ".profile..")
            .layer("Report").definedBy(PACKAGE + ".report..")
            .layer("Runner").definedBy(PACKAGE + ".runner..")
            .layer("Generated").definedBy(PACKAGE + ".jmh_generated..")
            .whereLayer("Runner").mayNotBeAccessedByAnyLayer()
            .whereLayer("Report").mayOnlyBeAccessedByLayers("Runner")
            .whereLayer("Profile").mayOnlyBeAccessedByLayers("Report", "Runner")
            .whereLayer("Measure").mayOnlyBeAccessedByLayers("Report", "Runner")
            .whereLayer("Results").mayOnlyBeAccessedByLayers("Measure", "Profile", "Report", "Runner")
            .whereLayer("Stats").mayOnlyBeAccessedByLayers("Measure", "Profile", "Report", "Runner")
            .whereLayer("Vocabulary").mayOnlyBeAccessedByLayers("Results", "Measure", "Profile", "Report", "Runner",
                    "Generated")
            .whereLayer("Peers").mayOnlyBeAccessedByLayers("Vocabulary", "Measure", "Profile", "Report", "Runner",
                    "Generated");

    private static final ArchRule NO_CYCLES = slices().matching("dev.hamtlab.(**)").should().beFreeOfCycles();

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        LAYERS.check(MAIN);
    }

    @Test
    void noPackagesFormACycle() {
        NO_CYCLES.check(MAIN);
    }

    /** The rules can fail: with one test class of the measure package that calls the runner, both reject the code. */
    @Test
    void aMeasurementThatCallsTheRunnerIsCaught() {
        JavaClasses withBreach = new ClassFileImporter()
                .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        || location.contains("LayerBreach"))
                .importPackages(PACKAGE);
        assertThrows(AssertionError.class, () -> LAYERS.check(withBreach));
        assertThrows(AssertionError.class, () -> NO_CYCLES.check(withBreach));
    }
}
