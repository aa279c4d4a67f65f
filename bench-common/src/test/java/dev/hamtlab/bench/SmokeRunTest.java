package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JMH runs, in-process with the smoke preset: every benchmark works and the report names every map. */
class SmokeRunTest {
    @TempDir
    Path temp;

    @Test
    void smokeRunWritesRawResultsReportAndEnvironment() throws IOException {
        Path out = temp.resolve("x");

        CommandLine result = CommandLine.run("--preset", "smoke", "--sizes", "1K", "--out", out.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        List<String> progress = result.out().lines().filter(line -> line.startsWith("[")).toList();
        int total = Operation.values().length * Implementation.values().length;
        assertEquals(total, progress.size(), result.out());
        for (String line : progress) {
            assertTrue(line.matches("\\[ *\\d+/" + total + "] (" + names(Operation.values()) + ") +("
                    + names(Implementation.values()) + ") +1K +[\\d,.]+ ns/op"
                    + " +\\(elapsed \\d+:\\d\\d, (about \\d+:\\d\\d left|done)\\)"), line);
        }

        // A JMH result for every benchmark, and the counters of every phase's (this JVM counts, as under ./bench).
        Set<String> expectedRaw = Stream.of(Operation.values())
                .flatMap(op -> Stream.of(Implementation.values()).flatMap(impl -> Stream.of(
                        op.cliName() + "_" + impl.cliName() + "_1K.json",
                        impl.isPhase() ? "counters_" + op.cliName() + "_" + impl.cliName() + "_1K.json" : "")))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
        assertEquals(expectedRaw, fileNames(out.resolve("raw")));

        String report = Files.readString(out.resolve("report.md"));
        String summary = Files.readString(out.resolve("summary.md"));
        for (Implementation implementation : Implementation.values()) {
            assertTrue(report.contains("| insert | " + implementation.displayName() + " | 1K | "), report);
            assertTrue(summary.contains(implementation.displayName() + " ops/s"), summary);
        }
        assertTrue(report.contains("## Allocation per operation"), report);
        assertTrue(report.contains("### churn: phase3 counters"), report);
        assertFalse(report.contains("–"), "every cell has a result, bytes per op and GCs included:\n" + report);
        assertTrue(report.contains("Smoke preset"), report);

        String environment = Files.readString(out.resolve("environment.md"));
        assertTrue(environment.contains("--preset smoke --sizes 1K --out"), environment);
        assertTrue(environment.contains(System.getProperty("java.version")), environment);
        assertTrue(Files.exists(out.resolve("environment.json")));
    }

    /** The runner started by hand, without the counting flag: one warning line, no counters, no failure. */
    @Test
    void withoutCountingTheRunnerWarnsOnceAndSkipsCounters() throws IOException, InterruptedException {
        Path out = temp.resolve("x");
        Path err = temp.resolve("err.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process runner = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--preset", "smoke", "--impls", "hashmap,phase1", "--sizes", "1K",
                "--ops", "insert,churn", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();

        assertEquals(0, runner.waitFor(), Files.readString(err));
        assertEquals(List.of("hamtlab: warning: no pool counters in this run: the runner's JVM lacks"
                + " -Dhamtlab.stats=true (./bench gives it)"), Files.readAllLines(err));
        assertEquals(Set.of("insert_hashmap_1K.json", "insert_phase1_1K.json", "churn_hashmap_1K.json",
                "churn_phase1_1K.json"), fileNames(out.resolve("raw")));
        assertTrue(Files.readString(out.resolve("report.md")).contains("None: the runner's JVM ran without"));
    }

    @Test
    void forceReplacesAnEarlierRunsResults() throws IOException {
        Path out = temp.resolve("x");
        Files.createDirectories(out.resolve("raw"));
        Files.writeString(out.resolve("raw").resolve("query-hit_phase0_1M.json"), "[]");
        Files.writeString(out.resolve("report.md"), "stale");
        Path unrelated = Files.writeString(out.resolve("notes.txt"), "kept");

        CommandLine result = CommandLine.run("--preset", "smoke", "--impls", "hashmap", "--sizes", "1K", "--ops", "insert",
                "--out", out.toString(), "--force");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(Set.of("insert_hashmap_1K.json"), fileNames(out.resolve("raw")));
        String report = Files.readString(out.resolve("report.md"));
        assertFalse(report.contains("1M"), report);
        assertEquals("kept", Files.readString(unrelated));
    }

    /** A regex alternative of the choices' CLI names. */
    private static String names(Choice[] choices) {
        return Stream.of(choices).map(Choice::cliName).collect(Collectors.joining("|"));
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
