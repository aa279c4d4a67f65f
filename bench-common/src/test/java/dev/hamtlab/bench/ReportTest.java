package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report built through the CLI's report command from canned JMH JSON. */
class ReportTest {
    private static final String INSERT = "dev.hamtlab.bench.MapBenchmark.insert";
    private static final String QUERY_HIT = "dev.hamtlab.bench.MapBenchmark.queryHit";
    private static final String REMOVE = "dev.hamtlab.bench.MapBenchmark.remove";
    private static final String ALLOCATION = "## Allocation per operation";
    private static final String COUNTERS = "## Pool and allocation counters";

    private static final List<String> READMES = List.of("README.md", "phase0-baseline/README.md", "phase1/README.md",
            "phase2-bumppool/README.md", "phase3-recycling/README.md");

    @TempDir
    Path folder;

    @BeforeEach
    void cannedRun() throws IOException {
        Files.createDirectories(folder.resolve("raw"));
        Environment.write(folder, facts());
        // 1K insert: phase1 doubles phase0, HashMap is twice as fast again; tight intervals; gc profiled.
        raw(INSERT, "phase0", "1K", 200, 2, 120, 2);
        raw(INSERT, "phase1", "1K", 100, 1, 80, 1);
        raw(INSERT, "hashmap", "1K", 50, 0.5, 48, 3);
        // 10K insert: a 5% gain inside overlapping intervals; HashMap missing (cut short); no gc profile.
        raw(INSERT, "phase0", "10K", 400, 50);
        raw(INSERT, "phase1", "10K", 380, 50);
        // 1K query-hit: phase0 has a single measurement, so no confidence interval.
        raw(QUERY_HIT, "phase0", "1K", 30, Double.NaN);
        raw(QUERY_HIT, "phase1", "1K", 20, 1);
        raw(QUERY_HIT, "hashmap", "1K", 1234.5, 10);
    }

    @Test
    void phaseAgainstPreviousPhase() throws IOException {
        Map<String, List<String>> table = table(report(), "insert", "phase1 vs phase0");
        assertEquals(List.of("5,000,000", "10,000,000", "+100%", "100.0"), table.get("1K"));
        assertEquals(List.of("2,500,000", "2,631,579", "+5% (within noise)", "380.0"), table.get("10K"));
    }

    @Test
    void phaseAgainstPeerIsNegativeWhenSlower() throws IOException {
        String report = report();
        assertEquals(List.of("20,000,000", "10,000,000", "-50%", "100.0"),
                table(report, "insert", "phase1 vs HashMap").get("1K"));
        assertEquals(List.of("20,000,000", "5,000,000", "-75%", "200.0"),
                table(report, "insert", "phase0 vs HashMap").get("1K"));
    }

    @Test
    void missingCellsShowADash() throws IOException {
        String report = report();
        assertEquals(List.of("–", "2,631,579", "–", "380.0"), table(report, "insert", "phase1 vs HashMap").get("10K"));
        assertEquals(List.of("–", "–", "–", "–"), table(report, "query-hit", "phase1 vs phase0").get("10K"));
        assertTrue(report.contains("| insert | HashMap | 10K | – | – |"), report);
        assertEquals(List.of("–", "–", "–", "–"), table(report, "insert", "phase1 vs phase0").get("100K"));
        assertTrue(report.contains("10 planned benchmarks have no result"), report);
    }

    @Test
    void noConfidenceIntervalIsSaid() throws IOException {
        String report = report();
        assertEquals(List.of("33,333,333", "50,000,000", "+50% (no CI)", "20.0"),
                table(report, "query-hit", "phase1 vs phase0").get("1K"));
        assertTrue(report.contains("| query-hit | phase0 | 1K | 30.0 | 33,333,333 |"), report);
    }

    @Test
    void allResultsListScoreWithErrorAndOpsPerSecond() throws IOException {
        String report = report();
        assertTrue(report.contains("| insert | phase1 | 1K | 100.0 ± 1.0 | 10,000,000 |"), report);
        assertTrue(report.contains("| query-hit | HashMap | 1K | 1,234.5 ± 10.0 | 810,045 |"), report);
    }

