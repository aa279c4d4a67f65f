package dev.hamtlab.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.BadInput;
import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command line that is accepted asks for. */
class RunOptionsTest {
    @TempDir
    Path temp;

    @Test
    void eachPresetHasItsOwnDefaultSizes() throws BadInput {
        assertEquals(List.of(Size.TEN_K, Size.HUNDRED_K), parse().sizes());
        assertEquals(List.of(Size.ONE_K, Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), parse("--preset", "full").sizes());
        assertEquals(List.of(Size.ONE_K), parse("--preset", "smoke").sizes());
    }

    @Test
    void sizesChosenOnTheCommandLineWinWhereverThePresetIs() throws BadInput {
        assertEquals(List.of(Size.TEN_K, Size.ONE_M), parse("--sizes", "1M,10K", "--preset", "quick").sizes());
        assertEquals(List.of(Size.ONE_M), parse("--preset", "full", "--sizes", "1M").sizes());
    }

    @Test
    void anySizeAndSweepsOfPowersOfTwo() throws BadInput {
        assertEquals(List.of(new Size(1_500), new Size(4_000), new Size(2_000_000)),
                parse("--sizes", "4K,2M,1500").sizes());
        assertEquals(List.of(new Size(1 << 10), new Size(1 << 11), new Size(1 << 12), Size.TEN_K),
                parse("--sizes", "2^10..2^12,10K,2^11").sizes());
    }

