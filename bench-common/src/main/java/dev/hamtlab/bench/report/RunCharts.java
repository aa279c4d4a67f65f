package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.results.ResultsFolder;
import dev.hamtlab.bench.stats.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The charts of a run's report, drawn into its charts/ folder from the same medians and
 * comparisons as its tables: ns per op against size for each operation, each phase's improvement
 * over the one before against size, and bytes per entry against size.
 */
public final class RunCharts {
    private static final List<Operation> HEADLINE_OPERATIONS = List.of(Operation.INSERT,
            Operation.QUERY_HIT, Operation.CHURN);
    private static final List<Operation> BRIEF_OPERATIONS = List.of(Operation.INSERT, Operation.QUERY_HIT);

    /** What a chart shows. */
    enum Kind { NANOS_BY_SIZE, IMPROVEMENT_BY_SIZE, BYTES_BY_SIZE }

    private RunCharts() {
    }

    /** A chart drawn: its title, and its file in charts/. */
    record Drawn(String title, String file, Kind kind, Optional<Operation> operation) {
        /** Whether a README shows it: insert, query-hit and churn, the operations the study turns on, and the bytes. */
        boolean headline(boolean withImprovements) {
            return kind == Kind.BYTES_BY_SIZE || operation.filter(HEADLINE_OPERATIONS::contains).isPresent()
                    && (kind == Kind.NANOS_BY_SIZE || withImprovements);
        }

        /** Whether the top README shows it: the time by size of insert and of query-hit, the two every map is known by. */
        boolean brief() {
            return kind == Kind.NANOS_BY_SIZE && operation.filter(BRIEF_OPERATIONS::contains).isPresent();
        }

        /** The Markdown image, its path relative to the folder that holds the results folder's charts/ at {@code prefix}. */
        String markdown(String prefix) {
            return "![" + title + "](" + prefix + ResultsFolder.CHARTS + "/" + file + ")";
        }
    }

    /**
     * Draws every chart the run's data allow, on the main platform under the first key pattern and
     * profile ({@code like}'s), and returns them in the report's order. Charts need two sizes or more.
     */
    static List<Drawn> draw(Path folder, List<Operation> operations, List<Size> sizes,
            List<Implementation> implementations,
            Label like, Comparisons comparisons, List<Footprint.Measured> footprints) throws IOException {
        List<Drawn> drawn = new ArrayList<>();
        if (sizes.size() < 2) {
            return drawn;
        }
        Path charts = folder.resolve(ResultsFolder.CHARTS);
        Files.createDirectories(charts);
        double[] x = sizes.stream().mapToDouble(Size::count).toArray();
        String keys = like.keys().displayName() + " keys";
        for (Operation operation : operations) {
            List<Charts.Series> lines = new ArrayList<>();
            for (Implementation implementation : implementations) {
                double[] nanos = sizes.stream()
                        .mapToDouble(size -> comparisons.median(operation, size, like.with(implementation))
                        .orElse(Double.NaN)).toArray();
                lines.add(Charts.Series.of(implementation.displayName(), x, nanos));
            }
            Drawn chart = new Drawn(operation.cliName() + ": ns per op by size, " + keys,
                    operation.cliName() + "-ns-by-size.png",
                    Kind.NANOS_BY_SIZE, Optional.of(operation));
            Charts.logLog(charts.resolve(chart.file()), chart.title(), "keys in the map",
                    "ns per op (median of forks)", lines);
            drawn.add(chart);
        }
        for (Operation operation : operations) {
            List<Charts.Series> improvements = new ArrayList<>();
            for (Implementation phase : implementations) {
                Optional<Implementation> before = phase.beforeAmong(implementations);
                if (phase.isPhase() && before.isPresent()) {
                    improvements.add(improvement(operation, sizes, x, like.with(before.get()),
                            like.with(phase), comparisons));
                }
            }
            if (!improvements.isEmpty()) {
                Drawn chart = new Drawn(operation.cliName() + ": each phase against the one before, " + keys,
                        operation.cliName() + "-phase-improvement.png",
                                Kind.IMPROVEMENT_BY_SIZE, Optional.of(operation));
                Charts.intervals(charts.resolve(chart.file()), chart.title(), "keys in the map",
                        "improvement, % (95% interval)", improvements);
                drawn.add(chart);
            }
        }
        List<Charts.Series> bytes = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            for (Implementation implementation : implementations) {
                double[] perEntry = sizes.stream().mapToDouble(size -> footprints.stream()
                        .filter(f -> f.platformOrG1() == platform && f.implementation().equals(implementation.cliName())
                                && f.keys().equals(like.keys().cliName()) && f.size().equals(size.cliName()))
                        .findFirst().map(Footprint.Measured::bytesPerEntry).orElse(Double.NaN)).toArray();
                bytes.add(Charts.Series.of(implementation.displayName()
                        + (platform == Platform.G1 ? "" : " (" + platform.displayName() + ")"), x, perEntry));
            }
        }
        if (bytes.stream().anyMatch(s -> Arrays.stream(s.y()).anyMatch(Double::isFinite))) {
            Drawn chart = new Drawn("Bytes per entry by size, " + keys, "bytes-per-entry.png", Kind.BYTES_BY_SIZE,
                    Optional.empty());
            Charts.logX(charts.resolve(chart.file()), chart.title(), "keys in the map",
                    "bytes per entry, keys excluded", bytes);
            drawn.add(chart);
        }
        return drawn;
    }

    /** The after label's improvement over the before label at each size, in percent, with its interval where judged. */
    private static Charts.Series improvement(Operation operation, List<Size> sizes, double[] x,
            Label before, Label after,
            Comparisons comparisons) {
        int n = sizes.size();
        double[] y = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            Optional<Comparison> judged = comparisons.judged(new Comparisons.Pair(operation,
                    sizes.get(i), before, after))
                    .map(Comparisons.Judged::comparison);
            y[i] = judged.map(c -> c.improvement() * 100).orElse(Double.NaN);
            low[i] = judged.map(c -> (c.low() - 1) * 100).orElse(Double.NaN);
            high[i] = judged.map(c -> (c.high() - 1) * 100).orElse(Double.NaN);
        }
        return new Charts.Series(after.implementation().displayName() + " vs "
                + before.implementation().displayName(), x, y,
                low, high);
    }
}
