package dev.hamtlab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.runner.CommandLine;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.runner.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare command on two canned results folders, one JMH JSON file a fork. */
class CompareTest {
    /** Six forks whose median is 1 (x 0.98, 0.99, 1, 1, 1.01, 1.02). */
    private static final double[] SPREAD = {0.98, 0.99, 1, 1, 1.01, 1.02};

    @TempDir
    Path temp;

    private Path a;
    private Path b;

    @BeforeEach
    void cannedRuns() throws IOException {
        a = Files.createDirectories(temp.resolve("a").resolve("raw")).getParent();
        b = Files.createDirectories(temp.resolve("b").resolve("raw")).getParent();
        Environment.write(a, facts());
        // insert 1K: B's phase1 twice as fast, HashMap alike in both.
        forks(a, "insert", "phase1", "1K", 100, SPREAD);
        forks(b, "insert", "phase1", "1K", 50, SPREAD);
        forks(a, "insert", "hashmap", "1K", 40, SPREAD);
        forks(b, "insert", "hashmap", "1K", 40, SPREAD);
        // insert 100K: found before 1K (file names sort "100K" first), shown after it.
        forks(a, "insert", "phase1", "100K", 300, SPREAD);
        forks(b, "insert", "phase1", "100K", 300, SPREAD);
        // query-hit 1K: A has two forks only.
        forks(a, "queryHit", "phase1", "1K", 20, 1, 1.1);
        forks(b, "queryHit", "phase1", "1K", 20, SPREAD);
        // One cell only in A, two only in B.
        forks(a, "remove", "phase1", "1K", 70, SPREAD);
        forks(b, "remove", "hashmap", "1K", 30, SPREAD);
        forks(b, "insert", "phase0", "1K", 200, SPREAD);
    }

    @Test
    void twiceAsFastReadsPlusHundredPercentAndFaster() throws IOException {
        List<String> row = row(compare(), "insert", "phase1", "1K");
        assertEquals(List.of("100.0", "50.0", "+100.0%"), row.subList(3, 6));
        assertTrue(row.get(6).matches("\\[\\+9\\d\\.\\d%, \\+10\\d\\.\\d%]"), row.get(6));
        assertEquals("faster", row.get(7));
    }

    @Test
    void identicalCellsReadSameWithAnIntervalAroundZero() throws IOException {
        List<String> row = row(compare(), "insert", "HashMap", "1K");
        assertEquals(List.of("40.0", "40.0", "+0.0%"), row.subList(3, 6));
        assertTrue(row.get(6).matches("\\[-\\d+\\.\\d%, \\+\\d+\\.\\d%]"), row.get(6));
        assertEquals("same", row.get(7));
    }

    @Test
    void aFindingOfBothReportsReplicates() throws IOException {
        String table = compare();
        // phase1 is slower than HashMap at insert 1K in both runs (-60% in A, -20% in B): the same verdict.
        assertTrue(table.contains("| Phases against peers | 1 | 1 | 0 | 0 |"), table);
        List<String> row = table.lines()
                .filter(l -> l.startsWith("| Phases against peers | insert | 1K | phase1 vs HashMap |"))
                .findFirst().map(l -> List.of(l.split("\\|"))).orElseThrow(() -> new AssertionError(table));
        assertTrue(row.get(5).startsWith(" -60.0% slower [")
                && row.get(6).startsWith(" -20.0% slower ["), row.toString());
        assertEquals(" replicates ", row.get(7));
        // phase1 stands twice as high against HashMap in B as in A
        assertTrue(row.get(8).startsWith(" +100.0% [+"), row.toString());
    }

    @Test
    void tooFewForksGetNoIntervalAndNoVerdict() throws IOException {
        List<String> row = row(compare(), "query-hit", "phase1", "1K");
        assertEquals(List.of("21.0", "20.0", "+5.0%", Format.MISSING, "too few forks"), row.subList(3, 8));
    }

