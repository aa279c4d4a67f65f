package dev.hamtlab.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.BadInput;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.results.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refused command line: exit code 2, one line on stderr naming the valid choices, nothing written. */
class BadInputTest {
    private static final String OUT = "OUT";

    @TempDir
    Path temp;

    static Stream<Arguments> refusedCommandLines() {
        return Stream.of(
                Arguments.of("--impls treemap --out OUT",
                        "unknown implementation 'treemap'; valid implementations: hashmap, clojure, scala-immutable, scala-mutable, vavr, eclipse, fastutil, phase0, phase1, phase2, phase2-newarray, phase2-4k, phase3, fastutil-int2int, inthamt-trie, inthamt-flat, inthamt, phase4-cachedhash, phase4-spread, phase4-hotpath, phase4-twobitmaps, phase4-unpooled, phase4-inlined, phase4-specialised, phase4-bumppool, phase4-recycling, phase4"),
                Arguments.of("--sizes 1K,5M --out OUT",
                        "bad size '5M'; give a count from 1 to 2^22 (4,194,304) written as"
                        + " 1500, 4K, 2M or 2^20, or a sweep of powers of two such as 2^10..2^22"),
                Arguments.of("--sizes 0 --out OUT", "bad size '0'; give a count from 1 to 2^22"),
                Arguments.of("--sizes 10k --out OUT", "bad size '10k'; give a count from 1 to 2^22"),
                Arguments.of("--sizes -5 --out OUT", "bad size '-5'; give a count from 1 to 2^22"),
                Arguments.of("--sizes 2^23 --out OUT", "bad size '2^23'; give a count from 1 to 2^22"),
                Arguments.of("--sizes 2^12..2^10 --out OUT", "bad size '2^12..2^10'; give a count from 1 to 2^22"),
                Arguments.of("--sizes 1K, --out OUT", "bad size ''; give a count from 1 to 2^22"),
                Arguments.of("--keys random,uuid --out OUT",
                        "unknown key pattern 'uuid'; valid key patterns: random, sequential, shuffled, strided, string, colliding"),
                Arguments.of("--ops insert,update --out OUT",
                        "unknown operation 'update'; valid operations: insert, query-hit, query-miss, remove, churn"),
                Arguments.of("--preset slow --out OUT",
                        "unknown preset 'slow'; valid presets: smoke, quick, peers, phase4, pools, flood, full, platforms"),
                Arguments.of("--preset quick,full --out OUT",
                        "unknown preset 'quick,full'; valid presets: smoke, quick, peers, phase4, pools, flood, full, platforms"),
                Arguments.of("--repeat 3 --out OUT",
                        "unknown option '--repeat'; valid options: --preset, --impls, --sizes,"),
                Arguments.of("--forks 1 --out OUT", "bad --forks '1'; give a whole number of forks a label, 2 to 100"),
                Arguments.of("--forks six --out OUT",
                        "bad --forks 'six'; give a whole number of forks a label, 2 to 100"),
                Arguments.of("--forks 101 --out OUT",
                        "bad --forks '101'; give a whole number of forks a label, 2 to 100"),
                Arguments.of("--seed 1.5 --out OUT", "bad --seed '1.5'; give a whole number, e.g. 42"),
                Arguments.of("--profiles monomorphic,mixed --out OUT",
                        "unknown type profile 'mixed'; valid type profiles: monomorphic, polluted"),
                Arguments.of("--gc g1,shenandoah --out OUT",
                        "unknown collector 'shenandoah'; valid collectors: g1, parallel, zgc, epsilon"),
                Arguments.of("--jdk /nonexistent --out OUT", "--jdk '/nonexistent' is not a JDK 25"),
                Arguments.of("--out OUT quick", "unknown option 'quick'; valid options: --preset,"),
                Arguments.of("--out OUT --sizes", "option --sizes needs a value; give a count from 1 to 2^22"),
                Arguments.of("--out OUT --keys", "option --keys needs a value; valid key patterns: random,"),
                Arguments.of("--impls --out OUT",
                        "option --impls needs a value; valid implementations: hashmap, clojure, scala-immutable, scala-mutable, vavr, eclipse, fastutil, phase0, phase1, phase2, phase2-newarray, phase2-4k, phase3, fastutil-int2int, inthamt-trie, inthamt-flat, inthamt, phase4-cachedhash, phase4-spread, phase4-hotpath, phase4-twobitmaps, phase4-unpooled, phase4-inlined, phase4-specialised, phase4-bumppool, phase4-recycling, phase4"),
                Arguments.of("--preset smoke --out", "option --out needs a value; the results folder to write"),
                Arguments.of("--impls hashmap,inthamt --keys random,string --out OUT",
                        "inthamt take int keys only; valid key patterns for them: random, sequential, shuffled, strided"),
                Arguments.of("--impls fastutil-int2int --profiles polluted --out OUT",
                        "fastutil-int2int take int keys only, which nothing pollutes; valid type profile for them: monomorphic"),
                Arguments.of("report", "usage: report FOLDER"),
                Arguments.of("shapes", "usage: shapes FOLDER"),
                Arguments.of("shapes OUT", "has no raw/ folder"),
                Arguments.of("report OUT", "has no raw/ folder"),
                Arguments.of("compare", "usage: compare A B, where A and B are results folders holding raw/*.json"),
                Arguments.of("compare OUT", "usage: compare A B, where A and B are results folders holding raw/*.json"),
                Arguments.of("compare OUT OUT OUT", "usage: compare A B"),
                Arguments.of("compare OUT OUT2", "has no raw/ folder"),
                Arguments.of("resume",
                        "usage: resume FOLDER [--force], where FOLDER is the results folder of a run cut short"),
                Arguments.of("resume OUT OUT", "usage: resume FOLDER [--force]"),
                Arguments.of("resume --force", "usage: resume FOLDER [--force]"),
                Arguments.of("resume OUT", "has no raw/ folder"),
                Arguments.of("resume OUT --force", "has no raw/ folder"));
    }

