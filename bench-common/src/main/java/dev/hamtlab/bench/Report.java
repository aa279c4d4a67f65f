package dev.hamtlab.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes report.md and summary.md of a results folder from its raw JMH JSON and its
 * environment.json alone, so cached results rebuild the report without rerunning anything.
 */
final class Report {
    static final String RAW_FOLDER = "raw";
    static final String REPORT_FILE = "report.md";
    static final String SUMMARY_FILE = "summary.md";

    private static final String MISSING = "–";
    /**
     * JMH's gc profiler's metrics, named as JMH 1.37 writes them (older versions put a "·" first).
     * JMH already divides the bytes by operationsPerInvocation, so they are per key (per churn step).
     */
    private static final String BYTES_PER_OP = "gc.alloc.rate.norm";
    private static final String GC_COUNT = "gc.count";

    /**
     * One benchmark's score in ns per key, JMH's 99.9% confidence interval around it, and what its
     * gc profiler saw: bytes allocated per key and collections over the measured iterations (NaN
     * when the result has no gc profile).
     */
    record Result(Operation operation, Implementation implementation, Size size,
            double nanos, double error, double low, double high, double bytesPerOp, double gcCount) {

        double opsPerSecond() {
            return 1e9 / nanos;
        }

        boolean hasConfidenceInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }

