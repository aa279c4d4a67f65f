package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.legend;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.results.Launcher;
import dev.hamtlab.bench.results.ResultsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes report.md, summary.md and forks.md of a results folder from its raw JMH JSON, its fork log
 * and its environment.json alone, so cached results rebuild the report without rerunning anything:
 * the run as {@link Run} reads it, rendered section by section, each section a class of its own.
 */
public final class Report {
    private final Run run;
    private final ComparisonTables tables;

    private Report(Run run) {
        this.run = run;
        this.tables = new ComparisonTables(run);
    }

    /** The report of a results folder, read from its files. */
    public static Report read(Path folder) throws IOException {
        return new Report(Run.read(folder));
    }

    /** The sizes the run planned or measured. */
    public List<Size> sizes() {
        return run.sizes;
    }

    /** The key patterns the run planned or measured. */
    public List<KeyPattern> keys() {
        return run.keys;
    }

    /** The implementations the run planned or measured. */
    public List<Implementation> implementations() {
        return run.implementations;
    }

    /** The name of one fork's JMH JSON in raw/. */
    public static String rawFileName(Operation operation, Label label, Size size, int fork) {
        return String.format(Locale.ROOT, "%s_%s_%s_f%02d.json", operation.cliName(),
                label.fileStem(), size.cliName(), fork);
    }

    /** The name of a phase's counters file in raw/. */
    public static String countersFileName(Operation operation, Implementation implementation,
            KeyPattern keys, Size size) {
        return PoolCounters.FILE_PREFIX + operation.cliName() + "_" + new Label(implementation, false,
                TypeProfile.MONOMORPHIC, keys).fileStem() + "_" + size.cliName() + ".json";
    }

    /** Writes the folder's report.md, with its charts, summary.md and forks.md. */
    public static void write(Path folder) throws IOException {
        Report report = read(folder);
        Files.writeString(folder.resolve(ResultsFolder.REPORT), report.full(report.run.drawCharts()));
        Files.writeString(folder.resolve(ResultsFolder.SUMMARY), report.summary());
        Files.writeString(folder.resolve(ResultsFolder.FORKS), new ForkTables(report.run).forkTable());
    }

    /** The command that rebuilds the folder's report. */
    public static String rebuildCommand(Path folder) {
        return Launcher.name() + " report " + folder;
    }

    private String full(List<RunCharts.Drawn> charts) {
        FamiliesSection familiesSection = new FamiliesSection(run.families, run.comparisons);
        return "# hamtlab benchmark report: " + run.folder.getFileName() + "\n\n"
                + familiesSection.failures()
                + howItWasMade() + "\n"
                + new ResolutionSection(run).markdown()
                + new GoalsSection(run).markdown(implementation -> true)
                + familiesSection.section()
                + new IterationsSection(run.forks, run.operations, run.sizes).section()
                + (charts.isEmpty() ? "" : "## Charts\n\n" + charts.stream().map(c -> c.markdown("") + "\n\n")
                        .collect(Collectors.joining()))
                + new MapsSection(run).markdown()
                + tables.comparisons(implementation -> true)
                + new ProfilesSection(run, tables).profileComparisons()
                + new PlatformsSection(run, tables).markdown()
                + new ProfilesSection(run, tables).whereTheTimeGoes()
                + new MemorySection(run).allocation()
                + new MemorySection(run).footprint()
                + new ShapesSection(run).trieShapes()
                + new ShapesSection(run).poolCounters()
                + new HostSection(run.forks, run.comparisons, run.families).markdown()
                + new ForkTables(run).allResults();
    }

    String summary() {
        return new FamiliesSection(run.families, run.comparisons).failures()
                + new ReadmeBlocks(run).origin() + legend() + "\n\n"
                + new ResolutionSection(run).markdown() + new GoalsSection(run).markdown(implementation -> true)
                + tables.comparisons(implementation -> true);
    }

    private String howItWasMade() {
        StringBuilder text = new StringBuilder("## How this was made\n\n");
        run.facts.ifPresentOrElse(f -> text
                .append("- Command: `").append(f.command()).append("`, run in `")
                .append(f.workingDirectory()).append("`\n")
                .append("- Preset: ").append(f.preset()).append(": ").append(f.presetSettings())
                .append("; forked JVMs' flags: ")
                .append(f.forkJvmFlags().isEmpty() ? "none (no fork)" : String.join(" ", f.forkJvmFlags())).append("\n")
                .append("- Forks: each round gives every label one fork, in an order shuffled by seed ")
                .append(f.seed())
                .append("; the fork log, with each fork's collections, pause time and load average, is [")
                .append(ResultsFolder.FORKS).append("](").append(ResultsFolder.FORKS).append(")\n")
                .append("- Load average (1, 5, 15 min): ").append(f.loadAverageAtStart()).append(" at the start, ")
                .append(f.loadAverageAtEnd() == null ? "not recorded at the end (cut short?)"
                        : f.loadAverageAtEnd() + " at the end")
                .append("\n")
                .append("- Environment: ").append(f.summary()).append("; all details in [")
                .append(ResultsFolder.ENVIRONMENT_MARKDOWN).append("](")
                .append(ResultsFolder.ENVIRONMENT_MARKDOWN).append(")\n"),
                () -> text.append("- Environment: unknown, the folder has no ")
                        .append(ResultsFolder.ENVIRONMENT_JSON).append("\n"));
        text.append("- Generated from ").append(run.forks.size()).append(" forks in ").append(ResultsFolder.RAW)
                .append("/*.json (JMH's JSON); rebuild it with `").append(rebuildCommand(run.folder)).append("`\n");
        text.append("- ").append(legend()).append("\n");
        Map<String, Long> verdicts = run.phaseVerdicts();
        if (!verdicts.isEmpty()) {
            text.append("- Phase against phase: ").append(judgedCount(verdicts)).append(" comparisons; verdicts: ")
                    .append(verdicts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", ")))
                    .append("\n");
        }
        if (run.facts.map(Environment.Facts::fromSmokeRun).orElse(false)) {
            text.append("- Smoke preset: these runs only prove that the benchmarks work; their numbers mean nothing.\n");
        }
        long missing = run.missingCells();
        if (missing > 0) {
            text.append("- ").append(missing).append(" planned cells have no fork (failed or cut short): ")
                    .append(MISSING).append(" in the tables.\n");
        }
        return text.toString();
    }

    private static long judgedCount(Map<String, Long> verdicts) {
        return verdicts.values().stream().mapToLong(Long::longValue).sum();
    }
}
