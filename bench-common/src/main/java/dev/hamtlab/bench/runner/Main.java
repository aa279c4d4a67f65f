package dev.hamtlab.bench.runner;

import com.google.gson.JsonParser;
import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.CallTime;
import dev.hamtlab.bench.measure.CpuTimes;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.HostCanary;
import dev.hamtlab.bench.measure.HostWatch;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.profile.Profiling;
import dev.hamtlab.bench.report.Compare;
import dev.hamtlab.bench.report.Publish;
import dev.hamtlab.bench.report.Report;
import dev.hamtlab.bench.report.RunCharts;
import dev.hamtlab.bench.stats.ForkStatistics;
import dev.hamtlab.bench.stats.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The runner: runs every fork as its own JMH run, the forks of all labels of one (size, operation)
 * interleaved in shuffled rounds, keeps each finished fork at once in the results folder's raw/,
 * with a phase's {@link PoolCounters} beside them, and writes the report from there.
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: " + RunOptions.launcher() + " [options]   run benchmarks and write a report",
            "       " + RunOptions.launcher() + " profile [options]  CPU and allocation flame graphs of every selected cell,",
            "                   e.g. profile --impls phase3 --ops churn --sizes 1M --gc g1,parallel",
            "       " + RunOptions.launcher() + " resume FOLDER [--force]  continue the run cut short in FOLDER: the same forks in the",
            "                   same order, skipping those FOLDER holds (--force: even at another commit than the run's)",
            "       " + RunOptions.launcher() + " report FOLDER   rebuild FOLDER/report.md from FOLDER/raw",
            "       " + RunOptions.launcher() + " publish FOLDER  copy FOLDER's tables into README.md and the phase READMEs",
            "       " + RunOptions.launcher() + " shapes FOLDER   add the phases' trie shapes at FOLDER's sizes and keys, rebuild its report",
            "       " + RunOptions.launcher() + " footprint FOLDER  add every map's bytes per entry at FOLDER's sizes and keys, rebuild its report",
            "       " + RunOptions.launcher() + " compare A B     the ratio table of two results folders' common cells",
            "options:",
            "  --preset NAME    " + Choice.list(Preset.values()) + " (default quick)",
            "  --impls A,B      " + Choice.list(Implementation.values()) + " (default: the preset's)",
            "  --sizes A,B      " + Size.VALID + " (default: the preset's, " + presetSizes() + ")",
            "  --keys A,B       key patterns: " + Choice.list(KeyPattern.values()) + " (default: the preset's; random but for peers)",
            "  --ops A,B        " + Choice.list(Operation.values()) + " (default: the preset's; all but for peers)",
            "  --profiles A,B   type profiles: " + Choice.list(TypeProfile.values()) + " (default monomorphic)",
            "  --forks N        forks of each implementation, 2 to " + RunOptions.MAX_FORKS + " (default: the preset's)",
            "  --seed N         the seed that shuffles each round of forks (default: the clock; recorded)",
            "  --gc A,B         the forks' collectors: " + Choice.list(Platform.COLLECTORS.toArray(Platform[]::new))
                    + " (default g1; every cell on each)",
            "  --jdk PATH       a JDK 25: adds JDK 25 G1 with and without compact object headers (the full preset finds one",
            "                   where JDKs are installed)",
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
            if (args.length > 0 && args[0].equals(Resume.COMMAND)) {
                Resume resume = Resume.parse(args);
                return benchmark(resume.options(), resume.start(), out, err);
            }
            if (args.length > 0 && args[0].equals("report")) {
                Path folder = resultsFolder(args, "report");
                Report.write(folder);
                out.println("hamtlab: wrote " + folder.resolve(Report.REPORT_FILE));
                return 0;
            }
            if (args.length > 0 && (args[0].equals("shapes") || args[0].equals("footprint"))) {
                Path folder = resultsFolder(args, args[0]);
                Report planned = Report.read(folder);
                Path raw = folder.resolve(Report.RAW_FOLDER);
                for (Size size : planned.sizes()) {
                    for (KeyPattern keys : planned.keys()) {
                        if (args[0].equals("shapes")) {
                            TrieShapes.write(raw, planned.implementations(), keys, size);
                        } else {
                            Footprint.write(raw, planned.implementations(), keys, size);
                        }
                    }
                }
                Report.write(folder);
                out.println("hamtlab: wrote the " + (args[0].equals("shapes") ? "trie shapes" : "footprints") + " into "
                        + raw + " and " + folder.resolve(Report.REPORT_FILE));
                return 0;
            }
            if (args.length > 0 && args[0].equals("publish")) {
                for (Path readme : Publish.readmes(resultsFolder(args, "publish"), Path.of(""))) {
                    out.println("hamtlab: wrote " + readme);
                }
                return 0;
            }
            if (args.length > 0 && args[0].equals("compare")) {
                if (args.length != 3) {
                    throw new BadInput("usage: compare A B, where A and B are results folders holding raw/*.json");
                }
                out.print(Compare.table(resultsFolder(args[1]), resultsFolder(args[2])));
                return 0;
            }
            if (List.of(args).contains("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (args.length > 0 && args[0].equals("profile")) {
                return profile(RunOptions.parse(Arrays.copyOfRange(args, 1, args.length), true), out, err);
            }
            RunOptions options = RunOptions.parse(args);
            return benchmark(options, start(options, controlOf(options.implementations()), true), out, err);
        } catch (BadInput e) {
            err.println("hamtlab: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("hamtlab: " + e.getMessage());
            return 1;
        }
    }

    /** The results folder a {@code report}, {@code shapes} or {@code publish} command names. */
    private static Path resultsFolder(String[] args, String command) throws BadInput {
        if (args.length != 2) {
            throw new BadInput("usage: " + command + " FOLDER, where FOLDER is a results folder holding raw/*.json");
        }
        return resultsFolder(args[1]);
    }

    /** A folder named on the command line, refused unless it holds raw/. */
    static Path resultsFolder(String name) throws BadInput {
        Path folder = Path.of(name);
        if (!Files.isDirectory(folder.resolve(Report.RAW_FOLDER))) {
            throw new BadInput("'" + folder + "' has no raw/ folder; give a results folder, e.g. results/<run>");
        }
        return folder;
    }

    /**
     * Runs the forks of the plan that the folder does not hold yet, then the measurements and
     * profiles it lacks, and writes the report; {@code facts} is the run's environment, recorded.
     */
    private static int benchmark(RunOptions options, Environment.Facts facts, PrintStream out, PrintStream err)
            throws IOException {
        Path folder = options.out();
        Path raw = folder.resolve(Report.RAW_FOLDER);
        Implementation control = controlOf(options.implementations());
        List<ForkPlan.Fork> plan = ForkPlan.of(options, control);
        List<ForkPlan.Fork> toRun = ForkPlan.toRun(plan, raw);

        int mostLabels = 0;
        for (Operation operation : options.operations()) {
            for (Size size : options.sizes()) {
                mostLabels = Math.max(mostLabels, ForkPlan.labels(options, control, operation, size).size());
            }
        }
        out.println("hamtlab: " + plan.size() + " forks (up to " + mostLabels + " labels a cell, A/A control " + control.cliName()
                + "), preset " + options.preset().cliName() + " (" + options.preset().settings(options.forks())
                + "), fork order seed " + options.seed() + ", writing " + folder);
        int controls = options.operations().size() * options.sizes().size();
        int needed = ForkStatistics.fewestForksBelow(Verdict.ALPHA / controls);
        if (options.preset().sizedToWork() && options.forks() < needed) {
            err.println("hamtlab: warning: " + controls + " A/A controls need " + needed + " forks a side before one can read"
                    + " different under Holm's correction; with " + options.forks() + " the control is no test of this run");
        }
        if (!facts.resumed().isEmpty()) {
            out.println("hamtlab: resuming: " + (plan.size() - toRun.size()) + " of " + plan.size() + " forks already in "
                    + folder);
        }
        out.println("hamtlab: if the run is cut short, resume it with: " + Resume.command(folder)
                + ", or build the report of what finished with: " + Report.rebuildCommand(folder));
        boolean counting = PoolCounters.enabled();
        if (!counting && options.implementations().stream().anyMatch(Implementation::hasCounters)) {
            err.println("hamtlab: warning: no pool counters in this run: the runner's JVM lacks -D"
                    + PoolCounters.PROPERTY + "=true (./bench gives it)");
        }
        Progress progress = new Progress(toRun.size());
        HostCanary canary = new HostCanary();
        int failed = 0;
        // Size, then operation: a run cut short has every operation at the sizes it finished.
        for (Size size : options.sizes()) {
            // Only the maps the preset measures at this size: a flooded peer's map of 100K colliding keys takes minutes to build.
            List<Implementation> measured = options.implementations().stream()
                    .filter(i -> options.preset().measures(i, size)).toList();
            for (KeyPattern keys : options.keys()) {
                TrieShapes.write(raw, missing(raw, measured, i -> TrieShapes.fileName(i, keys, size)), keys, size);
                Footprint.write(raw, missing(raw, measured, i -> Footprint.fileName(i, keys, size, Platform.G1)), keys, size);
                for (Platform platform : options.allPlatforms()) {
                    if (platform.onJdk25()) {
                        List<Implementation> unmeasured = missing(raw, implementationsOn(options, platform),
                                i -> Footprint.fileName(i, keys, size, platform));
                        if (!unmeasured.isEmpty()) {
                            Footprint.writeOnJdk25(raw, unmeasured, keys, size, platform, options.jdk25().orElseThrow().java());
                        }
                    }
                }
            }
            for (Operation operation : options.operations()) {
                List<ForkPlan.Fork> cell = toRun.stream().filter(f -> f.operation() == operation && f.size().equals(size)).toList();
                if (!cell.isEmpty()) {
                    failed += runInterleaved(options, cell, iterationTimes(options.preset(), operation, size,
                            plan.stream().filter(f -> f.operation() == operation && f.size().equals(size)).toList(), raw, out),
                            canary, progress, out, err);
                }
                if (counting) {
                    writeCounters(raw, options, operation, size);
                }
            }
        }
        int profilesFailed = 0;
        List<Cell> unprofiled = options.profiled().stream().filter(cell -> !Profiling.has(folder, cell)).toList();
        if (!unprofiled.isEmpty()) {
            out.println("hamtlab: flame graphs of " + unprofiled.size() + " cells into " + folder.resolve(Profiling.FOLDER));
            profilesFailed = Profiling.run(unprofiled, folder, options.preset(), options.jdk25(), out, err);
        }
        Environment.write(folder, facts.finishedNow());
        Report.write(folder);
        out.println("hamtlab: wrote " + folder.resolve(Report.REPORT_FILE));
        if (failed > 0) {
            err.println("hamtlab: " + failed + " of " + toRun.size() + " forks failed; the report counts only those that finished");
        }
        if (profilesFailed > 0) {
            err.println("hamtlab: " + profilesFailed + " of " + unprofiled.size() + " profiles failed");
        }
        return failed > 0 || profilesFailed > 0 ? 1 : 0;
    }

    /**
     * Makes the run's folder (emptied first under --force) with its raw/ and records the
     * environment before anything runs, so even a run cut short names its machine; a timed run's
     * record holds what {@link Resume} needs to continue it.
     */
    private static Environment.Facts start(RunOptions options, Implementation control, boolean timed) throws IOException {
        if (options.force()) {
            deleteEarlierResults(options.out());
        }
        Files.createDirectories(options.out().resolve(Report.RAW_FOLDER));
        Environment.Facts facts = Environment.collect(options, control, timed);
        Environment.write(options.out(), facts);
        return facts;
    }

    /** The profile command: a profiled fork of every selected cell, then the report that links their flame graphs. */
    private static int profile(RunOptions options, PrintStream out, PrintStream err) throws IOException {
        Path folder = options.out();
        Environment.Facts facts = start(options, controlOf(options.implementations()), false);
        List<Cell> cells = new ArrayList<>();
        for (Size size : options.sizes()) {
            for (Operation operation : options.operations()) {
                for (KeyPattern keys : options.keys()) {
                    for (TypeProfile profile : options.profiles()) {
                        for (Platform platform : options.platforms()) {
                            for (Implementation implementation : options.implementations()) {
                                cells.add(new Cell(operation, size, new Label(implementation, false, profile, keys, platform)));
                            }
                        }
                    }
                }
            }
        }
        out.println("hamtlab: flame graphs of " + cells.size() + " cells into " + folder.resolve(Profiling.FOLDER));
        int failed = Profiling.run(cells, folder, options.preset(), options.jdk25(), out, err);
        Environment.write(folder, facts.finishedNow());
        Report.write(folder);
        out.println("hamtlab: wrote " + folder.resolve(Report.REPORT_FILE));
        return failed > 0 ? 1 : 0;
    }

    private static void writeCounters(Path raw, RunOptions options, Operation operation, Size size) throws IOException {
        for (KeyPattern keys : options.keys()) {
            for (Implementation implementation : options.implementations()) {
                Path file = raw.resolve(Report.countersFileName(operation, implementation, keys, size));
                if (implementation.hasCounters() && !Files.exists(file)) {
                    writeWhole(file, PoolCounters.json(PoolCounters.count(operation, implementation, keys, size)));
                }
            }
        }
    }

    /**
     * Runs the forks of one (size, operation), interleaved in the plan's order (see {@link ForkPlan}).
     * Returns how many failed.
     */
    private static int runInterleaved(RunOptions options, List<ForkPlan.Fork> forks, Map<Label, TimeValue> iterations,
            HostCanary canary, Progress progress, PrintStream out, PrintStream err) throws IOException {
        int failed = 0;
        for (ForkPlan.Fork fork : forks) {
            String line = progress.line(fork.operation(), fork.size(), fork.label(), fork.number(), options.forks());
            try {
                Result score = runFork(options, fork.operation(), fork.label(), fork.size(), fork.number(),
                        Optional.ofNullable(iterations.get(fork.label())), canary);
                out.println(line + Report.nanos(score.getScore()) + " ns/op" + progress.times());
            } catch (RunnerException e) {
                failed++;
                out.println(line + "FAILED" + progress.times());
                err.println("hamtlab: " + fork.operation().cliName() + " " + fork.label().displayName() + " "
                        + fork.size().cliName() + " fork " + fork.number() + " failed: " + reason(e));
            }
        }
        return failed;
    }

    /**
     * Each label's iteration time in a cell, sized to its own work: {@link CallTime#CALLS_PER_ITERATION}
     * calls of its map, timed here before the cell's first fork, and at least
     * {@link CallTime#SHORTEST_ITERATION_MILLIS}; an int map, not timed here, takes the slowest object
     * map's of its keys in the cell. Sized map by map rather than cell by cell, so that a map whose
     * call takes a second (a peer flooded with colliding keys) does not stretch the iterations of
     * maps a hundred times faster. A label with forks in raw/ already (a resumed run) keeps the time
     * they had, and its A/A control the same. Empty for a preset whose iterations are fixed.
     */
    private static Map<Label, TimeValue> iterationTimes(Preset preset, Operation operation, Size size,
            List<ForkPlan.Fork> cellPlan, Path raw, PrintStream out) throws IOException {
        if (!preset.sizedToWork()) {
            return Map.of();
        }
        List<Label> labels = cellPlan.stream().map(ForkPlan.Fork::label).distinct().toList();
        // One time a map and key pattern, so an A/A control always gets its primary's.
        Map<List<Object>, TimeValue> byMap = new HashMap<>();
        for (Label label : labels) {
            Optional<Path> done = cellPlan.stream().filter(f -> f.label().equals(label)).map(f -> raw.resolve(f.rawFileName()))
                    .filter(Files::exists).findFirst();
            if (done.isPresent()) {
                byMap.putIfAbsent(List.of(label.implementation(), label.keys()), TimeValue.fromString(JsonParser.parseString(
                        Files.readString(done.get())).getAsJsonArray().get(0).getAsJsonObject().get("measurementTime").getAsString()));
            }
        }
        Map<List<Object>, Double> callNanos = new HashMap<>();
        Map<Label, TimeValue> times = new LinkedHashMap<>();
        for (Label label : labels) {
            times.put(label, byMap.computeIfAbsent(List.of(label.implementation(), label.keys()), map -> {
                List<Implementation> timed = label.implementation().intKeys()
                        ? labels.stream().filter(l -> l.keys() == label.keys()).map(Label::implementation)
                                .filter(i -> !i.intKeys()).distinct().toList()
                        : List.of(label.implementation());
                double slowest = timed.stream().mapToDouble(i -> callNanos.computeIfAbsent(List.of(i, label.keys()),
                        key -> CallTime.fastestCallNanos(operation, i, label.keys(), size))).max().orElse(0);
                return TimeValue.milliseconds(CallTime.iterationMillis(slowest));
            }));
        }
        out.println("hamtlab: " + operation.cliName() + " " + size.cliName() + ": iterations of " + labels.stream()
                .filter(label -> !label.control()).map(label -> label.displayName() + " " + times.get(label))
                .collect(Collectors.joining(", ")));
        return times;
    }

    /**
     * The A/A control's implementation: the newest phase in the run (its forks are the ones the
     * study's verdicts rest on), or the first implementation when the run has no phase.
     */
    static Implementation controlOf(List<Implementation> implementations) {
        return implementations.stream().filter(Implementation::isPhase).reduce((first, second) -> second)
                .orElse(implementations.get(0));
    }

    /** The implementations the run measures on the platform, in any cell. */
    private static List<Implementation> implementationsOn(RunOptions options, Platform platform) {
        Set<Implementation> on = new LinkedHashSet<>();
        if (options.platforms().contains(platform)) {
            on.addAll(options.implementations());
        }
        options.extras().stream().filter(e -> e.platforms().contains(platform)).forEach(e -> on.addAll(e.implementations()));
        return List.copyOf(on);
    }

    /** Those of the implementations whose file in raw/, named by {@code fileName}, is not there yet. */
    private static List<Implementation> missing(Path raw, List<Implementation> implementations,
            Function<Implementation, String> fileName) {
        return implementations.stream().filter(i -> !Files.exists(raw.resolve(fileName.apply(i)))).toList();
    }

    /**
     * Runs one fork and writes its JMH JSON to raw/, whole or not at all, and its line to the
     * folder's fork log: when it started, the machine's load average then, and the {@link HostWatch}
     * around it. The canary runs outside the two readings of the CPU times, so the stolen share is the
     * fork's own, not the canary's.
     */
    private static Result runFork(RunOptions options, Operation operation, Label label, Size size, int fork,
            Optional<TimeValue> iteration, HostCanary canary) throws RunnerException, IOException {
        Path folder = options.out();
        String file = Report.rawFileName(operation, label, size, fork);
        double[] canaryBefore = canary.nanosPerLoad();
        String started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String load = Environment.loadAverage();
        ChainedOptionsBuilder jmh = forkOptions(options.preset(), operation, label, size, options.jdk25().map(Jdk25.Found::java));
        iteration.ifPresent(jmh::measurementTime);
        Optional<CpuTimes> cpuBefore = CpuTimes.read();
        Collection<RunResult> results = new Runner(jmh.build()).run();
        Optional<CpuTimes> cpuAfter = CpuTimes.read();
        HostWatch host = new HostWatch(canaryBefore, canary.nanosPerLoad(), CpuTimes.stealFraction(cpuBefore, cpuAfter));
        if (results.size() != 1) {
            throw new RunnerException("expected one result, JMH returned " + results.size());
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(json, false, StandardCharsets.UTF_8);
        ResultFormatFactory.getInstance(ResultFormatType.JSON, stream).writeOut(results);
        stream.flush();
        writeWhole(folder.resolve(Report.RAW_FOLDER).resolve(file), json.toString(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve(Report.FORK_LOG), file + "\t" + started + "\t" + load + "\t" + host.fields() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return results.iterator().next().getPrimaryResult();
    }

    /** What {@link #writeWhole} adds to the name of the file it is writing. */
    static final String PARTIAL_SUFFIX = ".partial";

    /** Writes a file whole or not at all, so a run cut short leaves no half file for the report. */
    public static void writeWhole(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + PARTIAL_SUFFIX);
        Files.writeString(partial, text);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One fork's JMH options; {@code jdk25} is the java launcher of the JDK 25 platforms' forks. */
    static Options jmhOptions(Preset preset, Operation operation, Label label, Size size, Optional<Path> jdk25) {
        return forkOptions(preset, operation, label, size, jdk25).build();
    }

    /** The options of {@link #jmhOptions}, still open to more, such as a profiler. */
    public static ChainedOptionsBuilder forkOptions(Preset preset, Operation operation, Label label, Size size, Optional<Path> jdk25) {
        ChainedOptionsBuilder options = preset.applyTo(new OptionsBuilder(), label.platform(), size);
        if (label.platform().onJdk25()) {
            options = options.jvm(jdk25.orElseThrow(() -> new IllegalArgumentException(label.displayName() + " needs a JDK 25"))
                    .toString());
        }
        return options
                .include("^" + Pattern.quote(operation.benchmarkName(label.implementation())) + "$")
                .param("impl", label.implementation().cliName())
                .param("size", size.cliName())
                .param("profile", label.profile().cliName())
                .param("keys", label.keys().cliName())
                .param("arm", label.arm())
                .param("platform", label.platform().cliName())
                // This makes the score ns per key (per churn step).
                .operationsPerInvocation(operation.opsPerCall(size))
                // Bytes allocated and collections, per measured iteration.
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
    }

    /**
     * --force: an earlier run's results and report go first, so the report never mixes two runs;
     * its environment files are about to be rewritten.
     */
    private static void deleteEarlierResults(Path folder) throws IOException {
        for (String generated : List.of(Report.RAW_FOLDER, Profiling.FOLDER, RunCharts.FOLDER)) {
            deleteTree(folder.resolve(generated));
        }
        for (String file : List.of(Report.REPORT_FILE, Report.SUMMARY_FILE, Report.FORK_LOG, Report.FORKS_FILE)) {
            Files.deleteIfExists(folder.resolve(file));
        }
    }

    /** Deletes a folder and all it holds, if it exists. */
    public static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String reason(RunnerException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        // JMH attaches the benchmark's own exception to its BenchmarkException as a suppressed one.
        return Stream.of(cause.getSuppressed()).map(Throwable::toString).findFirst().orElse(cause.toString());
    }

    /** The progress line: "[ 7/360] query-hit  10K  phase3 (A/A)      fork 2/6   23.4 ns/op   (elapsed 1:02, about 4:10 left)". */
    private static final class Progress {
        /** Wide enough for the longest label, "Eclipse UnifiedMap polluted sequential". */
        private static final int LABEL_WIDTH = 38;
        /** Wide enough for "2^22". */
        private static final int SIZE_WIDTH = 5;

        private final int total;
        private final long start = System.nanoTime();
        private int done;

        Progress(int total) {
            this.total = total;
        }

        String line(Operation operation, Size size, Label label, int fork, int forks) {
            int digits = String.valueOf(total).length();
            return String.format(Locale.ROOT, "[%" + digits + "d/%d] %-" + width(Operation.values()) + "s %-"
                    + SIZE_WIDTH + "s %-" + LABEL_WIDTH + "s fork %" + String.valueOf(forks).length() + "d/%d   ",
                    done + 1, total, operation.cliName(), size.cliName(), label.displayName(), fork, forks);
        }

        /** Call once per finished fork; the estimate assumes the rest take as long on average. */
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
