package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of(new Size(1_500), new Size(4_000), new Size(2_000_000)), parse("--sizes", "4K,2M,1500").sizes());
        assertEquals(List.of(new Size(1 << 10), new Size(1 << 11), new Size(1 << 12), Size.TEN_K),
                parse("--sizes", "2^10..2^12,10K,2^11").sizes());
    }

    @Test
    void peersMeasureEveryPeerAndTheFourPhasesOverFourKeyPatterns() throws BadInput {
        RunOptions options = parse("--preset", "peers");
        assertEquals(List.of(KeyPattern.RANDOM, KeyPattern.SEQUENTIAL, KeyPattern.STRIDED, KeyPattern.STRING), options.keys());
        assertEquals(List.of(Operation.INSERT, Operation.QUERY_HIT), options.operations());
        assertEquals(List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), options.sizes());
        assertTrue(options.implementations().stream().filter(i -> !i.isPhase()).count() == 7);
        assertEquals(List.of(Implementation.PHASE0, Implementation.PHASE1, Implementation.PHASE2, Implementation.PHASE3),
                options.implementations().stream().filter(Implementation::isPhase).toList());
        assertEquals(List.of(KeyPattern.STRING), parse("--preset", "peers", "--keys", "string").keys());
    }

    @Test
    void quickMeasuresThePhasesAndHashMapEveryOperationInSixForks() throws BadInput {
        RunOptions options = parse();
        assertEquals(Preset.QUICK, options.preset());
        assertEquals(List.of(Implementation.HASHMAP, Implementation.PHASE0, Implementation.PHASE1, Implementation.PHASE2,
                Implementation.PHASE3), options.implementations());
        assertEquals(List.of(Operation.values()), options.operations());
        assertEquals(6, options.forks());
        assertEquals(List.of(TypeProfile.MONOMORPHIC), options.profiles());
        assertEquals(List.of(KeyPattern.RANDOM), options.keys());
    }

    @Test
    void fullMeasuresEveryImplementationInTenForks() throws BadInput {
        RunOptions options = parse("--preset", "full");
        assertEquals(List.of(Implementation.values()), options.implementations());
        assertEquals(10, options.forks());
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
        assertEquals(Implementation.PHASE3, Main.controlOf(List.of(Implementation.HASHMAP, Implementation.PHASE1,
                Implementation.PHASE3)));
        assertEquals(Implementation.PHASE1, Main.controlOf(List.of(Implementation.HASHMAP, Implementation.PHASE1)));
        assertEquals(Implementation.HASHMAP, Main.controlOf(List.of(Implementation.HASHMAP)));
    }

    @Test
    void everyImplementationUnderEveryKeyPatternAndProfileAndTheControlsSecondLabel() throws BadInput {
        RunOptions options = parse("--impls", "hashmap,phase1", "--profiles", "monomorphic,polluted", "--keys", "string,strided");
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
                Main.labels(options, Implementation.PHASE1));
    }

    private RunOptions parse(String... args) throws BadInput {
        String[] withOut = new String[args.length + 2];
        System.arraycopy(args, 0, withOut, 0, args.length);
        withOut[args.length] = "--out";
        withOut[args.length + 1] = temp.resolve("x").toString();
        return RunOptions.parse(withOut);
    }
}