    @Test
    void cellsOfOneFolderOnlyAreCountedAsLeftOut() throws IOException {
        String table = compare();
        assertTrue(table.contains("\nLeft out, cells only in A: 1; only in B: 2.\n"), table);
        assertTrue(table.lines().noneMatch(l -> l.startsWith("| remove") || l.contains("phase0")), table);
    }

    @Test
    void rowsByOperationThenSizeThenLabelAsFound() throws IOException {
        String table = compare();
        List<String> cells = table.substring(0, table.indexOf("## Replication")).lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| Operation"))
                .map(l -> String.join(" ", cells(l).subList(0, 3))).toList();
        assertEquals(List.of("insert HashMap 1K", "insert phase1 1K", "insert phase1 100K",
                "query-hit phase1 1K"), cells);
    }

    @Test
    void namesBothFoldersWithTheEnvironmentTheyHave() throws IOException {
        String table = compare();
        assertTrue(table.startsWith("- A: `" + a + "`, measured by `./bench --preset quick` on JDK 17.0.15"), table);
        assertTrue(table.contains("\n- B: `" + b + "`, no environment.json\n"), table);
        assertTrue(table.contains("compare only as far as the machines and their loads were alike"), table);
    }

    @Test
    void refusesFoldersWithNoCellInCommon() throws IOException {
        Path c = Files.createDirectories(temp.resolve("c").resolve("raw")).getParent();
        forks(c, "churn", "phase1", "1K", 10, SPREAD);

        CommandLine result = CommandLine.run("compare", a.toString(), c.toString());

        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertEquals("hamtlab: '" + a + "' and '" + c
                + "' have no cell (operation, size, label) in common\n", result.err());
    }

    private String compare() {
        CommandLine result = CommandLine.run("compare", a.toString(), b.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        return result.out();
    }

    /** The cells after the first three of the row of (operation, label, size), all of them. */
    private static List<String> row(String table, String operation, String label, String size) {
        String prefix = "| " + operation + " | " + label + " | " + size + " |";
        return cells(table.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(prefix)));
    }

    private static List<String> cells(String row) {
        return List.of(row.substring(2, row.length() - 2).split(" \\| "));
    }

    /** One file a fork, as the runner writes them, each fork's mean {@code nanos} times a factor. */
    private static void forks(Path folder, String benchmark, String impl, String size, double nanos, double... factors)
            throws IOException {
        String op = Arrays.stream(Operation.values())
                .filter(o -> o.benchmarkName(Implementation.HASHMAP).endsWith("." + benchmark)).findFirst()
                .orElseThrow().cliName();
        for (int fork = 0; fork < factors.length; fork++) {
            Files.writeString(folder.resolve("raw")
                    .resolve(String.format(Locale.ROOT, "%s_%s_%s_f%02d.json", op, impl, size, fork + 1)),
                    "[ { \"benchmark\" : \"dev.hamtlab.bench.MapBenchmark." + benchmark + "\", \"mode\" : \"avgt\","
                            + " \"params\" : { \"impl\" : \"" + impl + "\", \"size\" : \"" + size + "\" },"
                            + " \"primaryMetric\" : { \"scoreUnit\" : \"ns/op\", \"rawData\" : [ [ "
                            + String.format(Locale.ROOT, "%.4f", nanos * factors[fork]) + " ] ] } } ]\n");
        }
    }

    private static Environment.Facts facts() {
        return new Environment.Facts("2025-01-01T00:00:00Z", "./bench --preset quick", "/repo", "quick",
                Preset.QUICK.settings(6), List.of("hashmap", "phase1"), null, List.of("1K"), null, List.of("insert"),
                List.of("monomorphic"), 6, 42, "phase1", List.of(), List.of(), "17.0.15", "OpenJDK 64-Bit Server VM",
                "Debian", "17.0.15+6", "1.37", "Canned CPU", 2, 8L << 30, "Linux 6.1 amd64", "0123456789abcdef", false,
                "0.50 0.40 0.30", null, null, null, null, null, null, null);
    }
}
