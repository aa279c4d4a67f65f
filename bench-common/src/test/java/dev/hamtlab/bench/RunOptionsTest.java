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
        assertEquals(List.of(Size.ONE_K, Size.HUNDRED_K), parse().sizes());
        assertEquals(List.of(Size.values()), parse("--preset", "full").sizes());
        assertEquals(List.of(Size.ONE_K), parse("--preset", "smoke").sizes());
    }

    @Test
    void sizesChosenOnTheCommandLineWinWhereverThePresetIs() throws BadInput {
        assertEquals(List.of(Size.TEN_K, Size.ONE_M), parse("--sizes", "1M,10K", "--preset", "quick").sizes());
        assertEquals(List.of(Size.ONE_M), parse("--preset", "full", "--sizes", "1M").sizes());
    }

    @Test
    void everyImplementationAndOperationByDefault() throws BadInput {
        RunOptions options = parse();
        assertEquals(Preset.QUICK, options.preset());
        assertEquals(List.of(Implementation.values()), options.implementations());
        assertEquals(List.of(Operation.values()), options.operations());
    }

    private RunOptions parse(String... args) throws BadInput {
        String[] withOut = new String[args.length + 2];
        System.arraycopy(args, 0, withOut, 0, args.length);
        withOut[args.length] = "--out";
        withOut[args.length + 1] = temp.resolve("x").toString();
        return RunOptions.parse(withOut);
    }
}
