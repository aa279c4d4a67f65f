package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.CannedRun.INSERT;
import static dev.hamtlab.bench.report.CannedRun.REMOVE;
import static dev.hamtlab.bench.report.MarkdownTables.row;
import static dev.hamtlab.bench.report.MarkdownTables.rows;
import static dev.hamtlab.bench.report.MarkdownTables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.profile.Profiles;
import dev.hamtlab.bench.profile.Profiling;
import dev.hamtlab.bench.results.ResultsFolder;
import dev.hamtlab.bench.runner.CommandLine;
import dev.hamtlab.bench.runner.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report built through the CLI's report command from canned JMH JSON, one file a fork. */
class ReportTest {
    private static final String ALLOCATION = "## Allocation per operation";
    private static final String COUNTERS = "## Pool and allocation counters";
    private static final String MISSING_CELL = "–";


    @TempDir
    Path folder;
    private CannedRun canned;

    @BeforeEach
    void cannedRun() throws IOException {
        canned = CannedRun.in(folder);
    }

    @Test
    void phaseAgainstPreviousPhaseIsTheRatioOfForkMedians() throws IOException {
        List<String> row = table(report(), "insert", "phase1 vs phase0").get("1K");
        assertEquals(List.of("5,000,000", "10,000,000", "+100.0%"), row.subList(0, 3));
        assertTrue(row.get(3).matches("\\[\\+9\\d\\.\\d%, \\+10\\d\\.\\d%]"), row.get(3));
        assertEquals(List.of("faster", "100.0"), row.subList(4, 6));
    }

    /** A run recorded under a name the study has given to another map since is read through its renames.tsv. */
    @Test
    void aRunRecordedBeforeARenamingIsReportedUnderTodaysNames() throws IOException {
        Files.writeString(folder.resolve("renames.tsv"), "# recorded before the renaming\nphase1\tphase4-hotpath\n");
        String report = report();
        // phase4-hotpath's nearest measured phase down its chain is phase0
        List<String> row = table(report, "insert", "phase4-hotpath vs phase0").get("1K");
        assertEquals(List.of("5,000,000", "10,000,000", "+100.0%"), row.subList(0, 3));
        assertFalse(report.contains("phase1 vs phase0"), report);
    }

    @Test
    void overlappingForksAreTheSame() throws IOException {
        List<String> row = table(report(), "insert", "phase1 vs phase0").get("10K");
        assertEquals(List.of("2,515,723", "2,484,472", "-1.2%"), row.subList(0, 3));
        assertEquals(List.of("same", "402.5"), row.subList(4, 6));
    }

    @Test
    void phaseAgainstPeerIsNegativeWhenSlower() throws IOException {
        String report = report();
        List<String> phase1 = table(report, "insert", "phase1 vs HashMap").get("1K");
        assertEquals(List.of("20,000,000", "10,000,000", "-50.0%"), phase1.subList(0, 3));
        assertEquals("slower", phase1.get(4));
        assertEquals("-75.0%", table(report, "insert", "phase0 vs HashMap").get("1K").get(2));
    }

    @Test
    void withSeveralPeersEachPhaseMeetsEachInOneMatrix() throws IOException {
        canned.forks(INSERT, "vavr", "1K", 400, 0, 0);
        String report = report();
        // phase1 at 100 ns: half HashMap's speed, four times Vavr's.
        List<String> row = row(report, "| 1K | phase1 |");
        assertTrue(row.get(2).matches("-50\\.0% slower \\[-5\\d\\.\\d%, -4\\d\\.\\d%]"), row.get(2));
        assertTrue(row.get(3).startsWith("+300.0% faster ["), row.get(3));
        assertEquals(List.of("Vavr", "persistent", "400.0", MISSING_CELL, MISSING_CELL),
                row(report, "| Vavr | persistent |"));
        assertTrue(row(report, "| Vavr | io.vavr:vavr:").get(2).startsWith("persistent: "), report);
    }