    @Test
    void peersMeasureEveryPeerAndTheFourPhasesOverFourKeyPatterns() throws BadInput {
        RunOptions options = parse("--preset", "peers");
        assertEquals(List.of(KeyPattern.RANDOM, KeyPattern.SEQUENTIAL, KeyPattern.STRIDED,
                KeyPattern.STRING), options.keys());
        assertEquals(List.of(Operation.INSERT, Operation.QUERY_HIT), options.operations());
        assertEquals(List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), options.sizes());
        assertTrue(options.implementations().stream().filter(i -> !i.isPhase()).count() == 7);
        assertEquals(List.of(Implementation.PHASE0, Implementation.PHASE1,
                Implementation.PHASE2, Implementation.PHASE3),
                options.implementations().stream().filter(Implementation::isPhase).toList());
        assertEquals(List.of(KeyPattern.STRING), parse("--preset", "peers", "--keys", "string").keys());
    }

    @Test
    void quickMeasuresThePhasesAndHashMapInsertAndQueryHitInSixForks() throws BadInput {
        RunOptions options = parse();
        assertEquals(Preset.QUICK, options.preset());
        assertEquals(List.of(Implementation.HASHMAP, Implementation.PHASE0,
                Implementation.PHASE1, Implementation.PHASE2,
                Implementation.PHASE3), options.implementations());
        assertEquals(List.of(Operation.INSERT, Operation.QUERY_HIT), options.operations());
        assertEquals(6, options.forks());
        assertEquals(List.of(TypeProfile.MONOMORPHIC), options.profiles());
        assertEquals(List.of(KeyPattern.RANDOM), options.keys());
    }

    @Test
    void fullMeasuresThePhasesAndHashMapUnderG1AloneAndProfilesEveryPhaseAt1M() throws BadInput {
        RunOptions options = parse("--preset", "full");
        assertEquals(List.of(Implementation.HASHMAP, Implementation.PHASE0,
                Implementation.PHASE1, Implementation.PHASE2,
                Implementation.PHASE3, Implementation.PHASE4), options.implementations());
        assertEquals(7, options.forks());
        assertEquals(List.of(Platform.G1), options.platforms());
        assertTrue(options.extras().isEmpty());
        for (Size size : List.of(Size.ONE_K, Size.ONE_M)) {
            assertEquals(7, ForkPlan.labels(options, Implementation.PHASE4, Operation.CHURN, size).size());
        }
        for (Operation operation : List.of(Operation.INSERT, Operation.QUERY_HIT, Operation.CHURN)) {
            for (Implementation phase : List.of(Implementation.PHASE0, Implementation.PHASE1, Implementation.PHASE2,
                    Implementation.PHASE3, Implementation.PHASE4)) {
                assertTrue(options.profiled().contains(new Cell(operation, Size.ONE_M, new Label(phase, false,
                        TypeProfile.MONOMORPHIC, KeyPattern.RANDOM))), operation.cliName() + " " + phase.cliName());
            }
        }
        assertTrue(options.profiled().stream().allMatch(c -> c.label().platform() == Platform.G1));
    }

    @Test
    void platformsMeasuresTheReferenceMapsAt1MOnEveryPlatformAndHugePagesFrom100KOnThreeOperations() throws BadInput {
        RunOptions options = parse("--preset", "platforms");
        assertEquals(parse("--preset", "full").implementations(), options.implementations());
        assertEquals(List.of(Size.HUNDRED_K, Size.ONE_M), options.sizes());
        assertEquals(7, options.forks());
        List<Label> churn = ForkPlan.labels(options, Implementation.PHASE4, Operation.CHURN, Size.ONE_M);
        for (Platform platform
                : List.of(Platform.G1, Platform.PARALLEL, Platform.ZGC, Platform.EPSILON, Platform.G1_THP)) {
            assertTrue(churn.contains(new Label(Implementation.PHASE3, false,
                    TypeProfile.MONOMORPHIC, KeyPattern.RANDOM,
                    platform)), platform.cliName());
        }
        // The other collectors are at 1M alone; huge pages at 100K and 1M; query-miss and remove are the reference run's.
        assertEquals(List.of(Operation.INSERT, Operation.QUERY_HIT, Operation.CHURN), options.operations());
        assertEquals(7 + 6, ForkPlan.labels(options, Implementation.PHASE4, Operation.CHURN, Size.HUNDRED_K).size());
        assertTrue(ForkPlan.labels(options, Implementation.PHASE4, Operation.INSERT, Size.HUNDRED_K).contains(new Label(
                Implementation.HASHMAP, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, Platform.G1_THP)));
        // Churn's flame graphs under G1 and Parallel, side by side.
        assertTrue(options.profiled()
                .contains(new Cell(Operation.CHURN, Size.ONE_M, new Label(Implementation.PHASE3, false,
                TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, Platform.PARALLEL))));
        assertTrue(options.profiled()
                .contains(new Cell(Operation.CHURN, Size.ONE_M, new Label(Implementation.PHASE3, false,
                TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, Platform.G1))));
    }

    @Test
    void phase4MeasuresTheLayoutChainAndTheIntMapsWithTenForks() throws BadInput {
        RunOptions options = parse("--preset", "phase4");
        assertEquals(List.of(Implementation.HASHMAP, Implementation.SCALA_IMMUTABLE, Implementation.PHASE3,
                Implementation.PHASE4_UNPOOLED, Implementation.PHASE4_INLINED, Implementation.PHASE4_SPECIALISED,
                Implementation.FASTUTIL_INT, Implementation.INT_HAMT_TRIE,
                Implementation.INT_HAMT_FLAT, Implementation.INT_HAMT, Implementation.PHASE4),
                        options.implementations());
        assertEquals(10, options.forks());
        assertEquals(List.of(Operation.values()), options.operations());
        assertEquals(List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), options.sizes());
        assertEquals(List.of(Platform.G1), options.platforms());
    }

    @Test
    void poolsMeasuresPhase4AndItsTwoPoolsUnderG1AndParallel() throws BadInput {
        RunOptions options = parse("--preset", "pools");
        assertEquals(List.of(Implementation.PHASE4_BUMP_POOL, Implementation.PHASE4_RECYCLING, Implementation.PHASE4),
                options.implementations());
        assertEquals(10, options.forks());
        assertEquals(List.of(Operation.values()), options.operations());
        for (Operation operation : Operation.values()) {
            List<Label> labels = ForkPlan.labels(options, Implementation.PHASE4, operation, Size.TEN_K);
            // three maps and the A/A control on G1, the three again on Parallel
            assertEquals(4 + 3, labels.size(), labels.toString());
            assertTrue(labels.contains(new Label(Implementation.PHASE4_BUMP_POOL, false, TypeProfile.MONOMORPHIC,
                    KeyPattern.RANDOM, Platform.PARALLEL)), labels.toString());
        }
    }

    @Test
    void floodMeasuresCollidingKeysWithThePeersStoppingAt10K() throws BadInput {
        RunOptions options = parse("--preset", "flood");
        assertEquals(List.of(KeyPattern.COLLIDING), options.keys());
        assertEquals(List.of(Size.ONE_K, Size.TEN_K, new Size(1 << 15), Size.HUNDRED_K,
                new Size(1 << 17)), options.sizes());
        Label clojure = new Label(Implementation.CLOJURE, false, TypeProfile.MONOMORPHIC, KeyPattern.COLLIDING);
        Label phase3 = new Label(Implementation.PHASE3, false, TypeProfile.MONOMORPHIC, KeyPattern.COLLIDING);
        Label hashMap = new Label(Implementation.HASHMAP, false, TypeProfile.MONOMORPHIC, KeyPattern.COLLIDING);
        List<Label> at10K = ForkPlan.labels(options, Implementation.PHASE4, Operation.INSERT, Size.TEN_K);
        List<Label> at100K = ForkPlan.labels(options, Implementation.PHASE4, Operation.INSERT, Size.HUNDRED_K);
        assertTrue(at10K.containsAll(List.of(clojure, phase3, hashMap)), at10K.toString());
        assertTrue(at100K.containsAll(List.of(phase3, hashMap)), at100K.toString());
        assertTrue(!at100K.contains(clojure), at100K.toString());
        assertEquals(12 + 1, at10K.size());
        assertEquals(6 + 1, at100K.size());
    }

    @Test
    void thePlatformsPresetsPartsFollowTheChosenMapsOperationsAndSizes() throws BadInput {
        RunOptions options = parse("--preset", "platforms", "--impls", "phase3", "--ops", "churn", "--sizes", "1M");
        assertEquals(List.of(Implementation.PHASE3), options.implementations());
        assertTrue(options.extras().stream().allMatch(e -> e.implementations().equals(List.of(Implementation.PHASE3))
                && e.operations().equals(List.of(Operation.CHURN))));
        assertTrue(options.profiled().stream().allMatch(c -> c.label().implementation() == Implementation.PHASE3
                && c.operation() == Operation.CHURN));
        assertTrue(parse("--preset", "platforms", "--sizes", "10K").extras().isEmpty());
    }

    @Test
    void aJdk25IsUsedWhereGivenAndOnlyThen() throws BadInput {
        Path home = temp.resolve("jdk-25");
        makeJdk(home, "25.0.3");
        RunOptions given = parse("--jdk", home.toString(), "--gc", "g1,epsilon");
        assertEquals(List.of(Platform.G1, Platform.EPSILON, Platform.JDK25, Platform.JDK25_COMPACT, Platform.JDK25_ZGC),
                given.platforms());
        assertEquals(home.resolve("bin/java").toAbsolutePath(), given.jdk25().orElseThrow().java());
        assertTrue(parse().jdk25().isEmpty(), "the quick preset looks for none");
        Path older = temp.resolve("jdk-21");
        makeJdk(older, "21.0.2");
        BadInput refused = org.junit.jupiter.api.Assertions.assertThrows(BadInput.class,
                () -> parse("--jdk", older.toString()));
        assertTrue(refused.getMessage().contains("is not a JDK 25"), refused.getMessage());
    }

    private static void makeJdk(Path home, String version) {
        try {
            java.nio.file.Files.createDirectories(home.resolve("bin"));
            java.nio.file.Files.writeString(home.resolve("release"),
                    "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
            Path launcher = java.nio.file.Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
            launcher.toFile().setExecutable(true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void forksSeedAndProfilesChosenOnTheCommandLine() throws BadInput {
        RunOptions options = parse("--forks", "12", "--seed", "-7", "--profiles", "polluted,monomorphic");
        assertEquals(12, options.forks());
        assertEquals(-7, options.seed());
        assertEquals(List.of(TypeProfile.MONOMORPHIC, TypeProfile.POLLUTED), options.profiles());
    }

    @Test
    void theAaControlIsTheNewestPhaseOrElseTheFirstImplementation() {
        assertEquals(Implementation.PHASE3, ForkPlan.controlOf(List.of(Implementation.HASHMAP, Implementation.PHASE1,
                Implementation.PHASE3)));
        assertEquals(Implementation.PHASE1, ForkPlan.controlOf(List.of(Implementation.HASHMAP, Implementation.PHASE1)));
        assertEquals(Implementation.HASHMAP, ForkPlan.controlOf(List.of(Implementation.HASHMAP)));
    }

    @Test
    void everyImplementationUnderEveryKeyPatternAndProfileAndTheControlsSecondLabel() throws BadInput {
        RunOptions options = parse("--impls", "hashmap,phase1", "--profiles", "monomorphic,polluted",
                "--keys", "string,strided");
        KeyPattern strided = KeyPattern.STRIDED;
        KeyPattern string = KeyPattern.STRING;
        assertEquals(List.of(new Label(Implementation.HASHMAP, false, TypeProfile.MONOMORPHIC, strided),
                new Label(Implementation.PHASE1, false, TypeProfile.MONOMORPHIC, strided),
                new Label(Implementation.HASHMAP, false, TypeProfile.POLLUTED, strided),
                new Label(Implementation.PHASE1, false, TypeProfile.POLLUTED, strided),
                new Label(Implementation.HASHMAP, false, TypeProfile.MONOMORPHIC, string),
                new Label(Implementation.PHASE1, false, TypeProfile.MONOMORPHIC, string),
                new Label(Implementation.HASHMAP, false, TypeProfile.POLLUTED, string),
                new Label(Implementation.PHASE1, false, TypeProfile.POLLUTED, string),
                new Label(Implementation.PHASE1, true, TypeProfile.MONOMORPHIC, strided)),
                ForkPlan.labels(options, Implementation.PHASE1, Operation.INSERT, Size.ONE_K));
    }

    private RunOptions parse(String... args) throws BadInput {
        String[] withOut = new String[args.length + 2];
        System.arraycopy(args, 0, withOut, 0, args.length);
        withOut[args.length] = "--out";
        withOut[args.length + 1] = temp.resolve("x").toString();
        return RunOptions.parse(withOut);
    }
}