    @Test
    void allocationTablesShowBytesPerOpAndCollections() throws IOException {
        Map<String, List<String>> insert = rows(report(), ALLOCATION, "### insert allocation");
        // columns: 1K B/op, 1K GCs, 10K B/op, 10K GCs, 100K B/op, 100K GCs
        assertEquals(List.of("48.0", "3", "–", "–", "–", "–"), insert.get("HashMap"));
        assertEquals(List.of("80.0", "1", "–", "–", "–", "–"), insert.get("phase1"));
        assertEquals(List.of("120.0", "2", "–", "–", "–", "–"), insert.get("phase0"));
        assertEquals(List.of("–", "–", "–", "–", "–", "–"), rows(report(), ALLOCATION, "### query-hit allocation").get("phase1"));
    }

    @Test
    void removeAllocationLeavesOutTheRebuildBeforeEveryCall() throws IOException {
        // phase1's insert allocates 80 B/op at 1K and has no gc profile at 10K
        raw(REMOVE, "phase1", "1K", 50, 1, 100.5, 4);
        raw(REMOVE, "phase1", "10K", 60, 1, 90, 2);
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
                PoolCounters.json(new PoolCounters.Counted("insert", "phase1", "1K", counters)));

        String report = report();
        assertTrue(report.contains("| Scale | nodesAllocated | arraysAllocated | slotsAllocated |"), report);
        Map<String, List<String>> table = rows(report, COUNTERS, "### insert: phase1 counters");
        assertEquals(List.of("306", "1,017", "8,117"), table.get("1K"));
        assertEquals(List.of("–", "–", "–"), table.get("10K"));
        assertEquals(List.of("1K", "10K", "100K"), List.copyOf(table.keySet()));
        assertFalse(report.contains("### insert: phase0 counters"), report);
        // the counters file is not mistaken for a JMH result
        assertTrue(report.contains("Generated from 8 results"), report);
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
        assertTrue(report.contains("quick: " + Preset.QUICK.settings()), report);
        assertTrue(report.contains("Canned CPU, 2 cores"), report);
        assertTrue(report.contains("[environment.md](environment.md)"), report);
    }

    @Test
    void summaryHoldsTheComparisonsOnly() throws IOException {
        report();
        String summary = Files.readString(folder.resolve("summary.md"));
        assertEquals(List.of("5,000,000", "10,000,000", "+100%", "100.0"),
                table(summary, "insert", "phase1 vs phase0").get("1K"));
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
        assertEquals(List.of("–", "2,631,579", "–", "380.0"), table(report, "insert", "phase1 vs HashMap").get("10K"));
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

        String top = Files.readString(root.resolve("README.md"));
        assertEquals(List.of("5,000,000", "10,000,000", "+100%", "100.0"), table(top, "insert", "phase1 vs phase0").get("1K"));
        assertTrue(top.contains("### phase0 vs HashMap"), top);
        assertTrue(top.startsWith("# title\n\n" + Publish.BEGIN + "\nMeasured by `./bench --preset quick"), top);
        assertTrue(top.endsWith(Publish.END + "\ntail\n") && !top.contains("old"), top);

        String phase1 = Files.readString(root.resolve("phase1/README.md"));
        assertEquals(List.of("20,000,000", "10,000,000", "-50%", "100.0"), table(phase1, "insert", "phase1 vs HashMap").get("1K"));
        assertTrue(phase1.contains("### phase1 vs phase0") && !phase1.contains("### phase0 vs HashMap"), phase1);
        String phase0 = Files.readString(root.resolve("phase0-baseline/README.md"));
        assertTrue(phase0.contains("### phase0 vs HashMap") && !phase0.contains("### phase1"), phase0);
    }

    @Test
    void publishWritesBothPhase2FallbacksIntoTheirModulesReadme(@TempDir Path root) throws IOException, BadInput {
        raw(INSERT, "phase2", "1K", 90, 1);
        raw(INSERT, "phase2-newarray", "1K", 75, 1);
        raw(INSERT, "phase3", "1K", 60, 1);
        readmes(root, Publish.BEGIN + "\n" + Publish.END + "\n");
        Publish.readmes(folder, root);

        String phase2 = Files.readString(root.resolve("phase2-bumppool/README.md"));
        assertEquals(List.of("10,000,000", "11,111,111", "+11%", "90.0"), table(phase2, "insert", "phase2 vs phase1").get("1K"));
        assertEquals(List.of("11,111,111", "13,333,333", "+20%", "75.0"),
                table(phase2, "insert", "phase2-newarray vs phase2").get("1K"));
        assertEquals(List.of("20,000,000", "13,333,333", "-33%", "75.0"),
                table(phase2, "insert", "phase2-newarray vs HashMap").get("1K"));
        assertTrue(phase2.contains("### phase2 vs HashMap") && !phase2.contains("### phase1 vs") && !phase2.contains("### phase3"),
                phase2);
        String phase3 = Files.readString(root.resolve("phase3-recycling/README.md"));
        // phase 3 is built from phase 2, not from the variant declared just before it
        assertEquals(List.of("11,111,111", "16,666,667", "+50%", "60.0"), table(phase3, "insert", "phase3 vs phase2").get("1K"));
        assertFalse(phase3.contains("phase2-newarray"), phase3);
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
                "quick", Preset.QUICK.settings(), List.of("hashmap", "phase0", "phase1"), List.of("1K", "10K", "100K"),
                List.of("insert", "query-hit"), List.of("-Xms2g"), List.of(), "17.0.15", "OpenJDK 64-Bit Server VM",
                "Debian", "17.0.15+6", "1.37", "Canned CPU", 2, 8L << 30, "Linux 6.1 amd64", "0123456789abcdef", false);
    }

    /** Writes one JMH result without a gc profile, as the runner wrote them before it used the gc profiler. */
    private void raw(String benchmark, String impl, String size, double score, double error) throws IOException {
        raw(benchmark, impl, size, score, error, Double.NaN, Double.NaN);
    }

    /**
     * Writes one JMH result as JMH 1.37 writes it, with the gc profiler's bytes per op and
     * collections unless they are NaN; a NaN error is written as JMH does, as "NaN".
     */
    private void raw(String benchmark, String impl, String size, double score, double error, double bytesPerOp,
            double gcCount) throws IOException {
        String low = Double.isNaN(error) ? "\"NaN\"" : number(score - error);
        String high = Double.isNaN(error) ? "\"NaN\"" : number(score + error);
        String json = "[\n  {\n"
                + "    \"jmhVersion\" : \"1.37\",\n"
                + "    \"benchmark\" : \"" + benchmark + "\",\n"
                + "    \"mode\" : \"avgt\",\n"
                + "    \"params\" : { \"impl\" : \"" + impl + "\", \"size\" : \"" + size + "\" },\n"
                + "    \"primaryMetric\" : {\n"
                + "      \"score\" : " + number(score) + ",\n"
                + "      \"scoreError\" : " + (Double.isNaN(error) ? "\"NaN\"" : number(error)) + ",\n"
                + "      \"scoreConfidence\" : [ " + low + ", " + high + " ],\n"
                + "      \"scoreUnit\" : \"ns/op\"\n"
                + "    },\n"
                + "    \"secondaryMetrics\" : {" + (Double.isNaN(bytesPerOp) ? " " : "\n"
                + secondary("gc.alloc.rate.norm", bytesPerOp, "B/op") + ",\n"
                + secondary("gc.count", gcCount, "counts") + "\n    ") + "}\n"
                + "  }\n]\n";
        String op = Stream.of(Operation.values()).filter(o -> o.benchmarkName().equals(benchmark)).findFirst()
                .orElseThrow().cliName();
        Files.writeString(folder.resolve("raw").resolve(op + "_" + impl + "_" + size + ".json"), json);
    }

    private static String secondary(String name, double score, String unit) {
        return "      \"" + name + "\" : {\n"
                + "        \"score\" : " + number(score) + ",\n"
                + "        \"scoreError\" : \"NaN\",\n"
                + "        \"scoreConfidence\" : [ \"NaN\", \"NaN\" ],\n"
                + "        \"scoreUnit\" : \"" + unit + "\"\n"
                + "      }";
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
