package dev.hamtlab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.profile.Profiles;
import dev.hamtlab.bench.profile.Profiling;
import dev.hamtlab.bench.results.ResultsFolder;
import dev.hamtlab.bench.BadInput;
import dev.hamtlab.bench.runner.CommandLine;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.runner.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report built through the CLI's report command from canned JMH JSON, one file a fork. */
class ReportTest {
    private static final String INSERT = "dev.hamtlab.bench.MapBenchmark.insert";
    private static final String QUERY_HIT = "dev.hamtlab.bench.MapBenchmark.queryHit";
    private static final String REMOVE = "dev.hamtlab.bench.MapBenchmark.remove";
    private static final String ALLOCATION = "## Allocation per operation";
    private static final String COUNTERS = "## Pool and allocation counters";
    private static final String MISSING_CELL = "–";

    private static final List<String> READMES = List.of("README.md", "phase0-baseline/README.md", "phase1/README.md",
            "phase2-bumppool/README.md", "phase3-recycling/README.md", "phase4-hash/README.md");

    @TempDir
    Path folder;

    @BeforeEach
    void cannedRun() throws IOException {
        Files.createDirectories(folder.resolve("raw"));
        Environment.write(folder, facts());
        // 1K insert: phase1 doubles phase0, HashMap is twice as fast again; phase1 is the A/A control.
        forks(INSERT, "phase0", "1K", 200, 120, 2);
        forks(INSERT, "phase1", "1K", 100, 80, 1);
        forks(INSERT, "hashmap", "1K", 50, 48, 3);
        forks(INSERT, "phase1-control", "1K", 100, 80, 1);
        // 10K insert: forks of phase0 and phase1 drawn alike; HashMap missing (cut short); no gc profile.
        forks(INSERT, "phase0", "10K", new double[] {400, 380, 420, 390, 410, 395}, Double.NaN, Double.NaN);
        forks(INSERT, "phase1", "10K", new double[] {390, 415, 385, 405, 400, 420}, Double.NaN, Double.NaN);
        // 1K query-hit: phase0 has only two forks.
        forks(QUERY_HIT, "phase0", "1K", new double[] {30, 31}, 0, 0);
        forks(QUERY_HIT, "phase1", "1K", 20, 0, 0);
        forks(QUERY_HIT, "hashmap", "1K", 1234.5, 0, 0);
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
        forks(INSERT, "vavr", "1K", 400, 0, 0);
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
        platformForks(INSERT, "phase0", "parallel", "1K", 200);
        platformForks(INSERT, "phase1", "parallel", "1K", 50);
        String report = report();
        assertTrue(report.contains("## Collectors and JDKs"), report);
        assertEquals(List.of("phase1", "100.0", "80.0", "50.0", "80.0"), row(report, "| phase1 | 100.0 |"));
        List<String> againstG1 = row(report, "| phase1 | +100.0% ");
        assertTrue(againstG1.get(1).startsWith("+100.0% faster ["), againstG1.toString());
        List<String> phases = row(report, "| phase1 vs phase0 |");
        assertTrue(phases.get(1).startsWith("+100.0% faster") && phases.get(2).startsWith("+300.0% faster"), phases.toString());
        // The main tables stay G1's.
        assertEquals("+100.0%", table(report, "insert", "phase1 vs phase0").get("1K").get(2));
    }