    @ParameterizedTest
    @MethodSource("refusedCommandLines")
    void refusedWithOneLineAndNothingWritten(String commandLine, String expectedMessage) throws IOException {
        Path out = temp.resolve("x");
        String[] args = Stream.of(commandLine.split(" ")).map(a -> a.equals(OUT) ? out.toString() : a)
                .toArray(String[]::new);

        CommandLine result = CommandLine.run(args);

        assertRefused(result, expectedMessage);
        assertTrue(isEmpty(temp), "nothing may be created");
    }

    @Test
    void refusesAnExistingNonEmptyFolderWithoutForce() throws IOException {
        Path out = existingResults();
        Map<Path, String> before = snapshot(out);

        CommandLine result = CommandLine.run("--preset", "smoke", "--sizes", "1K", "--out", out.toString());

        assertRefused(result, "already exists and is not empty; choose another --out, or add --force");
        assertEquals(before, snapshot(out));
    }

    @Test
    void forceDoesNotLetOtherBadInputTouchTheFolder() throws IOException {
        Path out = existingResults();
        Map<Path, String> before = snapshot(out);

        CommandLine result = CommandLine.run("--force", "--sizes", "5M", "--out", out.toString());

        assertRefused(result, "bad size '5M'");
        assertEquals(before, snapshot(out));
    }

