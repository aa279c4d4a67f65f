package dev.hamtlab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.HostCanary.WorkingSet;
import dev.hamtlab.bench.measure.HostWatch;
import dev.hamtlab.bench.results.ResultsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host watched around each fork: read from the fork log, the marking rule, and the report's section on it. */
class HostSectionTest {
    private static final String INSERT = "dev.hamtlab.bench.MapBenchmark.insert";
    private static final String SECTION = "## The host during the run";
    /** A quiet host's canary: ns per load at 1, 8 and 64 MB. */
    private static final double[] QUIET = {3, 20, 100};

    @TempDir
    Path folder;

    private final List<String> forkLog = new ArrayList<>();

    @BeforeEach
    void rawFolder() throws IOException {
        Files.createDirectories(folder.resolve(ResultsFolder.RAW));
    }

    @Test
    void forksReadOldThreeFieldLinesAndWatchedLines() throws IOException {
        fork("phase0", 1, 200);
        fork("phase0", 2, 210);
        forkLog.set(0, "insert_phase0_1K_f01.json\t2025-01-01T00:01:00Z\t1.50 0.90 0.40");
        writeForkLog();
        List<Forks.Fork> read = Forks.read(folder).stream().sorted(Comparator.comparing(Forks.Fork::file)).toList();
        assertEquals(HostWatch.UNWATCHED, read.get(0).host());
        assertEquals("1.50 0.90 0.40", read.get(0).loadAverage());
        assertEquals(new HostWatch(QUIET, QUIET, 0.001), read.get(1).host());
        assertEquals("2025-01-01T00:02:00Z", read.get(1).started());
    }

