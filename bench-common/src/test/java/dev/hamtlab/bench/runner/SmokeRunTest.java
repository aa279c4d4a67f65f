package dev.hamtlab.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.results.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
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
        // Every implementation, and the A/A control's second label, once (smoke runs one in-process fork).
        int total = Operation.values().length * (Implementation.values().length + 1);
        assertEquals(total, progress.size(), result.out());
        for (String line : progress) {
            assertTrue(line.matches("\\[ *\\d+/" + total + "] (" + names(Operation.values()) + ") +1K +("
                    + Stream.of(Implementation.values()).map(Implementation::displayName)
                    .collect(Collectors.joining("|"))
                    + ")( \\(A/A\\))? +fork 1/1 +[\\d,.]+ ns/op"
                    + " +\\(elapsed \\d+:\\d\\d, (about \\d+:\\d\\d left|done)\\)"), line);
        }
        // The A/A control is the newest phase of the run.
        Implementation control = ForkPlan.controlOf(List.of(Implementation.values()));
        assertEquals(Operation.values().length,
                progress.stream().filter(line -> line.contains(" " + control.displayName() + " (A/A) ")).count());

        // A JMH result for every fork, and the counters of every phase's (this JVM counts, as under ./bench).
        Set<String> expectedRaw = Stream.of(Operation.values())
                .flatMap(op -> Stream.of(Implementation.values()).flatMap(impl -> Stream.of(
                        op.cliName() + "_" + impl.cliName() + "_1K_f01.json",
                        impl.hasCounters() ? "counters_" + op.cliName() + "_" + impl.cliName() + "_1K.json" : "",
                        impl == control ? op.cliName() + "_" + control.cliName() + "-control_1K_f01.json" : "")))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(HashSet::new));
        Stream.of(Implementation.values()).filter(Implementation::isPhase)
                .forEach(impl -> expectedRaw.add("shape_" + impl.cliName() + "_1K.json"));
        Stream.of(Implementation.values()).forEach(impl -> expectedRaw.add("footprint_" + impl.cliName() + "_1K.json"));
        assertEquals(expectedRaw, fileNames(out.resolve("raw")));
        assertEquals(total, Files.readAllLines(out.resolve("forks.tsv")).size());

        String report = Files.readString(out.resolve("report.md"));
        String summary = Files.readString(out.resolve("summary.md"));
        for (Implementation implementation : Implementation.values()) {
            assertTrue(report.contains("| insert | " + implementation.displayName() + " | 1K | 1 | "), report);
            // HashMap and the phases in the seed's tables, the other peers in the matrix of the phases against them.
            boolean seedTables = implementation.isPhase() || implementation == Implementation.HASHMAP;
            assertTrue(summary.contains(seedTables ? implementation.displayName() + " ops/s" : "vs "
                    + implementation.displayName() + " |"),
                    summary);
            assertTrue(report.contains("| " + implementation.displayName() + " | Integer random | "),
                    "its bytes per entry:\n" + report);
        }
        assertTrue(report.contains("| churn | 1K | "), "the A/A control's row:\n" + report);
        assertTrue(Files.readString(out.resolve("forks.md"))
                .contains("| churn | 1K | " + control.displayName() + " (A/A) | churn_"
                + control.cliName() + "-control_1K_f01.json |"));
        assertTrue(report.contains("## Allocation per operation"), report);
        assertTrue(report.contains("### churn: phase3 counters"), report);
        // Every cell has a result, bytes per op and GCs included; one fork is too few for an interval.
        String timings = report.substring(0, report.indexOf("## Trie shape"));
        assertFalse(timings.replace("| – | too few forks |", "")
                .replace("| – | – | – | – | none set |", "").contains("–"), report);
        // Every phase's trie at 1K, with pool slots for the pooled phases only.
        assertTrue(report.contains("| phase0 | Integer random | 1K | 1,000 |")
                && report.contains("| phase3 | Integer random | 1K | 1,000 |"),
                report);
        assertTrue(report.lines().filter(line -> line.startsWith("| phase0 | Integer random | 1K | 1,000 |"))
                .allMatch(line -> line.endsWith("| – | – |")), report);
        assertTrue(report.contains("Smoke preset"), report);
        // The int maps are said to be timed without an adapter, and their bytes per entry to include their keys.
        assertTrue(report.contains("The int-to-int maps (fastutil Int2IntOpenHashMap, IntHamt trie, IntHamt flat, IntHamt) go through no"
                + " Object-keyed adapter"), report);
        assertTrue(report.contains("(the int-to-int maps hold their keys and values inline as ints: nothing is subtracted"), report);

        String environment = Files.readString(out.resolve("environment.md"));
        assertTrue(environment.contains("--preset smoke --sizes 1K --out"), environment);
        assertTrue(environment.matches("(?s).*\\| Load average at end \\(1, 5, 15 min\\) \\| [\\d.]+ [\\d.]+ [\\d.]+ \\|.*"), environment);
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
        assertEquals(Set.of("insert_hashmap_1K_f01.json", "insert_phase1_1K_f01.json",
                "insert_phase1-control_1K_f01.json",
                "churn_hashmap_1K_f01.json", "churn_phase1_1K_f01.json",
                        "churn_phase1-control_1K_f01.json", "shape_phase1_1K.json",
                "footprint_hashmap_1K.json", "footprint_phase1_1K.json"),
                fileNames(out.resolve("raw")));
        assertTrue(Files.readString(out.resolve("report.md")).contains("None: the runner's JVM ran without"));
    }

    @Test
    void forceReplacesAnEarlierRunsResults() throws IOException {
        Path out = temp.resolve("x");
        Files.createDirectories(out.resolve("raw"));
        Files.writeString(out.resolve("raw").resolve("query-hit_phase0_1M.json"), "[]");
        Files.writeString(out.resolve("report.md"), "stale");
        Path unrelated = Files.writeString(out.resolve("notes.txt"), "kept");

        CommandLine result = CommandLine.run("--preset", "smoke", "--impls", "hashmap",
                "--sizes", "1K", "--ops", "insert",
                "--out", out.toString(), "--force");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(Set.of("insert_hashmap_1K_f01.json", "insert_hashmap-control_1K_f01.json",
                "footprint_hashmap_1K.json"),
                fileNames(out.resolve("raw")));
        String report = Files.readString(out.resolve("report.md"));
        assertFalse(report.contains("1M"), report);
        assertEquals("kept", Files.readString(unrelated));
    }

    /**
     * A run cut short (two forks missing, one of them half written) resumed: the missing forks in
     * the run's own order, nothing else measured again, the resume recorded beside the start.
     */
    @Test
    void resumeRunsOnlyTheMissingForksInTheRunsOrder() throws IOException {
        Path out = temp.resolve("x");
        CommandLine first = CommandLine.run("--preset", "smoke", "--impls", "hashmap,phase1", "--sizes", "1K",
                "--ops", "insert,churn", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out()
                .contains("if the run is cut short, resume it with: " + Resume.command(out)), first.out());
        Path raw = out.resolve("raw");
        List<String> order = Files.readAllLines(out.resolve("forks.tsv")).stream()
                .map(line -> line.split("\t")[0]).toList();
        Files.delete(raw.resolve(order.get(1)));
        Files.delete(raw.resolve(order.get(4)));
        Files.writeString(raw.resolve(order.get(4) + ".partial"), "[ {");
        Path footprint = raw.resolve("footprint_hashmap_1K.json");
        Files.setLastModifiedTime(footprint, FileTime.fromMillis(0));
        String started = Environment.read(out).orElseThrow().date();

        CommandLine resumed = CommandLine.run("resume", out.toString());

        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("hamtlab: resuming: 4 of 6 forks already in " + out + "\n"), resumed.out());
        assertEquals(2, resumed.out().lines().filter(line -> line.matches("\\[[12]/2] .*")).count(), resumed.out());
        List<String> log = Files.readAllLines(out.resolve("forks.tsv")).stream()
                .map(line -> line.split("\t")[0]).toList();
        assertEquals(order, log.subList(0, 6));
        assertEquals(List.of(order.get(1), order.get(4)), log.subList(6, 8));
        Set<String> files = fileNames(raw);
        assertTrue(files.containsAll(order) && files.stream().noneMatch(f -> f.endsWith(".partial")), files.toString());
        assertEquals(FileTime.fromMillis(0), Files.getLastModifiedTime(footprint));
        Environment.Facts facts = Environment.read(out).orElseThrow();
        assertEquals(started, facts.date());
        assertEquals(1, facts.resumed().size());
        assertEquals(facts.gitCommit(), facts.resumed().get(0).gitCommit());
        assertTrue(Files.readString(out.resolve("environment.md"))
                .contains("| Resumed | " + facts.resumed().get(0).at()));
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