    @Test
    void aForkFromBeforeThePlatformsTakesItsCollectorFromItsFlags() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("insert_phase0_1K_f01.json"), "[" + run(INSERT, "phase0", "1K",
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
            parts.put(part.label(), part == Profiles.Part.BENCHMARK_CODE ? 300L : part == Profiles.Part.REFINEMENT ? 100L : 0L);
        }
        Files.writeString(folder.resolve(ResultsFolder.PROFILES).resolve("churn_phase3_1M.json"), new com.google.gson.Gson().toJson(
                new Profiling.Profiled("churn", "1M", "phase3", "random", "monomorphic", "g1", "ASYNC", 2_000,
                        new Profiles.Breakdown(400, parts))));
        List<String> row = row(report(), "| churn 1M phase3 |");
        assertEquals(List.of("async", "400", "75.0%", "0.0%", "25.0%"), row.subList(1, 6));
        assertEquals("[CPU](profiles/churn_phase3_1M-cpu.html), [allocation](profiles/churn_phase3_1M-alloc.html)",
                row.get(row.size() - 1));
    }

    @Test
    void eachKeyPatternHasItsOwnTables() throws IOException {
        keyedForks(INSERT, "phase0", "string", "1K", 300);
        keyedForks(INSERT, "phase1", "string", "1K", 150);
        List<String> row = table(report(), "insert", "phase1 string vs phase0 string").get("1K");
        assertEquals(List.of("+100.0%", "faster"), List.of(row.get(2), row.get(4)));
    }

    @Test
    void footprintTableShowsBytesPerEntry() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("footprint_phase1_1K.json"), new com.google.gson.Gson().toJson(
                new Footprint.Measured("phase1", "random", "1K", 1_000, 40_500, 56_500, 1_400, "a layout", null)));
        String report = report();
        assertEquals(List.of("phase1", "Integer random", "40.5", MISSING_CELL, MISSING_CELL), row(report, "| phase1 | Integer random |"));
        assertTrue(report.contains("object graph (a layout)"), report);
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
        assertEquals(List.of("6", "100.0", "98.0", "102.0", "10,000,000"), row(report, "| insert | phase1 (A/A) | 1K |").subList(3, 8));
    }

    @Test
    void missingCellsShowADash() throws IOException {
        String report = report();
        assertEquals(List.of("–", "2,484,472", "–", "–", "–", "402.5"), table(report, "insert", "phase1 vs HashMap").get("10K"));
        assertEquals(List.of("–", "–", "–", "–", "–", "–"), table(report, "query-hit", "phase1 vs phase0").get("10K"));
        assertEquals(List.of("–", "–", "–", "–", "–", "–"), table(report, "insert", "phase1 vs phase0").get("100K"));
        assertTrue(report.contains("planned cells have no fork"), report);
    }

    @Test
    void olderFilesWithSeveralForksAreReadForkByFork() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("insert_hashmap_100K.json"), "[" + run(INSERT, "hashmap", "100K",
                "{ \"impl\" : \"hashmap\", \"size\" : \"100K\" }", new double[] {10, 20, 30, 40, 50}, Double.NaN, Double.NaN)
                + "]");
        assertEquals(List.of("5", "30.0", "10.0", "50.0", "33,333,333"), row(report(), "| insert | HashMap | 100K |").subList(3, 8));
    }

    @Test
    void forksThatRecordTheirWarmupAreMeasuredFromWhereItEnded() throws IOException {
        // No JMH warm-up: the slow first iteration is the fork's own, and the rule drops it.
        writeRecordedWarmup("insert_hashmap_100K_f01.json", "100K", "[ 200, 101, 100, 99 ]");
        writeRecordedWarmup("insert_hashmap_1M_f01.json", "1M", "[ 150, 140, 101, 99 ]");
        String report = report();
        assertEquals(List.of("1", "100.0", "100.0", "100.0", "10,000,000"), row(report, "| insert | HashMap | 100K |").subList(3, 8));
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
        Files.writeString(folder.resolve("raw").resolve(file), "[ { \"jmhVersion\" : \"1.37\", \"benchmark\" : \"" + INSERT
                + "\", \"mode\" : \"avgt\", \"forks\" : 1, \"warmupIterations\" : 0, \"measurementTime\" : \"1000 ms\","
                + " \"params\" : { \"impl\" : \"hashmap\", \"size\" : \"" + size + "\" }, \"primaryMetric\" : { \"score\" : 1,"
                + " \"scoreUnit\" : \"ns/op\", \"rawData\" : [ " + iterations + " ] }, \"secondaryMetrics\" : { } } ]\n");
    }

    @Test
    void allocationTablesShowMedianBytesPerOpAndCollections() throws IOException {
        Map<String, List<String>> insert = rows(report(), ALLOCATION, "### insert allocation");
        // columns: 1K B/op, 1K GCs, 10K B/op, 10K GCs, 100K B/op, 100K GCs
        assertEquals(List.of("48.0", "3", "–", "–", "–", "–"), insert.get("HashMap"));
        assertEquals(List.of("80.0", "1", "–", "–", "–", "–"), insert.get("phase1"));
        assertEquals(List.of("120.0", "2", "–", "–", "–", "–"), insert.get("phase0"));
        assertEquals(List.of("0.0", "0", "–", "–", "–", "–"), rows(report(), ALLOCATION, "### query-hit allocation").get("phase1"));
    }

    @Test
    void removeAllocationLeavesOutTheRebuildBeforeEveryCall() throws IOException {
        // phase1's insert allocates 80 B/op at 1K and has no gc profile at 10K
        forks(REMOVE, "phase1", "1K", 50, 100.5, 4);
        forks(REMOVE, "phase1", "10K", 60, 90, 2);
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
        Files.writeString(folder.resolve("raw").resolve("counters_insert_phase1_1K.json"), "{\"operation\": \"insert\"}");
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
        assertTrue(report.contains("Phase against phase: 3 comparisons; verdicts: 1 faster, 1 same, 1 too few forks"), report);
    }

    @Test
    void forkLogGivesEachForkItsStartAndLoad() throws IOException {
        Files.writeString(folder.resolve(ResultsFolder.FORK_LOG), "insert_phase1_1K_f03.json\t2025-01-01T00:01:00Z\t1.50 0.90 0.40\n");
        report();
        String forks = Files.readString(folder.resolve(ResultsFolder.FORKS));
        assertTrue(forks.contains("| 2025-01-01T00:01:00Z | insert | 1K | phase1 | insert_phase1_1K_f03.json | 100.0 | 1 | 5 | 1.50 0.90 0.40 |"),
                forks);
        assertTrue(forks.contains("| – | insert | 1K | phase0 | insert_phase0_1K_f01.json | 196.0 | 2 | 5 | – |"), forks);
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
        assertEquals(List.of("–", "2,484,472", "–", "–", "–", "402.5"), table(report, "insert", "phase1 vs HashMap").get("10K"));
    }

    @Test
    void unreadableRawFileFailsNamingIt() throws IOException {
        Files.writeString(folder.resolve("raw").resolve("insert_phase1_1M.json"), "[{\"benchmark\": 3}]");
        CommandLine result = CommandLine.run("report", folder.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("insert_phase1_1M.json is not a result of MapBenchmark"), result.err());
    }

    @Test
    void publishFillsEveryReadmeWithItsOwnTables(@TempDir Path root) throws IOException, BadInput {
        readmes(root, "# title\n\n" + Publish.BEGIN + "\nold\n" + Publish.END + "\ntail\n");
        Publish.readmes(folder, root);

        // The top README gets the headline: the charts, one short table, and the way to the full report.
        String top = Files.readString(root.resolve("README.md"));
        assertTrue(row(top, "| phase1 vs phase0 | 1K |").get(2).startsWith("+100.0% faster ["), top);
        assertTrue(row(top, "| phase1 vs HashMap | 1K |").get(2).startsWith("-50.0% slower ["), top);
        String results = root.toAbsolutePath().relativize(folder.toAbsolutePath()) + "/";
        assertTrue(top.contains("](" + results + "charts/insert-ns-by-size.png)"), top);
        assertTrue(Files.isRegularFile(folder.resolve("charts/insert-ns-by-size.png")));
        assertTrue(top.contains("[report](" + results + "report.md)") && !top.contains("### phase0 vs HashMap"), top);
        assertTrue(top.startsWith("# title\n\n" + Publish.BEGIN + "\nMeasured by `./bench --preset quick"), top);
        assertTrue(top.endsWith(Publish.END + "\ntail\n") && !top.contains("old"), top);

        String phase1 = Files.readString(root.resolve("phase1/README.md"));
        assertEquals("-50.0%", table(phase1, "insert", "phase1 vs HashMap").get("1K").get(2));
        assertTrue(phase1.contains("### phase1 vs phase0") && !phase1.contains("### phase0 vs HashMap"), phase1);
        String phase0 = Files.readString(root.resolve("phase0-baseline/README.md"));
        assertTrue(phase0.contains("### phase0 vs HashMap") && !phase0.contains("### phase1"), phase0);
    }

    @Test
    void publishWritesBothPhase2FallbacksIntoTheirModulesReadme(@TempDir Path root) throws IOException, BadInput {
        forks(INSERT, "phase2", "1K", 90, 0, 0);
        forks(INSERT, "phase2-newarray", "1K", 75, 0, 0);
        forks(INSERT, "phase3", "1K", 60, 0, 0);
        String unmeasured = Publish.BEGIN + "\n" + Publish.END + "\n";
        readmes(root, unmeasured);
        // phase 2's 4K-chunk variant is missing: its module keeps its tables until a run measures it whole
        assertFalse(Publish.readmes(folder, root).contains(root.resolve("phase2-bumppool/README.md")));
        assertEquals(unmeasured, Files.readString(root.resolve("phase2-bumppool/README.md")));
        forks(INSERT, "phase2-4k", "1K", 80, 0, 0);
        Publish.readmes(folder, root);

        String phase2 = Files.readString(root.resolve("phase2-bumppool/README.md"));
        assertEquals("+11.1%", table(phase2, "insert", "phase2 vs phase1").get("1K").get(2));
        assertEquals("+20.0%", table(phase2, "insert", "phase2-newarray vs phase2").get("1K").get(2));
        assertEquals("-33.3%", table(phase2, "insert", "phase2-newarray vs HashMap").get("1K").get(2));
        assertTrue(phase2.contains("### phase2 vs HashMap") && !phase2.contains("### phase1 vs") && !phase2.contains("### phase3"),
                phase2);
        String phase3 = Files.readString(root.resolve("phase3-recycling/README.md"));
        // phase 3 is built from phase 2, not from the variant declared just before it
        assertEquals("+50.0%", table(phase3, "insert", "phase3 vs phase2").get("1K").get(2));
        assertFalse(phase3.contains("phase2-newarray"), phase3);
    }

    @Test
    void aRunWithPeersFillsTheTopReadmesPeersBlockAndTheModulesItMeasured(@TempDir Path root) throws IOException, BadInput {
        forks(INSERT, "vavr", "1K", 400, 0, 0);
        String phases = Publish.BEGIN + "\nthe full run's tables\n" + Publish.END + "\n";
        readmes(root, phases + Publish.PEERS_BEGIN + "\nold\n" + Publish.PEERS_END + "\n");

        assertEquals(List.of(root.resolve("README.md"), root.resolve("phase0-baseline/README.md"),
                root.resolve("phase1/README.md")), Publish.readmes(folder, root));

        // The headline: every map at the largest size measured, 10K, and the way to the full report.
        String top = Files.readString(root.resolve("README.md"));
        assertTrue(top.startsWith(phases), top);
        assertEquals(List.of("phase1", "mutable", "402.5", MISSING_CELL, MISSING_CELL), row(top, "| phase1 | mutable |"));
        assertEquals(List.of("Vavr", "persistent", MISSING_CELL, MISSING_CELL, MISSING_CELL), row(top, "| Vavr |"));
        assertTrue(top.contains("Every map at 10K keys") && top.contains("/charts/insert-ns-by-size.png)"), top);
        assertFalse(top.contains("old") || top.contains("### phase1 vs phase0") || top.contains("| 1K | phase1 |"), top);
        String phase1 = Files.readString(root.resolve("phase1/README.md"));
        assertTrue(phase1.contains("### phase1 vs phase0") && phase1.contains(Publish.PEERS_BEGIN + "\nold\n"), phase1);
        assertEquals(phases + Publish.PEERS_BEGIN + "\nold\n" + Publish.PEERS_END + "\n",
                Files.readString(root.resolve("phase3-recycling/README.md")));
    }

    @Test
    void aFloodRunFillsTheFloodBlockAloneWithEachPhaseAgainstHashMap(@TempDir Path root) throws IOException, BadInput {
        try (Stream<Path> raw = Files.list(folder.resolve("raw"))) {
            for (Path file : raw.toList()) {
                Files.delete(file);
            }
        }
        keyedForks(INSERT, "hashmap", "colliding", "1K", 100);
        keyedForks(INSERT, "phase0", "colliding", "1K", 200);
        keyedForks(INSERT, "vavr", "colliding", "1K", 4000);
        String blocks = Publish.BEGIN + "\nthe full run's tables\n" + Publish.END + "\n" + Publish.PEERS_BEGIN + "\npeers\n"
                + Publish.PEERS_END + "\n";
        readmes(root, blocks + Publish.FLOOD_BEGIN + "\nold\n" + Publish.FLOOD_END + "\n");

        assertEquals(List.of(root.resolve("README.md")), Publish.readmes(folder, root));
        String top = Files.readString(root.resolve("README.md"));
        assertTrue(top.startsWith(blocks) && !top.contains("old"), top);
        assertTrue(top.contains("### insert, String colliding: each phase against HashMap"), top);
        assertTrue(row(top, "| 1K | phase0 |").get(2).startsWith("-50.0% slower ["), top);
        assertEquals(List.of("Vavr", "persistent", "4,000.0", MISSING_CELL, MISSING_CELL), row(top, "| Vavr | persistent |"));
    }

    @Test
    void publishWritesNothingWhenAReadmeHasNoBlock(@TempDir Path root) throws IOException {
        String marked = Publish.BEGIN + "\nold\n" + Publish.END + "\n";
        readmes(root, marked);
        Files.writeString(root.resolve("phase1/README.md"), "no block here\n");

        BadInput error = assertThrows(BadInput.class, () -> Publish.readmes(folder, root));
        assertTrue(error.getMessage().contains("phase1/README.md' has no " + Publish.BEGIN), error.getMessage());
        assertEquals(marked, Files.readString(root.resolve("README.md")));
        assertEquals(marked, Files.readString(root.resolve("phase0-baseline/README.md")));
    }

    /** The top README and every module's, each holding {@code text}. */
    private static void readmes(Path root, String text) throws IOException {
        for (String readme : READMES) {
            Files.createDirectories(root.resolve(readme).getParent());
            Files.writeString(root.resolve(readme), text);
        }
    }

    private String report() throws IOException {
        CommandLine result = CommandLine.run("report", folder.toString());
        assertEquals(0, result.exitCode(), result.err());
        return Files.readString(folder.resolve("report.md"));
    }

    /** The canned run planned all three maps, three sizes (nothing ran at 100K) and two operations. */
    private static Environment.Facts facts() {
        return new Environment.Facts("2025-01-01T00:00:00Z", "./bench --preset quick --sizes 1K,10K,100K", "/repo",
                "quick", Preset.QUICK.settings(6), List.of("hashmap", "phase0", "phase1"), null, List.of("1K", "10K", "100K"),
                null, List.of("insert", "query-hit"), List.of("monomorphic"), 6, 42, "phase1", List.of("-Xms2g"), List.of(),
                "17.0.15", "OpenJDK 64-Bit Server VM", "Debian", "17.0.15+6", "1.37", "Canned CPU", 2, 8L << 30,
                "Linux 6.1 amd64", "0123456789abcdef", false, "0.50 0.40 0.30", null, null, null, null, null, null, null);
    }

    /** Six forks around {@code nanos} (x 0.98, 0.99, 1, 1, 1.01, 1.02: the median is {@code nanos}), one file each. */
    private void forks(String benchmark, String stem, String size, double nanos, double bytesPerOp, double gcCount)
            throws IOException {
        double[] spread = {0.98, 0.99, 1, 1, 1.01, 1.02};
        forks(benchmark, stem, size, Arrays.stream(spread).map(f -> f * nanos).toArray(), bytesPerOp, gcCount);
    }

    /** Six forks of an implementation with a key pattern, as the runner names and parameterises them. */
    private void keyedForks(String benchmark, String impl, String keys, String size, double nanos) throws IOException {
        labelledForks(benchmark, impl, "keys", keys, size, nanos, 0);
    }

    /** Six forks of an implementation on a platform, with 80 bytes per op. */
    private void platformForks(String benchmark, String impl, String platform, String size, double nanos) throws IOException {
        labelledForks(benchmark, impl, "platform", platform, size, nanos, 80);
    }

    /** Six forks around {@code nanos} whose label has one more parameter, named in the file as the runner names it. */
    private void labelledForks(String benchmark, String impl, String parameter, String value, String size, double nanos,
            double bytesPerOp) throws IOException {
        String params = "{ \"impl\" : \"" + impl + "\", \"size\" : \"" + size + "\", \"" + parameter + "\" : \"" + value
                + "\", \"profile\" : \"monomorphic\", \"arm\" : \"primary\" }";
        String op = Stream.of(Operation.values()).filter(o -> o.benchmarkName(Choice.named(Implementation.values(), impl)).equals(benchmark)).findFirst()
                .orElseThrow().cliName();
        double[] spread = {0.98, 0.99, 1, 1, 1.01, 1.02};
        for (int fork = 0; fork < spread.length; fork++) {
            Files.writeString(folder.resolve("raw").resolve(String.format(Locale.ROOT, "%s_%s-%s_%s_f%02d.json", op, impl, value,
                    size, fork + 1)), "[" + run(benchmark, impl, size, params, new double[] {nanos * spread[fork]}, bytesPerOp, 0)
                    + "]\n");
        }
    }

    /**
     * One file a fork, as the runner writes them: "stem" is the implementation, or "impl-control"
     * for the A/A control's second label; NaN bytes mean no gc profile.
     */
    private void forks(String benchmark, String stem, String size, double[] nanos, double bytesPerOp, double gcCount)
            throws IOException {
        String impl = stem.replace("-control", "");
        String params = "{ \"impl\" : \"" + impl + "\", \"size\" : \"" + size + "\", \"profile\" : \"monomorphic\", \"arm\" : \""
                + (stem.endsWith("-control") ? "control" : "primary") + "\" }";
        String op = Stream.of(Operation.values()).filter(o -> o.benchmarkName(Choice.named(Implementation.values(), impl)).equals(benchmark)).findFirst()
                .orElseThrow().cliName();
        for (int fork = 0; fork < nanos.length; fork++) {
            Files.writeString(folder.resolve("raw").resolve(String.format(Locale.ROOT, "%s_%s_%s_f%02d.json", op, stem, size, fork + 1)),
                    "[" + run(benchmark, impl, size, params, new double[] {nanos[fork]}, bytesPerOp, gcCount) + "]\n");
        }
    }

    /**
     * One JMH run as JMH 1.37 writes it: a fork per mean (each of three iterations, the first a
     * little above, the last a little below), with the gc profiler's bytes per op, collections and
     * 5 ms of pause per fork, unless the bytes are NaN.
     */
    static String run(String benchmark, String impl, String size, String params, double[] forkMeans,
            double bytesPerOp, double gcCount) {
        String iterations = Arrays.stream(forkMeans)
                .mapToObj(m -> "[ " + number(m * 1.01) + ", " + number(m) + ", " + number(m * 0.99) + " ]")
                .collect(Collectors.joining(", "));
        String perFork = Arrays.stream(forkMeans).mapToObj(m -> "[ " + number(bytesPerOp) + " ]").collect(Collectors.joining(", "));
        String counts = Arrays.stream(forkMeans).mapToObj(m -> "[ " + number(gcCount) + " ]").collect(Collectors.joining(", "));
        String pauses = Arrays.stream(forkMeans).mapToObj(m -> "[ 5.0 ]").collect(Collectors.joining(", "));
        return "\n  {\n"
                + "    \"jmhVersion\" : \"1.37\",\n"
                + "    \"benchmark\" : \"" + benchmark + "\",\n"
                + "    \"mode\" : \"avgt\",\n"
                + "    \"params\" : " + params + ",\n"
                + "    \"primaryMetric\" : {\n"
                + "      \"score\" : " + number(Arrays.stream(forkMeans).average().orElseThrow()) + ",\n"
                + "      \"scoreUnit\" : \"ns/op\",\n"
                + "      \"rawData\" : [ " + iterations + " ]\n"
                + "    },\n"
                + "    \"secondaryMetrics\" : {" + (Double.isNaN(bytesPerOp) ? " " : "\n"
                + secondary("gc.alloc.rate.norm", perFork, "B/op") + ",\n"
                + secondary("gc.count", counts, "counts") + ",\n"
                + secondary("gc.time", pauses, "ms") + "\n    ") + "}\n"
                + "  }";
    }

    private static String secondary(String name, String rawData, String unit) {
        return "      \"" + name + "\" : {\n"
                + "        \"scoreUnit\" : \"" + unit + "\",\n"
                + "        \"rawData\" : [ " + rawData + " ]\n"
                + "      }";
    }

    /** The cells of the first row that starts with {@code prefix}. */
    private static List<String> row(String markdown, String prefix) {
        String row = markdown.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix));
        return List.of(row.substring(2, row.length() - 2).split(" \\| "));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** The rows, by scale, of the table under "### heading" in the section of the operation. */
    static Map<String, List<String>> table(String markdown, String operation, String heading) {
        return rows(markdown, "## " + operation + ":", "### " + heading);
    }

    /** The rows, by their first cell, of the table under the first line starting with heading after section. */
    static Map<String, List<String>> rows(String markdown, String section, String heading) {
        List<String> lines = markdown.lines().toList();
        int start = indexOf(lines, heading, indexOf(lines, section, 0));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        // The heading, a blank line, the header row, the separator, then the rows.
        for (int i = start + 4; i < lines.size() && lines.get(i).startsWith("| "); i++) {
            List<String> cells = List.of(lines.get(i).substring(2, lines.get(i).length() - 2).split(" \\| "));
            rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        return rows;
    }

    private static int indexOf(List<String> lines, String prefix, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "'");
    }
}