    @Test
    void eachPlatformIsReadAgainstItsReferenceAndItsPhasesAgainstEachOther() throws IOException {
        // On Parallel, phase0 is as fast as on G1 and phase1 twice as fast: phase1 gains four times over phase0 there.
        canned.platformForks(INSERT, "phase0", "parallel", "1K", 200);
        canned.platformForks(INSERT, "phase1", "parallel", "1K", 50);
        String report = report();
        assertTrue(report.contains("## Collectors and JDKs"), report);
        assertEquals(List.of("phase1", "100.0", "80.0", "50.0", "80.0"), row(report, "| phase1 | 100.0 |"));
        List<String> againstG1 = row(report, "| phase1 | +100.0% ");
        assertTrue(againstG1.get(1).startsWith("+100.0% faster ["), againstG1.toString());
        List<String> phases = row(report, "| phase1 vs phase0 |");
        assertTrue(phases.get(1).startsWith("+100.0% faster")
                && phases.get(2).startsWith("+300.0% faster"), phases.toString());
        // The main tables stay G1's.
        assertEquals("+100.0%", table(report, "insert", "phase1 vs phase0").get("1K").get(2));
    }

    @Test
    void aForkFromBeforeThePlatformsTakesItsCollectorFromItsFlags() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("insert_phase0_1K_f01.json"),
                "[" + CannedRun.run(INSERT, "phase0", "1K",
                "{ \"impl\" : \"phase0\", \"size\" : \"1K\" }", new double[] {200}, 0, 0)
                .replace("\"mode\"", "\"jvmArgs\" : [ \"-Xms2g\", \"-XX:+UseParallelGC\" ],\n    \"mode\"") + "]\n");
        List<Forks.Fork> read = Forks.read(folder);
        assertTrue(read.stream().anyMatch(f -> f.label().platform() == Platform.PARALLEL), read.toString());
    }

    @Test
    void profiledCellsGetTheirBreakdownAndFlameGraphLinks() throws IOException {
        Files.createDirectories(folder.resolve(ResultsFolder.PROFILES));
        Map<String, Long> parts = new LinkedHashMap<>();
        for (Profiles.Part part : Profiles.Part.values()) {
            parts.put(part.label(),
                    part == Profiles.Part.BENCHMARK_CODE ? 300L : part == Profiles.Part.REFINEMENT ? 100L : 0L);
        }
        Files.writeString(folder.resolve(ResultsFolder.PROFILES).resolve("churn_phase3_1M.json"),
                new com.google.gson.Gson().toJson(
                new Profiling.Profiled("churn", "1M", "phase3", "random", "monomorphic", "g1", "ASYNC", 2_000,
                        new Profiles.Breakdown(400, parts))));
        List<String> row = row(report(), "| churn 1M phase3 |");
        assertEquals(List.of("async", "400", "75.0%", "0.0%", "25.0%"), row.subList(1, 6));
        assertEquals("[CPU](profiles/churn_phase3_1M-cpu.html), [allocation](profiles/churn_phase3_1M-alloc.html)",
                row.get(row.size() - 1));
    }

    @Test
    void eachKeyPatternHasItsOwnTables() throws IOException {
        canned.keyedForks(INSERT, "phase0", "string", "1K", 300);
        canned.keyedForks(INSERT, "phase1", "string", "1K", 150);
        List<String> row = table(report(), "insert", "phase1 string vs phase0 string").get("1K");
        assertEquals(List.of("+100.0%", "faster"), List.of(row.get(2), row.get(4)));
    }

    @Test
    void footprintTableShowsBytesPerEntry() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("footprint_phase1_1K.json"), new com.google.gson.Gson().toJson(
                new Footprint.Measured("phase1", "random", "1K", 1_000, 40_500, 56_500, 1_400, "a layout", null,
                        null)));
        String report = report();
        assertEquals(List.of("phase1", "Integer random", "40.5", MISSING_CELL, MISSING_CELL),
                row(report, "| phase1 | Integer random |"));
        assertTrue(report.contains("object graph (a layout)"), report);
        assertFalse(report.contains("Where the bytes go"), "a footprint without its classes has no such table");
    }

    @Test
    void bytesByClassShowEachClassPerEntryMostFirstAndSumTheSmallest() throws IOException {
        Map<String, Long> classBytes = new LinkedHashMap<>();
        classBytes.put("Bucket", 30_000L);
        classBytes.put("Object[]", 10_400L);
        classBytes.put("Hamt", 60L);
        classBytes.put("Allocator", 20L);
        Files.writeString(folder.resolve("raw").resolve("footprint_phase1_1K.json"), new com.google.gson.Gson().toJson(
                new Footprint.Measured("phase1", "random", "1K", 1_000, 40_480, 56_480, 1_400, "a layout", null,
                        classBytes)));
        assertEquals(List.of("phase1", "Integer random", "1K", "40.5", "`Bucket` 30.0, `Object[]` 10.4, others 0.1"),
                row(report(), "| phase1 | Integer random | 1K |"));
    }

    @Test
    void tooFewForksGetNoVerdict() throws IOException {
        List<String> row = table(report(), "query-hit", "phase1 vs phase0").get("1K");
        assertEquals(List.of("32,786,885", "50,000,000", "+52.5%", "–", "too few forks", "20.0"), row);
    }

    @Test
    void theAaControlGivesTheResolutionAtTheTop() throws IOException {
        String report = report();
        assertTrue(report.indexOf("## Resolution: the A/A control") < report.indexOf("## insert:"), report);
        // operation, scale, improvement, interval, half-width, verdict, goal
        List<String> insert = row(report, "| insert | 1K |");
        assertEquals("+0.0%", insert.get(2));
        assertEquals(List.of("same", "≤ 5.0%: met"), insert.subList(5, 7));
        assertTrue(Double.parseDouble(insert.get(4).replace("%", "")) < 3, insert.get(4));
        assertEquals(List.of("–", "–", "–", "–", "≤ 5.0%"), row(report, "| query-hit | 10K |").subList(2, 7));
        assertEquals(List.of("6", "100.0", "98.0", "102.0", "10,000,000"),
                row(report, "| insert | phase1 (A/A) | 1K |").subList(3, 8));
    }

    @Test
    void missingCellsShowADash() throws IOException {
        String report = report();
        assertEquals(List.of("–", "2,484,472", "–", "–", "–", "402.5"),
                table(report, "insert", "phase1 vs HashMap").get("10K"));
        assertEquals(List.of("–", "–", "–", "–", "–", "–"), table(report, "query-hit", "phase1 vs phase0").get("10K"));
        assertEquals(List.of("–", "–", "–", "–", "–", "–"), table(report, "insert", "phase1 vs phase0").get("100K"));
        assertTrue(report.contains("planned cells have no fork"), report);
    }

    @Test
    void olderFilesWithSeveralForksAreReadForkByFork() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("insert_hashmap_100K.json"),
                "[" + CannedRun.run(INSERT, "hashmap", "100K",
                "{ \"impl\" : \"hashmap\", \"size\" : \"100K\" }",
                        new double[] {10, 20, 30, 40, 50}, Double.NaN, Double.NaN)
                + "]");
        assertEquals(List.of("5", "30.0", "10.0", "50.0", "33,333,333"),
                row(report(), "| insert | HashMap | 100K |").subList(3, 8));
    }

    @Test
    void forksThatRecordTheirWarmupAreMeasuredFromWhereItEnded() throws IOException {
        // No JMH warm-up: the slow first iteration is the fork's own, and the rule drops it.
        writeRecordedWarmup("insert_hashmap_100K_f01.json", "100K", "[ 200, 101, 100, 99 ]");
        writeRecordedWarmup("insert_hashmap_1M_f01.json", "1M", "[ 150, 140, 101, 99 ]");
        String report = report();
        assertEquals(List.of("1", "100.0", "100.0", "100.0", "10,000,000"),
                row(report, "| insert | HashMap | 100K |").subList(3, 8));
        // forks, warm-up (median, most), unsettled, fewest calls: 1 s / (101 ns x 100K keys).
        assertEquals(List.of("1", "1, 1", "0", "99.0"), row(report, "| insert | 100K | 1 |").subList(2, 6));
        // 150 and 140 are warm-up, and only two iterations remain; 1 s held 9.9 calls of 1M keys.
        assertEquals(List.of("1", "2, 2", "0", "9.9 (below 10)"), row(report, "| insert | 1M | 1 |").subList(2, 6));
        assertTrue(report.indexOf("## Iterations and warm-up") < report.indexOf("## insert:"), report);
    }

    @Test
    void aRunWithoutRecordedWarmupHasNoIterationsSection() throws IOException {
        assertFalse(report().contains("## Iterations and warm-up"));
    }

    private void writeRecordedWarmup(String file, String size, String iterations) throws IOException {
        Files.writeString(folder.resolve("raw").resolve(file),
                "[ { \"jmhVersion\" : \"1.37\", \"benchmark\" : \"" + INSERT
                + "\", \"mode\" : \"avgt\", \"forks\" : 1, \"warmupIterations\" : 0, \"measurementTime\" : \"1000 ms\","
                + " \"params\" : { \"impl\" : \"hashmap\", \"size\" : \"" + size
                + "\" }, \"primaryMetric\" : { \"score\" : 1,"
                + " \"scoreUnit\" : \"ns/op\", \"rawData\" : [ " + iterations
                + " ] }, \"secondaryMetrics\" : { } } ]\n");
    }

    @Test
    void allocationTablesShowMedianBytesPerOpAndCollections() throws IOException {
        Map<String, List<String>> insert = rows(report(), ALLOCATION, "### insert allocation");
        // columns: 1K B/op, 1K GCs, 10K B/op, 10K GCs, 100K B/op, 100K GCs
        assertEquals(List.of("48.0", "3", "–", "–", "–", "–"), insert.get("HashMap"));
        assertEquals(List.of("80.0", "1", "–", "–", "–", "–"), insert.get("phase1"));
        assertEquals(List.of("120.0", "2", "–", "–", "–", "–"), insert.get("phase0"));
        assertEquals(List.of("0.0", "0", "–", "–", "–", "–"),
                rows(report(), ALLOCATION, "### query-hit allocation").get("phase1"));
    }

    @Test
    void removeAllocationLeavesOutTheRebuildBeforeEveryCall() throws IOException {
        // phase1's insert allocates 80 B/op at 1K and has no gc profile at 10K
        canned.forks(REMOVE, "phase1", "1K", 50, 100.5, 4);
        canned.forks(REMOVE, "phase1", "10K", 60, 90, 2);
        Map<String, List<String>> remove = rows(report(), ALLOCATION, "### remove allocation");
        assertEquals(List.of("20.5", "4", "–", "2", "–", "–"), remove.get("phase1"));
        assertEquals(List.of("–", "–", "–", "–", "–", "–"), remove.get("HashMap"));
    }

    @Test
    void countersTablesShowEachPhasesCountersBySize() throws IOException {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("nodesAllocated", 306L);
        counters.put("arraysAllocated", 1_017L);
        counters.put("slotsAllocated", 8_117L);
        Files.writeString(folder.resolve("raw").resolve("counters_insert_phase1_1K.json"),
                PoolCounters.json(new PoolCounters.Counted("insert", "phase1", null, "1K", counters)));

        String report = report();
        assertTrue(report.contains("| Scale | nodesAllocated | arraysAllocated | slotsAllocated |"), report);
        Map<String, List<String>> table = rows(report, COUNTERS, "### insert: phase1 counters");
        assertEquals(List.of("306", "1,017", "8,117"), table.get("1K"));
        assertEquals(List.of("–", "–", "–"), table.get("10K"));
        assertEquals(List.of("1K", "10K", "100K"), List.copyOf(table.keySet()));
        assertFalse(report.contains("### insert: phase0 counters"), report);
        // the counters file is not mistaken for a JMH result
        assertTrue(report.contains("Generated from 50 forks"), report);
    }

    @Test
    void shapeTableShowsEachPhasesTrie() throws IOException {
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("entries", 2);
        figures.put("bitmapNodes", 2);
        figures.put("collisionNodes", 0);
        figures.put("maxLeafDepth", 2);
        figures.put("meanLeafDepth", 2.0);
        figures.put("meanChildrenPerBitmapNode", 1.5);
        figures.put("entriesPerNode", 1.0);
        figures.put("leavesAtDepth1", 0);
        figures.put("leavesAtDepth2", 2);
        Files.writeString(folder.resolve("raw").resolve("shape_phase1_1K.json"), new com.google.gson.Gson().toJson(
                new TrieShapes.Measured("phase1", "1K", "random Integers", figures)));

        String report = report();
        // A shape file made before the key patterns existed names its keys "random Integers": they read as random.
        assertEquals(List.of("2", "2", "0", "2", "2.00", "1.50", "1.00", "0 / 2", "–", "–"),
                row(report, "| phase1 | Integer random | 1K |").subList(3, 13));
        assertTrue(report.contains("Generated from 50 forks"), "the shape file is not mistaken for a JMH result");
    }

    @Test
    void withoutShapesTheReportSaysHowToAddThem() throws IOException {
        assertTrue(report().contains("## Trie shape\n\nNone measured for this run; `"), report());
    }

    @Test
    void shapesCommandAddsEveryPlannedPhasesShape() throws IOException {
        CommandLine result = CommandLine.run("shapes", folder.toString());
        assertEquals(0, result.exitCode(), result.err());
        String report = Files.readString(folder.resolve("report.md"));
        // the canned run planned phase0 and phase1 at 1K, 10K and 100K; HashMap has no trie
        assertEquals("1,000", row(report, "| phase0 | Integer random | 1K |").get(3));
        assertEquals("100,000", row(report, "| phase1 | Integer random | 100K |").get(3));
        assertFalse(report.contains("| HashMap | Integer random | 1K | 1,000"), report);
    }

    @Test
    void withoutCountersTheReportSaysWhy() throws IOException {
        assertTrue(report().contains(COUNTERS + "\n\nNone: the runner's JVM ran without -Dhamtlab.stats=true."));
    }

    @Test
    void unreadableCountersFileFailsNamingIt() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("counters_insert_phase1_1K.json"),
                "{\"operation\": \"insert\"}");
        CommandLine result = CommandLine.run("report", folder.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("counters_insert_phase1_1K.json is not a counters file"), result.err());
    }

    @Test
    void reportNamesHowItWasMade() throws IOException {
        String report = report();
        assertTrue(report.contains("`./bench --preset quick --sizes 1K,10K,100K`"), report);
        assertTrue(report.contains("quick: " + Preset.QUICK.settings(6)), report);
        assertTrue(report.contains("shuffled by seed 42"), report);
        assertTrue(report.contains("0.50 0.40 0.30 at the start"), report);
        assertTrue(report.contains("Canned CPU, 2 cores"), report);
        assertTrue(report.contains("[environment.md](environment.md)"), report);
        assertTrue(report.contains("Phase against phase: 3 comparisons; verdicts: 1 faster, 1 same, 1 too few forks"),
                report);
    }

    @Test
    void forkLogGivesEachForkItsStartAndLoad() throws IOException {
        Files.writeString(folder.resolve(ResultsFolder.FORK_LOG),
                "insert_phase1_1K_f03.json\t2025-01-01T00:01:00Z\t1.50 0.90 0.40\n");
        report();
        String forks = Files.readString(folder.resolve(ResultsFolder.FORKS));
        assertTrue(forks.contains("| 2025-01-01T00:01:00Z | insert | 1K | phase1 | insert_phase1_1K_f03.json | 100.0 | 1 | 5 | 1.50 0.90 0.40 |"),
                forks);
        assertTrue(forks.contains("| – | insert | 1K | phase0 | insert_phase0_1K_f01.json | 196.0 | 2 | 5 | – |"),
                forks);
    }

    @Test
    void summaryHoldsTheResolutionAndTheComparisonsOnly() throws IOException {
        report();
        String summary = Files.readString(folder.resolve("summary.md"));
        assertEquals("+100.0%", table(summary, "insert", "phase1 vs phase0").get("1K").get(2));
        assertTrue(summary.contains("## Resolution: the A/A control"));
        assertFalse(summary.contains("## All results"));
        assertFalse(summary.contains("## How this was made"));
    }

    @Test
    void withoutEnvironmentTheResultsAloneAreReported() throws IOException {
        Files.delete(folder.resolve("environment.json"));
        String report = report();
        assertTrue(report.contains("Environment: unknown"), report);
        // Nothing is known to be planned beyond the results: no 100K row.
        assertEquals(List.of("1K", "10K"), List.copyOf(table(report, "insert", "phase1 vs phase0").keySet()));
        assertEquals(List.of("–", "2,484,472", "–", "–", "–", "402.5"),
                table(report, "insert", "phase1 vs HashMap").get("10K"));
    }

    @Test
    void unreadableRawFileFailsNamingIt() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("insert_phase1_1M.json"), "[{\"benchmark\": 3}]");
        CommandLine result = CommandLine.run("report", folder.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("insert_phase1_1M.json is not a result of MapBenchmark"), result.err());
    }

    private String report() throws IOException {
        CommandLine result = CommandLine.run("report", folder.toString());
        assertEquals(0, result.exitCode(), result.err());
        return Files.readString(folder.resolve("report.md"));
    }

}
