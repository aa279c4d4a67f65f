package dev.hamtlab.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.HostWatch;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.results.Renames;
import dev.hamtlab.bench.results.ResultsFolder;
import dev.hamtlab.bench.stats.Warmup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every fork of a results folder, read from its raw JMH JSON: the fork is the unit of repetition,
 * so each fork's iterations become one number, their mean. A file of the runner holds one fork;
 * older folders, whose files hold several forks of one benchmark, are read fork by fork too.
 */
public final class Forks {
    /** JMH's gc profiler's metrics, as JMH 1.37 names them; JMH divides the bytes by the ops per call. */
    private static final String BYTES_PER_OP = "gc.alloc.rate.norm";
    private static final String GC_COUNT = "gc.count";
    private static final String GC_TIME = "gc.time";

    private Forks() {
    }

    /**
     * One fork: its mean time per op over the measured iterations, and what the gc profiler saw over
     * them (mean bytes per op, collections, total collection time in ms; NaN without a gc profile).
     * {@code started}, {@code loadAverage} and {@code host} come from the runner's fork log: empty
     * strings and {@link HostWatch#UNWATCHED} when the folder has none, or the fork's line is from a
     * run made before the host was watched. {@code iterations} says how its iterations were read.
     */
    record Fork(Operation operation, Size size, Label label, String file, int index, double nanos, double bytesPerOp,
            double gcCount, double gcMillis, String started, String loadAverage,
                    HostWatch host, Iterations iterations) {
    }

    /**
     * How a fork's iterations were read: how many leading ones were warm-up, whether its warm-up
     * ended by the {@link Warmup} rule, and the fewest calls a measured iteration held (NaN where
     * unknown). A fork recorded with JMH's own warm-up iterations (every run before the rule) has
     * none of its recorded iterations as warm-up.
     */
    record Iterations(int warmup, boolean settled, double fewestCalls) {
        static final Iterations FIXED = new Iterations(0, true, Double.NaN);
    }

    static List<Fork> read(Path folder) throws IOException {
        Path raw = folder.resolve(ResultsFolder.RAW);
        Map<String, Logged> log = forkLog(folder.resolve(ResultsFolder.FORK_LOG));
        List<Fork> forks = new ArrayList<>();
        for (Path file : resultFiles(raw)) {
            String name = file.getFileName().toString();
            Logged logged = log.getOrDefault(name, Logged.NOT_LOGGED);
            try {
                for (JsonElement run : JsonParser.parseString(Renames.readJson(file)).getAsJsonArray()) {
                    forks.addAll(forksOf(run.getAsJsonObject(), name, logged));
                }
            } catch (RuntimeException e) {
                throw new IOException(file
                        + " is not a result of MapBenchmark or IntMapBenchmark: " + e.getMessage(), e);
            }
        }
        return forks;
    }

