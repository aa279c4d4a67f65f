package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.nanos;
import static dev.hamtlab.bench.report.Format.opsPerSecond;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** Every cell with its forks' median and spread, and forks.md: every fork in the order it ran. */
final class ForkTables {
    private final Run run;

    ForkTables(Run run) {
        this.run = run;
    }

    /** Every cell: its forks, their median, and their spread. */
    String allResults() {
        StringBuilder text = new StringBuilder("## All results\n\n")
                .append("| Operation | Implementation | Scale | Forks | Median ns/op | Fastest fork | Slowest fork | ops/s |\n")
                .append("|-----------|----------------|-------|------:|------:|------:|------:|------:|\n");
        for (Operation operation : run.operations) {
            for (Size size : run.sizes) {
                for (Label label : run.labelsWithOtherPlatforms(operation, size)) {
                    double[] nanos = run.comparisons.nanos(operation, size, label);
                    Optional<Double> median = run.comparisons.median(operation, size, label);
                    text.append("| ").append(operation.cliName())
                            .append(" | ").append(label.displayName())
                            .append(" | ").append(size.cliName())
                            .append(" | ").append(nanos.length)
                            .append(" | ").append(median.map(Format::nanos).orElse(MISSING))
                            .append(" | ").append(nanos.length == 0 ? MISSING
                                    : nanos(Arrays.stream(nanos).min().getAsDouble()))
                            .append(" | ").append(nanos.length == 0 ? MISSING
                                    : nanos(Arrays.stream(nanos).max().getAsDouble()))
                            .append(" | ").append(median.map(Format::opsPerSecond).orElse(MISSING))
                            .append(" |\n");
                }
            }
        }
        return text.toString();
    }

    /** forks.md: every fork in the order it ran, with what else the machine was doing. */
    String forkTable() {
        StringBuilder text = new StringBuilder("# Forks of ").append(run.folder.getFileName()).append("\n\n")
                .append("Every fork in the order it ran (by start time; forks of runs made before the fork log by file),")
                .append(" with its mean, the collections and the total collection pause time over its measured iterations,")
                .append(" and the machine's load average (1, 5, 15 min) when it started.\n\n")
                .append("| Started | Operation | Scale | Label | Fork file | ns/op | GCs | GC pause ms | Load average |\n")
                .append("|---------|-----------|-------|-------|-----------|------:|----:|------:|--------------|\n");
        run.forks.stream()
                .sorted(Comparator.comparing(Forks.Fork::started).thenComparing(Forks.Fork::file)
                        .thenComparingInt(Forks.Fork::index))
                .forEach(f -> text.append("| ").append(f.started().isEmpty() ? MISSING : f.started())
                        .append(" | ").append(f.operation().cliName())
                        .append(" | ").append(f.size().cliName())
                        .append(" | ").append(f.label().displayName())
                        .append(" | ").append(f.file()).append(f.index() > 0 ? " #" + (f.index() + 1) : "")
                        .append(" | ").append(nanos(f.nanos()))
                        .append(" | ").append(Double.isNaN(f.gcCount()) ? MISSING
                                : String.format(Locale.ROOT, "%.0f", f.gcCount()))
                        .append(" | ").append(Double.isNaN(f.gcMillis()) ? MISSING
                                : String.format(Locale.ROOT, "%.0f", f.gcMillis()))
                        .append(" | ").append(f.loadAverage().isEmpty() ? MISSING : f.loadAverage())
                        .append(" |\n"));
        return text.toString();
    }
}
