package dev.hamtlab.bench.runner;

import com.google.gson.JsonParser;
import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Jdk25;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.measure.CallTime;
import dev.hamtlab.bench.measure.CpuTimes;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.HostCanary;
import dev.hamtlab.bench.measure.HostWatch;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.profile.Profiling;
import dev.hamtlab.bench.report.Format;
import dev.hamtlab.bench.report.Report;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.results.ResultsFolder;
import dev.hamtlab.bench.stats.ForkStatistics;
import dev.hamtlab.bench.stats.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A timed run: the forks of the plan that its folder does not hold yet, each its own JMH run, in
 * the plan's interleaved order; the trie shapes, footprints and counters it lacks; then the flame
 * graphs of its profiled cells, and the report.
 */
final class TimedRun {
    private TimedRun() {
    }

    /**
     * Runs the forks of the plan that the folder does not hold yet, then the measurements and
     * profiles it lacks, and writes the report; {@code facts} is the run's environment, recorded.
     */
    static int run(RunOptions options, Environment.Facts facts, PrintStream out, PrintStream err)
            throws IOException {
        Path folder = options.out();
        Path raw = folder.resolve(ResultsFolder.RAW);
        Implementation control = ForkPlan.controlOf(options.implementations());
        List<ForkPlan.Fork> plan = ForkPlan.of(options, control);
        List<ForkPlan.Fork> toRun = ForkPlan.toRun(plan, raw);

        int mostLabels = 0;
        for (Operation operation : options.operations()) {
            for (Size size : options.sizes()) {
                mostLabels = Math.max(mostLabels, ForkPlan.labels(options, control, operation, size).size());
            }
        }
        out.println("hamtlab: " + plan.size() + " forks (up to " + mostLabels
                + " labels a cell, A/A control " + control.cliName()
                + "), preset " + options.preset().cliName() + " (" + options.preset().settings(options.forks())
                + "), fork order seed " + options.seed() + ", writing " + folder);
        int controls = options.operations().size() * options.sizes().size();
        int needed = ForkStatistics.fewestForksBelow(Verdict.ALPHA / controls);
        if (options.preset().sizedToWork() && options.forks() < needed) {
            err.println("hamtlab: warning: " + controls + " A/A controls need " + needed
                    + " forks a side before one can read"
                    + " different under Holm's correction; with " + options.forks()
                    + " the control is no test of this run");
        }
        if (!facts.resumed().isEmpty()) {
            out.println("hamtlab: resuming: " + (plan.size() - toRun.size()) + " of "
                    + plan.size() + " forks already in "
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
                Footprint.write(raw,
                        missing(raw, measured, i -> Footprint.fileName(i, keys, size, Platform.G1)), keys, size);
                for (Platform platform : options.allPlatforms()) {
                    if (platform.onJdk25()) {
                        List<Implementation> unmeasured = missing(raw, implementationsOn(options, platform),
                                i -> Footprint.fileName(i, keys, size, platform));
                        if (!unmeasured.isEmpty()) {
                            Footprint.writeOnJdk25(raw, unmeasured, keys, size, platform,
                                    options.jdk25().orElseThrow().java());
                        }
                    }
                }
            }
            for (Operation operation : options.operations()) {
                List<ForkPlan.Fork> cell = toRun.stream()
                        .filter(f -> f.operation() == operation && f.size().equals(size)).toList();
                if (!cell.isEmpty()) {
                    failed += runInterleaved(options, cell, iterationTimes(options.preset(), operation, size,
                            plan.stream().filter(f -> f.operation() == operation
                                    && f.size().equals(size)).toList(), raw, out),
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
            out.println("hamtlab: flame graphs of " + unprofiled.size() + " cells into "
                    + folder.resolve(ResultsFolder.PROFILES));
            profilesFailed = Profiling.run(unprofiled, folder, ForkOptions.ofCells(options), out, err);
        }
        Environment.write(folder, EnvironmentProbe.finished(facts));
        Report.write(folder);
        out.println("hamtlab: wrote " + folder.resolve(ResultsFolder.REPORT));
        if (failed > 0) {
            err.println("hamtlab: " + failed + " of " + toRun.size()
                    + " forks failed; the report counts only those that finished");
        }
        if (profilesFailed > 0) {
            err.println("hamtlab: " + profilesFailed + " of " + unprofiled.size() + " profiles failed");
        }
        return failed > 0 || profilesFailed > 0 ? 1 : 0;
    }

    private static void writeCounters(Path raw, RunOptions options, Operation operation, Size size) throws IOException {
        for (KeyPattern keys : options.keys()) {
            for (Implementation implementation : options.implementations()) {
                Path file = raw.resolve(Report.countersFileName(operation, implementation, keys, size));
                if (implementation.hasCounters() && !Files.exists(file)) {
                    ResultsFolder.writeWhole(file,
                            PoolCounters.json(PoolCounters.count(operation, implementation, keys, size)));
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
                out.println(line + Format.nanos(score.getScore()) + " ns/op" + progress.times());
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
        // One time a map, key pattern and whether its platform collects, so an A/A control always gets its primary's.
        Map<List<Object>, TimeValue> byMap = new HashMap<>();
        for (Label label : labels) {
            Optional<Path> done = cellPlan.stream().filter(f -> f.label().equals(label))
                    .map(f -> raw.resolve(f.rawFileName()))
                    .filter(Files::exists).findFirst();
            if (done.isPresent()) {
                byMap.putIfAbsent(timeKey(label), TimeValue.fromString(JsonParser.parseString(
                        Files.readString(done.get())).getAsJsonArray().get(0).getAsJsonObject()
                                .get("measurementTime").getAsString()));
            }
        }
        Map<List<Object>, Double> callNanos = new HashMap<>();
        Map<Label, TimeValue> times = new LinkedHashMap<>();
        for (Label label : labels) {
            times.put(label, byMap.computeIfAbsent(timeKey(label), map -> {
                List<Implementation> timed = label.implementation().intKeys()
                        ? labels.stream().filter(l -> l.keys() == label.keys()).map(Label::implementation)
                                .filter(i -> !i.intKeys()).distinct().toList()
                        : List.of(label.implementation());
                double slowest = timed.stream().mapToDouble(i -> callNanos.computeIfAbsent(List.of(i, label.keys()),
                        key -> CallTime.fastestCallNanos(operation, i, label.keys(), size))).max().orElse(0);
                return TimeValue.milliseconds(CallTime.iterationMillis(slowest, label.platform()));
            }));
        }
        out.println("hamtlab: " + operation.cliName() + " " + size.cliName() + ": iterations of " + labels.stream()
                .filter(label -> !label.control()).map(label -> label.displayName() + " " + times.get(label))
                .collect(Collectors.joining(", ")));
        return times;
    }

    /** What a label's iteration time depends on: its map, its keys, and whether its platform collects. */
    private static List<Object> timeKey(Label label) {
        return List.of(label.implementation(), label.keys(), label.platform().collects());
    }

    /** The implementations the run measures on the platform, in any cell. */
    private static List<Implementation> implementationsOn(RunOptions options, Platform platform) {
        Set<Implementation> on = new LinkedHashSet<>();
        if (options.platforms().contains(platform)) {
            on.addAll(options.implementations());
        }
        options.extras().stream().filter(e -> e.platforms().contains(platform))
                .forEach(e -> on.addAll(e.implementations()));
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
        String load = EnvironmentProbe.loadAverage();
        ChainedOptionsBuilder jmh = ForkOptions.of(options.preset(), operation, label, size,
                options.jdk25().map(Jdk25.Found::java));
        iteration.ifPresent(jmh::measurementTime);
        Optional<CpuTimes> cpuBefore = CpuTimes.read();
        Collection<RunResult> results = new Runner(jmh.build()).run();
        Optional<CpuTimes> cpuAfter = CpuTimes.read();
        HostWatch host = new HostWatch(canaryBefore, canary.nanosPerLoad(),
                CpuTimes.stealFraction(cpuBefore, cpuAfter));
        if (results.size() != 1) {
            throw new RunnerException("expected one result, JMH returned " + results.size());
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(json, false, StandardCharsets.UTF_8);
        ResultFormatFactory.getInstance(ResultFormatType.JSON, stream).writeOut(results);
        stream.flush();
        ResultsFolder.writeWhole(folder.resolve(ResultsFolder.RAW).resolve(file),
                json.toString(StandardCharsets.UTF_8));
        Files.writeString(folder.resolve(ResultsFolder.FORK_LOG),
                file + "\t" + started + "\t" + load + "\t" + host.fields() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return results.iterator().next().getPrimaryResult();
    }

    private static String reason(RunnerException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        // JMH attaches the benchmark's own exception to its BenchmarkException as a suppressed one.
        return Stream.of(cause.getSuppressed()).map(Throwable::toString).findFirst().orElse(cause.toString());
    }
}