        boolean overlaps(Result other) {
            return low <= other.high && other.low <= high;
        }
    }

    private final Path folder;
    private final Optional<Environment.Facts> facts;
    private final List<Result> results;
    private final List<PoolCounters.Counted> counters;
    private final List<Operation> operations;
    private final List<Implementation> implementations;
    private final List<Size> sizes;

    private Report(Path folder, Optional<Environment.Facts> facts, List<Result> results,
            List<PoolCounters.Counted> counters) {
        this.folder = folder;
        this.facts = facts;
        this.results = results;
        this.counters = counters;
        // What the run planned (from its environment) and what it produced: planned cells without
        // a result show as missing, whatever the raw folder holds still shows.
        this.operations = union(Operation.class, facts.map(Environment.Facts::operations), results, Result::operation);
        this.implementations = union(Implementation.class, facts.map(Environment.Facts::implementations), results,
                Result::implementation);
        this.sizes = union(Size.class, facts.map(Environment.Facts::sizes), results, Result::size);
    }

    static Report read(Path folder) throws IOException {
        Path raw = folder.resolve(RAW_FOLDER);
        return new Report(folder, Environment.read(folder), readResults(raw), readCounters(raw));
    }

    /** The name of a benchmark's JMH JSON in raw/. */
    static String rawFileName(Operation operation, Implementation implementation, Size size) {
        return operation.cliName() + "_" + implementation.cliName() + "_" + size.cliName() + ".json";
    }

    static void write(Path folder) throws IOException {
        Report report = read(folder);
        Files.writeString(folder.resolve(REPORT_FILE), report.full());
        Files.writeString(folder.resolve(SUMMARY_FILE), report.summary());
    }

    static String rebuildCommand(Path folder) {
        return RunOptions.launcher() + " report " + folder;
    }

    /** A score as the report and the progress lines print it: "23.4 ± 0.8", or "23.4" without an error. */
    static String score(double nanos, double error) {
        return Double.isNaN(error) ? nanos(nanos) : nanos(nanos) + " ± " + nanos(error);
    }

    private static String nanos(double nanos) {
        return String.format(Locale.ROOT, "%,.1f", nanos);
    }

    private String full() {
        return "# hamtlab benchmark report: " + folder.getFileName() + "\n\n"
                + howItWasMade() + "\n"
                + comparisons(implementation -> true)
                + allocation()
                + poolCounters()
                + allResults();
    }

    String summary() {
        return origin() + legend() + "\n\n" + comparisons(implementation -> true);
    }

    /** The tables of a module's phases alone: each against the implementation before it and against every peer. */
    String moduleSummary(String module) {
        return origin() + legend() + "\n\n" + comparisons(i -> i.module().equals(Optional.of(module)));
    }

    /** Where the numbers come from: the command, the preset, the folder and the machine. */
    private String origin() {
        String path = "`results/" + folder.getFileName() + "`";
        return facts.map(f -> "Measured by `" + f.command() + "` (preset " + f.preset() + ") on " + f.summary() + "; results and report in " + path + ". ")
                .orElse("Results and report in " + path + ". ");
    }

    private String howItWasMade() {
        StringBuilder text = new StringBuilder("## How this was made\n\n");
        facts.ifPresentOrElse(f -> text
                .append("- Command: `").append(f.command()).append("`, run in `").append(f.workingDirectory()).append("`\n")
                .append("- Preset: ").append(f.preset()).append(": ").append(f.presetSettings())
                .append("; forked JVMs' flags: ")
                .append(f.forkJvmFlags().isEmpty() ? "none (no fork)" : String.join(" ", f.forkJvmFlags())).append("\n")
                .append("- Environment: ").append(f.summary()).append("; all details in [")
                .append(Environment.MARKDOWN_FILE).append("](").append(Environment.MARKDOWN_FILE).append(")\n"),
                () -> text.append("- Environment: unknown, the folder has no ").append(Environment.JSON_FILE).append("\n"));
        text.append("- Generated from ").append(results.size()).append(" results in ").append(RAW_FOLDER)
                .append("/*.json (JMH's JSON); rebuild it with `").append(rebuildCommand(folder)).append("`\n");
        text.append("- ").append(legend()).append("\n");
        if (facts.map(f -> f.preset().equals(Preset.SMOKE.cliName())).orElse(false)) {
            text.append("- Smoke preset: these runs only prove that the benchmarks work; their numbers mean nothing.\n");
        }
        long measured = results.stream().map(r -> List.of(r.operation(), r.implementation(), r.size())).distinct().count();
        long missing = (long) operations.size() * implementations.size() * sizes.size() - measured;
        if (missing > 0) {
            text.append("- ").append(missing).append(" planned benchmarks have no result (failed or cut short): ")
                    .append(MISSING).append(" in the tables.\n");
        }
        return text.toString();
    }

    private static String legend() {
        return "Scores are JMH average times per key (ns/op); ops/s = 10^9 / ns/op; improvement = after ops/s"
                + " / before ops/s - 1, *within noise* when the two 99.9% confidence intervals overlap"
                + " and *no CI* when a result has too few measurements for one.";
    }

    /**
     * Per operation: each phase against the implementation before it, then each phase against each peer;
     * only the phases that {@code shown} accepts.
     */
    private String comparisons(Predicate<Implementation> shown) {
        StringBuilder text = new StringBuilder();
        for (Operation operation : operations) {
            text.append("## ").append(operation.cliName()).append(": ").append(operation.description()).append("\n\n");
            for (Implementation after : implementations) {
                if (after.isPhase() && shown.test(after)) {
                    after.before().filter(implementations::contains)
                            .ifPresent(before -> text.append(table(operation, before, after)));
                }
            }
            for (Implementation after : implementations) {
                for (Implementation peer : implementations) {
                    if (after.isPhase() && shown.test(after) && !peer.isPhase()) {
                        text.append(table(operation, peer, after));
                    }
                }
            }
        }
        return text.toString();
    }

    private String table(Operation operation, Implementation before, Implementation after) {
        StringBuilder text = new StringBuilder()
                .append("### ").append(after.displayName()).append(" vs ").append(before.displayName()).append("\n\n")
                .append("| Scale | ").append(before.displayName()).append(" ops/s | ").append(after.displayName())
                .append(" ops/s | Improvement | ns/op |\n")
                .append("|-------|------:|------:|------:|------:|\n");
        for (Size size : sizes) {
            Optional<Result> was = find(operation, before, size);
            Optional<Result> is = find(operation, after, size);
            text.append("| ").append(size.cliName())
                    .append(" | ").append(was.map(Report::opsPerSecond).orElse(MISSING))
                    .append(" | ").append(is.map(Report::opsPerSecond).orElse(MISSING))
                    .append(" | ").append(was.isPresent() && is.isPresent() ? improvement(was.get(), is.get()) : MISSING)
                    .append(" | ").append(is.map(r -> nanos(r.nanos())).orElse(MISSING))
                    .append(" |\n");
        }
        return text.append("\n").toString();
    }

    private static String improvement(Result before, Result after) {
        long percent = Math.round((after.opsPerSecond() / before.opsPerSecond() - 1) * 100);
        String change = String.format(Locale.ROOT, "%+d%%", percent);
        if (!before.hasConfidenceInterval() || !after.hasConfidenceInterval()) {
            return change + " (no CI)";
        }
        return before.overlaps(after) ? change + " (within noise)" : change;
    }

    /** Per operation: bytes per op and collections, for every implementation and size. */
    private String allocation() {
        StringBuilder text = new StringBuilder("## Allocation per operation\n\n")
                .append("Bytes allocated per op (JMH's gc profiler, ").append(BYTES_PER_OP)
                .append(") and collections during the measured iterations (").append(GC_COUNT).append(").")
                .append(" Remove rebuilds its map before every call, outside the time but inside the bytes:")
                .append(" its B/op is shown minus insert's, the bytes of that rebuild; its GCs include the rebuilds'.\n\n");
        for (Operation operation : operations) {
            text.append("### ").append(operation.cliName()).append(" allocation\n\n| Implementation |");
            sizes.forEach(size -> text.append(" ").append(size.cliName()).append(" B/op | ").append(size.cliName()).append(" GCs |"));
            text.append("\n|----------------|").append("------:|------:|".repeat(sizes.size())).append("\n");
            for (Implementation implementation : implementations) {
                text.append("| ").append(implementation.displayName()).append(" |");
                for (Size size : sizes) {
                    text.append(" ").append(bytesPerOp(operation, implementation, size))
                            .append(" | ").append(find(operation, implementation, size).map(r -> count(r.gcCount())).orElse(MISSING))
                            .append(" |");
                }
                text.append("\n");
            }
            text.append("\n");
        }
        return text.toString();
    }

    /** The bytes an operation allocates per op, without those of the rebuild before every call. */
    private String bytesPerOp(Operation operation, Implementation implementation, Size size) {
        Optional<Double> bytes = find(operation, implementation, size).map(Result::bytesPerOp);
        Optional<Operation> rebuild = operation.rebuild();
        if (rebuild.isPresent()) {
            Optional<Double> rebuilt = find(rebuild.get(), implementation, size).map(Result::bytesPerOp);
            bytes = bytes.flatMap(b -> rebuilt.map(r -> b - r));
        }
        return bytes.filter(b -> !b.isNaN()).map(b -> String.format(Locale.ROOT, "%,.1f", b)).orElse(MISSING);
    }

    private static String count(double count) {
        return Double.isNaN(count) ? MISSING : String.format(Locale.ROOT, "%,.0f", count);
    }

    /** Per operation, a table of each phase's counters by size. */
    private String poolCounters() {
        StringBuilder text = new StringBuilder("## Pool and allocation counters\n\n");
        if (counters.isEmpty()) {
            return text.append("None: the runner's JVM ran without -D").append(PoolCounters.PROPERTY).append("=true.\n\n")
                    .toString();
        }
        text.append("Each phase's own `stats()`, from the operation done once more by the runner on a fresh map with")
                .append(" counting on (never in the timed forks). Insert counts from the new map on; the other operations")
                .append(" show the change over the operation on the filled map, so gauges such as liveSlots show their")
                .append(" change; churn is one call, N steps.\n\n");
        for (Operation operation : operations) {
            for (Implementation implementation : implementations) {
                List<PoolCounters.Counted> found = counters.stream()
                        .filter(c -> c.operation().equals(operation.cliName()) && c.implementation().equals(implementation.cliName()))
                        .toList();
                if (!found.isEmpty()) {
                    text.append(countersTable(operation, implementation, found));
                }
            }
        }
        return text.toString();
    }

    private String countersTable(Operation operation, Implementation implementation, List<PoolCounters.Counted> found) {
        List<String> names = found.stream().flatMap(c -> c.counters().keySet().stream()).distinct().toList();
        StringBuilder text = new StringBuilder()
                .append("### ").append(operation.cliName()).append(": ").append(implementation.displayName()).append(" counters\n\n")
                .append("| Scale | ").append(String.join(" | ", names)).append(" |\n")
                .append("|-------|").append("------:|".repeat(names.size())).append("\n");
        for (Size size : sizes) {
            Optional<PoolCounters.Counted> counted = found.stream().filter(c -> c.size().equals(size.cliName())).findFirst();
            text.append("| ").append(size.cliName());
            for (String name : names) {
                text.append(" | ").append(counted.map(c -> c.counters().get(name))
                        .map(value -> String.format(Locale.ROOT, "%,d", value)).orElse(MISSING));
            }
            text.append(" |\n");
        }
        return text.append("\n").toString();
    }

    private String allResults() {
        StringBuilder text = new StringBuilder("## All results\n\n")
                .append("| Operation | Implementation | Scale | ns/op | ops/s |\n")
                .append("|-----------|----------------|-------|------:|------:|\n");
        for (Operation operation : operations) {
            for (Size size : sizes) {
                for (Implementation implementation : implementations) {
                    Optional<Result> result = find(operation, implementation, size);
                    text.append("| ").append(operation.cliName())
                            .append(" | ").append(implementation.displayName())
                            .append(" | ").append(size.cliName())
                            .append(" | ").append(result.map(r -> score(r.nanos(), r.error())).orElse(MISSING))
                            .append(" | ").append(result.map(Report::opsPerSecond).orElse(MISSING))
                            .append(" |\n");
                }
            }
        }
        return text.toString();
    }

    private static String opsPerSecond(Result result) {
        return String.format(Locale.ROOT, "%,.0f", result.opsPerSecond());
    }

    private Optional<Result> find(Operation operation, Implementation implementation, Size size) {
        return results.stream()
                .filter(r -> r.operation() == operation && r.implementation() == implementation && r.size() == size)
                .findFirst();
    }

    private static <E extends Enum<E> & Choice> List<E> union(Class<E> type, Optional<List<String>> planned,
            List<Result> results, Function<Result, E> found) {
        Set<E> all = EnumSet.noneOf(type);
        planned.orElse(List.of()).forEach(name -> Choice.find(type.getEnumConstants(), name).ifPresent(all::add));
        results.forEach(r -> all.add(found.apply(r)));
        return List.copyOf(all);
    }

    private static List<Result> readResults(Path rawFolder) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Path file : jsonFiles(rawFolder, false)) {
            try {
                for (JsonElement run : JsonParser.parseString(Files.readString(file)).getAsJsonArray()) {
                    results.add(result(run.getAsJsonObject()));
                }
            } catch (RuntimeException e) {
                throw new IOException(file + " is not a result of MapBenchmark: " + e.getMessage(), e);
            }
        }
        return results;
    }

    private static List<PoolCounters.Counted> readCounters(Path rawFolder) throws IOException {
        List<PoolCounters.Counted> counters = new ArrayList<>();
        for (Path file : jsonFiles(rawFolder, true)) {
            try {
                PoolCounters.Counted counted = PoolCounters.read(file);
                named(Operation.values(), counted.operation());
                named(Implementation.values(), counted.implementation());
                named(Size.values(), counted.size());
                if (counted.counters() == null) {
                    throw new IllegalArgumentException("no counters");
                }
                counters.add(counted);
            } catch (RuntimeException e) {
                throw new IOException(file + " is not a counters file: " + e.getMessage(), e);
            }
        }
        return counters;
    }

    /** The raw folder's JSON files, sorted: the counters files, or the JMH results. */
    private static List<Path> jsonFiles(Path rawFolder, boolean counters) throws IOException {
        if (!Files.isDirectory(rawFolder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(rawFolder)) {
            return entries.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.endsWith(".json") && name.startsWith(PoolCounters.FILE_PREFIX) == counters)
                    .sorted().map(rawFolder::resolve).collect(Collectors.toList());
        }
    }

    /** One entry of JMH's JSON output. */
    private static Result result(JsonObject run) {
        String benchmark = run.get("benchmark").getAsString();
        Operation operation = Stream.of(Operation.values()).filter(o -> o.benchmarkName().equals(benchmark)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown benchmark " + benchmark));
        JsonObject params = run.getAsJsonObject("params");
        Implementation implementation = named(Implementation.values(), params.get("impl").getAsString());
        Size size = named(Size.values(), params.get("size").getAsString());
        JsonObject metric = run.getAsJsonObject("primaryMetric");
        String unit = metric.get("scoreUnit").getAsString();
        if (!unit.equals("ns/op")) {
            throw new IllegalArgumentException("score unit is " + unit + ", not ns/op");
        }
        var confidence = metric.getAsJsonArray("scoreConfidence");
        JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
        return new Result(operation, implementation, size, metric.get("score").getAsDouble(),
                metric.get("scoreError").getAsDouble(), confidence.get(0).getAsDouble(), confidence.get(1).getAsDouble(),
                secondaryScore(secondary, BYTES_PER_OP), secondaryScore(secondary, GC_COUNT));
    }

    /** A secondary metric's score, NaN when the result does not have it. */
    private static double secondaryScore(JsonObject secondary, String name) {
        return secondary != null && secondary.has(name)
                ? secondary.getAsJsonObject(name).get("score").getAsDouble()
                : Double.NaN;
    }

    private static <E extends Choice> E named(E[] choices, String name) {
        return Choice.find(choices, name).orElseThrow(() -> new IllegalArgumentException("unknown parameter " + name));
    }
}
