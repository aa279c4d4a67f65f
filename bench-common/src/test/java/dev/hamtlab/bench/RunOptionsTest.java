package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(List.of(Size.values()), parse("--preset", "full").sizes());
        assertEquals(List.of(Size.ONE_K), parse("--preset", "smoke").sizes());
    }

    @Test
    void sizesChosenOnTheCommandLineWinWhereverThePresetIs() throws BadInput {
        assertEquals(List.of(Size.TEN_K, Size.ONE_M), parse("--sizes", "1M,10K", "--preset", "quick").sizes());
        assertEquals(List.of(Size.ONE_M), parse("--preset", "full", "--sizes", "1M").sizes());
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
    void everyImplementationUnderEveryProfileAndTheControlsSecondLabel() throws BadInput {
        RunOptions options = parse("--impls", "hashmap,phase1", "--profiles", "monomorphic,polluted");
        assertEquals(List.of(new Label(Implementation.HASHMAP, false, TypeProfile.MONOMORPHIC), new Label(Implementation.PHASE1, false, TypeProfile.MONOMORPHIC),
                new Label(Implementation.HASHMAP, false, TypeProfile.POLLUTED),
                new Label(Implementation.PHASE1, false, TypeProfile.POLLUTED),
                new Label(Implementation.PHASE1, true, TypeProfile.MONOMORPHIC)),
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