    @Test
    void refusesAnOutThatIsAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("x"), "not a folder");

        CommandLine result = CommandLine.run("--force", "--preset", "smoke", "--out", file.toString());

        assertRefused(result, "exists and is not a folder; choose another --out");
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void resumeRefusesAFolderWithoutAnEnvironmentRecord() throws IOException {
        assertResumeRefused(existingResults(), "has no environment.json, so it records no run to resume");
    }

    @Test
    void resumeRefusesAnEnvironmentRecordItCannotRead() throws IOException {
        Path out = existingResults();
        Files.writeString(out.resolve("environment.json"), "{ \"preset\": [");

        assertResumeRefused(out, "environment.json' is not a run's environment record");
    }

    /** A run recorded before runs could be resumed has no fork plan: its main platforms are unknown. */
    @Test
    void resumeRefusesARunRecordedWithoutItsForkPlan() throws IOException {
        Path out = existingResults();
        Files.writeString(out.resolve("environment.json"),
                "{ \"preset\": \"quick\", \"implementations\": [\"hashmap\"],"
                + " \"sizes\": [\"1K\"], \"operations\": [\"insert\"], \"forksPerLabel\": 6, \"seed\": 42 }\n");

        assertResumeRefused(out, "records no fork plan (a profile run, or a run made before runs could be resumed),"
                + " so it cannot be resumed");
    }

    @Test
    void resumeRefusesARunMadeAtAnotherCommitWithoutForce() throws IOException, BadInput {
        Path out = existingResults();
        RunOptions options = RunOptions.parse(new String[] {"--preset", "smoke", "--impls", "hashmap", "--sizes", "1K",
                "--ops", "insert", "--out", out.toString(), "--force"});
        Environment.write(out, EnvironmentProbe.collect(options, Implementation.HASHMAP, true));
        Path record = out.resolve("environment.json");
        String commit = "0123456789abcdef0123456789abcdef01234567";
        Files.writeString(record,
                Files.readString(record).replaceAll("\"gitCommit\": \"[^\"]*\"", "\"gitCommit\": \"" + commit + "\""));

        assertResumeRefused(out, "was run at commit " + commit + " and this is ");
        assertResumeRefused(out, "a run must measure one version of the code: check out " + commit
                + " to resume it, or add --force to resume it at ");
    }

    @Test
    void resumeRefusesARunWhoseMapsWereRenamedSince() throws IOException, BadInput {
        Path out = existingResults();
        RunOptions options = RunOptions.parse(new String[] {"--preset", "smoke", "--impls", "hashmap", "--sizes", "1K",
                "--ops", "insert", "--out", out.toString(), "--force"});
        Environment.write(out, EnvironmentProbe.collect(options, Implementation.HASHMAP, true));
        Files.writeString(out.resolve("renames.tsv"), "phase4\tphase4-hotpath\n");

        assertResumeRefused(out, "names maps the study has renamed since (its renames.tsv)");
        assertResumeRefused(out, "resume it at the commit it was run at");
    }

    /** Resuming the folder is refused with the message, and nothing in the folder changes. */
    private static void assertResumeRefused(Path out, String expectedMessage) throws IOException {
        Map<Path, String> before = snapshot(out);

        CommandLine result = CommandLine.run("resume", out.toString());

        assertRefused(result, expectedMessage);
        assertEquals(before, snapshot(out));
    }

    private static void assertRefused(CommandLine result, String expectedMessage) {
        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("hamtlab: ") && result.err().endsWith("\n"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains(expectedMessage), "expected '" + expectedMessage + "' in: " + result.err());
    }

    /** A results folder from an earlier run, with old timestamps so any rewrite shows. */
    private Path existingResults() throws IOException {
        Path out = temp.resolve("x");
        Files.createDirectories(out.resolve("raw"));
        Files.writeString(out.resolve("report.md"), "# an earlier report\n");
        Files.writeString(out.resolve("raw").resolve("insert_hashmap_1K.json"), "[]\n");
        try (Stream<Path> paths = Files.walk(out)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, FileTime.fromMillis(0));
            }
        }
        return out;
    }

    /** Every file and folder under root with its content and modification time. */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> snapshot = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String content = Files.isRegularFile(path) ? Files.readString(path) : "folder";
                snapshot.put(path, content + " @" + Files.getLastModifiedTime(path));
            }
        }
        return snapshot;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
