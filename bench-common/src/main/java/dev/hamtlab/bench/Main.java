package dev.hamtlab.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The runner: runs each (operation, implementation, size) as its own JMH run, keeps each finished
 * result at once in the results folder's raw/, with a phase's {@link PoolCounters} beside it, and
 * writes the report from there.
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: " + RunOptions.launcher() + " [options]   run benchmarks and write a report",
            "       " + RunOptions.launcher() + " report FOLDER   rebuild FOLDER/report.md from FOLDER/raw",
            "       " + RunOptions.launcher() + " publish FOLDER  copy FOLDER's tables into README.md and the phase READMEs",
            "options:",
            "  --preset NAME    " + Choice.list(Preset.values()) + " (default quick)",
            "  --impls A,B      " + Choice.list(Implementation.values()) + " (default all)",
            "  --sizes A,B      " + Choice.list(Size.values()) + " (default: the preset's, " + presetSizes() + ")",
            "  --ops A,B        " + Choice.list(Operation.values()) + " (default all)",
            "  --gc NAME        the forks' collector: " + Choice.list(Collector.values()) + " (default g1)",
            "  --out FOLDER     results folder (default results/<date>-<commit>-<preset>)",
            "  --force          replace the results of an existing, non-empty results folder");

    private Main() {
    }

    /** For example "smoke 1K; quick 1K,100K". */
    private static String presetSizes() {
        return Stream.of(Preset.values())
                .map(preset -> preset.cliName() + " " + preset.defaultSizes().stream().map(Size::cliName).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 bad input (nothing written). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length > 0 && args[0].equals("report")) {
                Path folder = resultsFolder(args, "report");
                Report.write(folder);
                out.println("hamtlab: wrote " + folder.resolve(Report.REPORT_FILE));
                return 0;
            }
            if (args.length > 0 && args[0].equals("publish")) {
                for (Path readme : Publish.readmes(resultsFolder(args, "publish"), Path.of(""))) {
                    out.println("hamtlab: wrote " + readme);
                }
                return 0;
            }
            if (List.of(args).contains("--help")) {
                out.println(USAGE);
                return 0;
            }
            return benchmark(RunOptions.parse(args), out, err);
        } catch (BadInput e) {
            err.println("hamtlab: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("hamtlab: " + e.getMessage());
            return 1;
        }
    }

    /** The results folder a {@code report} or {@code publish} command names. */
    private static Path resultsFolder(String[] args, String command) throws BadInput {
        if (args.length != 2) {
            throw new BadInput("usage: " + command + " FOLDER, where FOLDER is a results folder holding raw/*.json");
        }
        Path folder = Path.of(args[1]);
        if (!Files.isDirectory(folder.resolve(Report.RAW_FOLDER))) {
            throw new BadInput("'" + folder + "' has no raw/ folder; give a results folder, e.g. results/<run>");
        }
        return folder;
    }

    private static int benchmark(RunOptions options, PrintStream out, PrintStream err) throws IOException {
        Path folder = options.out();
        Path raw = folder.resolve(Report.RAW_FOLDER);
        if (options.force()) {
            deleteEarlierResults(folder);
        }
        Files.createDirectories(raw);
        Environment.write(folder, Environment.collect(options));

        int total = options.operations().size() * options.sizes().size() * options.implementations().size();
        out.println("hamtlab: " + total + " benchmarks, preset " + options.preset().cliName() + " ("
                + options.preset().settings() + "), writing " + folder);
        out.println("hamtlab: if the run is cut short, build the report of what finished with: "
                + Report.rebuildCommand(folder));
        boolean counting = PoolCounters.enabled();
        if (!counting && options.implementations().stream().anyMatch(Implementation::isPhase)) {
            err.println("hamtlab: warning: no pool counters in this run: the runner's JVM lacks -D"
                    + PoolCounters.PROPERTY + "=true (./bench gives it)");
        }
        Progress progress = new Progress(total);
        int failed = 0;
        // Operation, then size, then implementation: a run cut short still has whole comparison rows.
        for (Operation operation : options.operations()) {
            for (Size size : options.sizes()) {
                for (Implementation implementation : options.implementations()) {
                    String label = progress.label(operation, implementation, size);
                    try {
                        Result score = runOne(options.preset(), options.collector(), operation, implementation, size, raw);
                        if (counting && implementation.isPhase()) {
                            writeWhole(raw.resolve(PoolCounters.FILE_PREFIX + Report.rawFileName(operation, implementation, size)),
                                    PoolCounters.json(PoolCounters.count(operation, implementation, size)));
                        }
                        out.println(label + Report.score(score.getScore(), score.getScoreError()) + " ns/op" + progress.times());
                    } catch (RunnerException e) {
                        failed++;
                        out.println(label + "FAILED" + progress.times());
                        err.println("hamtlab: " + operation.cliName() + " " + implementation.cliName() + " "
                                + size.cliName() + " failed: " + reason(e));
                    }
                }
            }
        }
        Report.write(folder);
        out.println("hamtlab: wrote " + folder.resolve(Report.REPORT_FILE));
        if (failed > 0) {
            err.println("hamtlab: " + failed + " of " + total + " benchmarks failed; the report shows them as missing");
            return 1;
        }
        return 0;
    }

    /** Runs one benchmark and writes its JMH JSON to raw/, whole or not at all. */
    private static Result runOne(Preset preset, Collector collector, Operation operation, Implementation implementation,
            Size size, Path raw) throws RunnerException, IOException {
        Collection<RunResult> results = new Runner(jmhOptions(preset, collector, operation, implementation, size)).run();
        if (results.size() != 1) {
            throw new RunnerException("expected one result, JMH returned " + results.size());
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(json, false, StandardCharsets.UTF_8);
        ResultFormatFactory.getInstance(ResultFormatType.JSON, stream).writeOut(results);
        stream.flush();
        writeWhole(raw.resolve(Report.rawFileName(operation, implementation, size)), json.toString(StandardCharsets.UTF_8));
        return results.iterator().next().getPrimaryResult();
    }

    /** Writes a file whole or not at all, so a run cut short leaves no half file for the report. */
    private static void writeWhole(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, text);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    static Options jmhOptions(Preset preset, Collector collector, Operation operation, Implementation implementation,
            Size size) {
        return preset.applyTo(new OptionsBuilder(), collector)
                .include("^" + Pattern.quote(operation.benchmarkName()) + "$")
                .param("impl", implementation.cliName())
                .param("size", size.cliName())
                // Each call handles all keys of the size; this makes the score ns per key.
                .operationsPerInvocation(size.count())
                // Bytes allocated and collections, per measured iteration.
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
    }

    /**
     * --force: an earlier run's results and report go first, so the report never mixes two runs;
     * its environment files are about to be rewritten.
     */
    private static void deleteEarlierResults(Path folder) throws IOException {
        Path raw = folder.resolve(Report.RAW_FOLDER);
        if (Files.exists(raw)) {
            try (Stream<Path> paths = Files.walk(raw)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (String file : List.of(Report.REPORT_FILE, Report.SUMMARY_FILE)) {
            Files.deleteIfExists(folder.resolve(file));
        }
    }

    private static String reason(RunnerException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        // JMH attaches the benchmark's own exception to its BenchmarkException as a suppressed one.
        return Stream.of(cause.getSuppressed()).map(Throwable::toString).findFirst().orElse(cause.toString());
    }

    /** The progress line: "[ 7/36] query-hit  phase1   10K   23.4 ± 0.8 ns/op   (elapsed 1:02, about 4:10 left)". */
    private static final class Progress {
        private final int total;
        private final long start = System.nanoTime();
        private int done;

        Progress(int total) {
            this.total = total;
        }

        String label(Operation operation, Implementation implementation, Size size) {
            int digits = String.valueOf(total).length();
            return String.format(Locale.ROOT, "[%" + digits + "d/%d] %-" + width(Operation.values()) + "s %-"
                    + width(Implementation.values()) + "s %-" + width(Size.values()) + "s ",
                    done + 1, total, operation.cliName(), implementation.cliName(), size.cliName());
        }

        /** Call once per finished benchmark; the estimate assumes the rest take as long on average. */
        String times() {
            done++;
            long elapsed = System.nanoTime() - start;
            String left = done == total ? "done" : "about " + clock(elapsed / done * (total - done)) + " left";
            return "   (elapsed " + clock(elapsed) + ", " + left + ")";
        }

        private static int width(Choice[] choices) {
            return Stream.of(choices).mapToInt(c -> c.cliName().length()).max().orElse(0) + 1;
        }

        private static String clock(long nanos) {
            long seconds = nanos / 1_000_000_000L;
            return seconds >= 3600
                    ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                    : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
    }
}