    @Test
    void aCanaryFarAboveTheRunsMedianMarksItsForkAndOneNearItDoesNot() {
        List<Forks.Fork> forks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            forks.add(fork(new HostWatch(QUIET, QUIET, 0.001)));
        }
        Forks.Fork evicted = fork(new HostWatch(QUIET, new double[] {3, 60, 100}, 0.001));
        Forks.Fork slowMemory = fork(new HostWatch(new double[] {3, 20, 300}, QUIET, 0.001));
        Forks.Fork near = fork(new HostWatch(new double[] {3, 24, 120}, new double[] {3, 24, 120}, 0.001));
        Forks.Fork stolen = fork(new HostWatch(QUIET, QUIET, 0.2));
        Forks.Fork slowCore = fork(new HostWatch(new double[] {30, 20, 100}, QUIET, 0.001));
        forks.addAll(List.of(evicted, slowMemory, near, stolen, slowCore, fork(HostWatch.UNWATCHED)));
        HostMarking marking = new HostMarking(forks);
        assertEquals(100, marking.median(WorkingSet.DRAM));
        assertTrue(marking.marked(evicted) && marking.marked(slowMemory) && marking.marked(stolen));
        assertFalse(marking.marked(near), "20% above the median");
        assertFalse(marking.marked(slowCore), "the L2 canary is shown, not judged");
        assertFalse(marking.marked(forks.get(forks.size() - 1)), "unwatched");
        assertTrue(marking.rule().contains("more than 25% above the run's median"), marking.rule());
    }

    @Test
    void leavingOutTheMarkedForksShowsTheVerdictsThatChange() throws IOException {
        double[] phase0 = {196, 198, 200, 200, 202, 204};
        double[] phase1 = {98, 99, 100, 101, 102};
        for (int i = 0; i < phase0.length; i++) {
            fork("phase0", i + 1, phase0[i]);
        }
        for (int i = 0; i < phase1.length; i++) {
            fork("phase1", i + 1, phase1[i]);
        }
        // phase1's slowest fork ran while the memory was busy: three times the run's 64 MB canary after it.
        forkLog.set(forkLog.size() - 1, "insert_phase1_1K_f05.json\t2025-01-01T00:05:00Z\t1.00 1.00 1.00\t"
                + new HostWatch(QUIET, new double[] {3, 20, 300}, 0.002).fields());
        writeForkLog();
        String section = section();
        assertTrue(section.contains("more than 25% above the run's median at that working set (20.0 and 100.0 ns"),
                section);
        assertEquals(List.of("insert", "1K", "phase1", "5", "1", "100.0", "102.0", "2.00×", "–",
                "+0.71", "0.1% to 0.2%"),
                row(section, "| insert | 1K | phase1 |"));
        assertEquals(List.of("insert", "1K", "phase0", "6", "0"),
                row(section, "| insert | 1K | phase0 |").subList(0, 5));
        assertTrue(section.contains("Judged again without the 1 marked fork"), section);
        assertEquals(List.of("insert", "1K", "phase1 vs phase0", "+100.0% faster", "too few forks"),
                row(section, "| insert | 1K | phase1 vs phase0 |"));
    }

    @Test
    void theAaControlsHalfWidthIsShownWithoutTheMarkedForks() throws IOException {
        double[] means = {98, 99, 100, 101, 102, 100};
        for (int i = 0; i < means.length; i++) {
            fork("phase1", i + 1, means[i]);
            fork("phase1-control", i + 1, i == 5 ? 200 : means[i]);
        }
        // The control's 2x fork ran while another tenant loaded the memory.
        forkLog.set(forkLog.size() - 1, "insert_phase1-control_1K_f06.json\t2025-01-01T00:06:00Z\t1.00 1.00 1.00\t"
                + new HostWatch(QUIET, new double[] {3, 20, 300}, 0.002).fields());
        writeForkLog();
        String section = section();
        List<String> control = row(section.substring(section.indexOf("The A/A control's half-width")),
                "| insert | 1K | ");
        double all = Double.parseDouble(control.get(2).replace("%", ""));
        assertTrue(control.get(3).endsWith("(5 forks a side)"), control.toString());
        double quiet = Double.parseDouble(control.get(3).substring(0, control.get(3).indexOf('%')));
        assertTrue(quiet < all, control.toString());
    }

    @Test
    void onAQuietHostNoForkIsMarkedAndTheRunsCorrelationIsGiven() throws IOException {
        for (int i = 0; i < 6; i++) {
            fork("phase0", i + 1, 200 + i);
            fork("phase1", i + 1, 100 + i);
        }
        writeForkLog();
        String section = section();
        assertTrue(section.contains("No fork is marked"), section);
        // Every canary alike: no rank correlation to give, per cell or across the run's 12 forks.
        assertTrue(section.contains("Across the run's 12 watched forks")
                && section.contains("is – at 8 MB and – at 64 MB"),
                section);
        assertEquals(List.of("0", "102.5", "105.0", "1.00×", "–", "–", "0.1% to 0.1%"),
                row(section, "| insert | 1K | phase1 |").subList(4, 11));
    }

    @Test
    void aRunWithoutCanarySaysTheHostWasNotWatched() throws IOException {
        fork("phase0", 1, 200);
        forkLog.set(0, "insert_phase0_1K_f01.json\t2025-01-01T00:01:00Z\t1.50 0.90 0.40");
        writeForkLog();
        assertTrue(section().startsWith(SECTION + "\n\nThe host was not watched"), section());
    }

    /**
     * One insert fork at 1K, its raw file, and its watched line in the fork log (a quiet host's
     * canary, 0.1% steal); {@code stem} is the implementation, or "impl-control" for the A/A control's second label.
     */
    private void fork(String stem, int number, double nanos) throws IOException {
        String impl = stem.replace("-control", "");
        String file = String.format(Locale.ROOT, "insert_%s_1K_f%02d.json", stem, number);
        String params = "{ \"impl\" : \"" + impl + "\", \"size\" : \"1K\", \"profile\" : \"monomorphic\", \"arm\" : \""
                + (stem.endsWith("-control") ? "control" : "primary") + "\" }";
        Files.writeString(folder.resolve(ResultsFolder.RAW).resolve(file),
                "[" + CannedRun.run(INSERT, impl, "1K", params, new double[] {nanos}, 0, 0) + "]\n");
        forkLog.add(file + "\t2025-01-01T00:0" + number + ":00Z\t1.00 1.00 1.00\t"
                + new HostWatch(QUIET, QUIET, 0.001).fields());
    }

    private void writeForkLog() throws IOException {
        Files.writeString(folder.resolve(ResultsFolder.FORK_LOG),
                forkLog.stream().map(l -> l + "\n").collect(Collectors.joining()));
    }

    private static Forks.Fork fork(HostWatch host) {
        return new Forks.Fork(Operation.INSERT, Size.ONE_K,
                new Label(Implementation.PHASE1, false, TypeProfile.MONOMORPHIC,
                KeyPattern.RANDOM), "insert_phase1_1K_f01.json", 0, 100, 0, 0, 0, "", "", host, Forks.Iterations.FIXED);
    }

    /** The report's host section, from its heading to the next. */
    private String section() throws IOException {
        Report.write(folder);
        String report = Files.readString(folder.resolve(ResultsFolder.REPORT));
        int start = report.indexOf(SECTION);
        assertTrue(start >= 0, report);
        int end = report.indexOf("\n## ", start + SECTION.length());
        return report.substring(start, end < 0 ? report.length() : end + 1);
    }

    /** The cells of the first row that starts with {@code prefix}. */
    private static List<String> row(String markdown, String prefix) {
        String row = markdown.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError(prefix));
        return List.of(row.substring(2, row.length() - 2).split(" \\| "));
    }
}