    /** The raw folder's JMH results, sorted: every JSON file but the counters and the shapes. */
    private static List<Path> resultFiles(Path raw) throws IOException {
        if (!Files.isDirectory(raw)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(raw)) {
            return entries.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.endsWith(".json") && !name.startsWith(PoolCounters.FILE_PREFIX)
                            && !name.startsWith(TrieShapes.FILE_PREFIX) && !name.startsWith(Footprint.FILE_PREFIX))
                    .sorted().map(raw::resolve).collect(Collectors.toList());
        }
    }

    /**
     * The runner's fork log, by raw file name: file, start time, load average, then the
     * {@link HostWatch}'s fields (older runs have the first three alone), tab-separated.
     */
    private static Map<String, Logged> forkLog(Path file) throws IOException {
        Map<String, Logged> log = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                List<String> fields = Arrays.asList(line.split("\t", -1));
                if (fields.size() >= 3) {
                    try {
                        log.put(fields.get(0), new Logged(fields.get(1), fields.get(2),
                                HostWatch.parse(fields.subList(3, fields.size()))));
                    } catch (NumberFormatException e) {
                        throw new IOException(file + " has a line whose host figures are not numbers: " + line, e);
                    }
                }
            }
        }
        return log;
    }

    /** A fork's line in the fork log. */
    private record Logged(String started, String loadAverage, HostWatch host) {
        static final Logged NOT_LOGGED = new Logged("", "", HostWatch.UNWATCHED);
    }

    private static List<Fork> forksOf(JsonObject run, String file, Logged logged) {
        String benchmark = run.get("benchmark").getAsString();
        JsonObject params = run.getAsJsonObject("params");
        Implementation implementation = Choice.named(Implementation.values(), params.get("impl").getAsString());
        Operation operation = Stream.of(Operation.values())
                .filter(o -> o.benchmarkName(implementation).equals(benchmark))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown benchmark " + benchmark + " for "
                        + implementation.cliName()));
        Size size = Size.named(params.get("size").getAsString());
        // Runs made before the A/A control and the type profiles existed have neither parameter.
        TypeProfile profile = params.has("profile")
                ? Choice.named(TypeProfile.values(), params.get("profile").getAsString())
                : TypeProfile.MONOMORPHIC;
        boolean control = params.has("arm") && params.get("arm").getAsString().equals(Label.CONTROL);
        // Runs made before the key patterns existed used random Integer keys.
        KeyPattern keys = params.has("keys")
                ? Choice.named(KeyPattern.values(), params.get("keys").getAsString()) : KeyPattern.RANDOM;
        // And runs made before the platforms were labels: theirs ran on the runner's JDK, with the collector of their flags.
        Platform platform = params.has("platform")
                ? Choice.named(Platform.values(), params.get("platform").getAsString())
                : Platform.ofFlags(jvmArgs(run));
        Label label = new Label(implementation, control, profile, keys, platform);

        JsonObject metric = run.getAsJsonObject("primaryMetric");
        String unit = metric.get("scoreUnit").getAsString();
        if (!unit.equals("ns/op")) {
            throw new IllegalArgumentException("score unit is " + unit + ", not ns/op");
        }
        JsonArray iterations = metric.getAsJsonArray("rawData");
        JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
        // Forks that recorded their warm-up among their iterations: forked, with no JMH warm-up.
        boolean carriesWarmup = intOf(run, "forks") >= 1 && intOf(run, "warmupIterations") == 0;
        double iterationNanos = run.has("measurementTime")
                ? TimeValue.fromString(run.get("measurementTime").getAsString())
                .convertTo(TimeUnit.NANOSECONDS) : Double.NaN;
        List<Fork> forks = new ArrayList<>();
        for (int index = 0; index < iterations.size(); index++) {
            double[] nanos = values(iterations.get(index).getAsJsonArray());
            Iterations read = Iterations.FIXED;
            if (carriesWarmup && nanos.length >= Warmup.FEWEST_MEASURED) {
                Warmup warmup = Warmup.of(nanos);
                nanos = Arrays.copyOfRange(nanos, warmup.iterations(), nanos.length);
                double slowest = Arrays.stream(nanos).max().orElseThrow();
                read = new Iterations(warmup.iterations(), warmup.settled(),
                        iterationNanos / (slowest * operation.opsPerCall(size)));
            }
            int from = read.warmup();
            forks.add(new Fork(operation, size, label, file, index, mean(nanos),
                    perFork(secondary, BYTES_PER_OP, index, from, false),
                            perFork(secondary, GC_COUNT, index, from, true),
                    perFork(secondary, GC_TIME, index, from, true), logged.started(),
                            logged.loadAverage(), logged.host(), read));
        }
        return forks;
    }

    private static int intOf(JsonObject run, String name) {
        return run.has(name) ? run.get(name).getAsInt() : -1;
    }

    private static List<String> jvmArgs(JsonObject run) {
        List<String> args = new ArrayList<>();
        if (run.has("jvmArgs")) {
            run.getAsJsonArray("jvmArgs").forEach(arg -> args.add(arg.getAsString()));
        }
        return args;
    }

    /**
     * A secondary metric of one fork over its measured iterations, those from {@code from} on: their
     * mean, or their sum; NaN when the run has none.
     */
    private static double perFork(JsonObject secondary, String name, int index, int from, boolean sum) {
        if (secondary == null || !secondary.has(name)) {
            return Double.NaN;
        }
        JsonArray forks = secondary.getAsJsonObject(name).getAsJsonArray("rawData");
        if (index >= forks.size()) {
            // JMH leaves out a fork whose iterations had no collection at all.
            return sum ? 0 : Double.NaN;
        }
        double[] all = values(forks.get(index).getAsJsonArray());
        double[] measured = Arrays.copyOfRange(all, Math.min(from, all.length), all.length);
        return sum ? Arrays.stream(measured).sum() : mean(measured);
    }

    private static double[] values(JsonArray array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsDouble();
        }
        return values;
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).average().orElseThrow();
    }
}
