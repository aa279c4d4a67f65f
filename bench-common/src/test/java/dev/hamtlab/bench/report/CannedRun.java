package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.runner.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A results folder of canned JMH JSON, one file a fork as the runner writes them, for the report and publish tests. */
final class CannedRun {
    static final String INSERT = "dev.hamtlab.bench.MapBenchmark.insert";
    static final String QUERY_HIT = "dev.hamtlab.bench.MapBenchmark.queryHit";
    static final String REMOVE = "dev.hamtlab.bench.MapBenchmark.remove";

    private final Path folder;

    private CannedRun(Path folder) {
        this.folder = folder;
    }

    /** The run every report test starts from, in {@code folder}. */
    static CannedRun in(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("raw"));
        Environment.write(folder, facts());
        CannedRun canned = new CannedRun(folder);
        canned.standardForks();
        return canned;
    }

    private void standardForks() throws IOException {
        // 1K insert: phase1 doubles phase0, HashMap is twice as fast again; phase1 is the A/A control.
        forks(INSERT, "phase0", "1K", 200, 120, 2);
        forks(INSERT, "phase1", "1K", 100, 80, 1);
        forks(INSERT, "hashmap", "1K", 50, 48, 3);
        forks(INSERT, "phase1-control", "1K", 100, 80, 1);
        // 10K insert: forks of phase0 and phase1 drawn alike; HashMap missing (cut short); no gc profile.
        forks(INSERT, "phase0", "10K", new double[] {400, 380, 420, 390, 410, 395}, Double.NaN, Double.NaN);
        forks(INSERT, "phase1", "10K", new double[] {390, 415, 385, 405, 400, 420}, Double.NaN, Double.NaN);
        // 1K query-hit: phase0 has only two forks.
        forks(QUERY_HIT, "phase0", "1K", new double[] {30, 31}, 0, 0);
        forks(QUERY_HIT, "phase1", "1K", 20, 0, 0);
        forks(QUERY_HIT, "hashmap", "1K", 1234.5, 0, 0);
    }

    /** The canned run planned all three maps, three sizes (nothing ran at 100K) and two operations. */
    static Environment.Facts facts() {
        return facts("quick");
    }

    /** The canned run's facts, as if the named preset had made it. */
    static Environment.Facts facts(String preset) {
        return new Environment.Facts("2025-01-01T00:00:00Z", "./bench --preset " + preset + " --sizes 1K,10K,100K",
                "/repo", preset, Preset.QUICK.settings(6), List.of("hashmap", "phase0", "phase1"), null,
                List.of("1K", "10K", "100K"), null, List.of("insert", "query-hit"), List.of("monomorphic"), 6, 42,
                "phase1", List.of("-Xms2g"), List.of(), "17.0.15", "OpenJDK 64-Bit Server VM", "Debian", "17.0.15+6",
                "1.37", "Canned CPU", 2, 8L << 30, "Linux 6.1 amd64", "0123456789abcdef", false, "0.50 0.40 0.30",
                null, null, null, null, null, null, null);
    }

    /** Records the run as made by the named preset. */
    void madeBy(String preset) throws IOException {
        Environment.write(folder, facts(preset));
    }

    /** Six forks around {@code nanos} (x 0.98, 0.99, 1, 1, 1.01, 1.02: the median is {@code nanos}), one file each. */
    void forks(String benchmark, String stem, String size, double nanos, double bytesPerOp, double gcCount)
            throws IOException {
        double[] spread = {0.98, 0.99, 1, 1, 1.01, 1.02};
        forks(benchmark, stem, size, Arrays.stream(spread).map(f -> f * nanos).toArray(), bytesPerOp, gcCount);
    }

    /** Six forks of an implementation with a key pattern, as the runner names and parameterises them. */
    void keyedForks(String benchmark, String impl, String keys, String size, double nanos) throws IOException {
        labelledForks(benchmark, impl, "keys", keys, size, nanos, 0);
    }

    /** Six forks of an implementation on a platform, with 80 bytes per op. */
    void platformForks(String benchmark, String impl, String platform, String size, double nanos) throws IOException {
        labelledForks(benchmark, impl, "platform", platform, size, nanos, 80);
    }

    /** Six forks around {@code nanos} whose label has one more parameter, named in the file as the runner names it. */
    private void labelledForks(String benchmark, String impl, String parameter, String value, String size, double nanos,
            double bytesPerOp) throws IOException {
        String params = "{ \"impl\" : \"" + impl + "\", \"size\" : \"" + size + "\", \"" + parameter + "\" : \"" + value
                + "\", \"profile\" : \"monomorphic\", \"arm\" : \"primary\" }";
        String op = Stream.of(Operation.values())
                .filter(o -> o.benchmarkName(Choice.named(Implementation.values(), impl)).equals(benchmark)).findFirst()
                .orElseThrow().cliName();
        double[] spread = {0.98, 0.99, 1, 1, 1.01, 1.02};
        for (int fork = 0; fork < spread.length; fork++) {
            Files.writeString(folder.resolve("raw")
                    .resolve(String.format(Locale.ROOT, "%s_%s-%s_%s_f%02d.json", op, impl, value,
                    size, fork + 1)), "["
                            + run(benchmark, impl, size, params, new double[] {nanos * spread[fork]}, bytesPerOp, 0)
                    + "]\n");
        }
    }

    /**
     * One file a fork, as the runner writes them: "stem" is the implementation, or "impl-control"
     * for the A/A control's second label; NaN bytes mean no gc profile.
     */
    void forks(String benchmark, String stem, String size, double[] nanos, double bytesPerOp, double gcCount)
            throws IOException {
        String impl = stem.replace("-control", "");
        String params = "{ \"impl\" : \"" + impl + "\", \"size\" : \"" + size
                + "\", \"profile\" : \"monomorphic\", \"arm\" : \""
                + (stem.endsWith("-control") ? "control" : "primary") + "\" }";
        String op = Stream.of(Operation.values())
                .filter(o -> o.benchmarkName(Choice.named(Implementation.values(), impl)).equals(benchmark)).findFirst()
                .orElseThrow().cliName();
        for (int fork = 0; fork < nanos.length; fork++) {
            Files.writeString(folder.resolve("raw")
                    .resolve(String.format(Locale.ROOT, "%s_%s_%s_f%02d.json", op, stem, size, fork + 1)),
                    "[" + run(benchmark, impl, size, params, new double[] {nanos[fork]}, bytesPerOp, gcCount) + "]\n");
        }
    }

    /**
     * One JMH run as JMH 1.37 writes it: a fork per mean (each of three iterations, the first a
     * little above, the last a little below), with the gc profiler's bytes per op, collections and
     * 5 ms of pause per fork, unless the bytes are NaN.
     */
    static String run(String benchmark, String impl, String size, String params, double[] forkMeans,
            double bytesPerOp, double gcCount) {
        String iterations = Arrays.stream(forkMeans)
                .mapToObj(m -> "[ " + number(m * 1.01) + ", " + number(m) + ", " + number(m * 0.99) + " ]")
                .collect(Collectors.joining(", "));
        String perFork = Arrays.stream(forkMeans).mapToObj(m -> "[ " + number(bytesPerOp) + " ]")
                .collect(Collectors.joining(", "));
        String counts = Arrays.stream(forkMeans).mapToObj(m -> "[ " + number(gcCount) + " ]")
                .collect(Collectors.joining(", "));
        String pauses = Arrays.stream(forkMeans).mapToObj(m -> "[ 5.0 ]").collect(Collectors.joining(", "));
        return "\n  {\n"
                + "    \"jmhVersion\" : \"1.37\",\n"
                + "    \"benchmark\" : \"" + benchmark + "\",\n"
                + "    \"mode\" : \"avgt\",\n"
                + "    \"params\" : " + params + ",\n"
                + "    \"primaryMetric\" : {\n"
                + "      \"score\" : " + number(Arrays.stream(forkMeans).average().orElseThrow()) + ",\n"
                + "      \"scoreUnit\" : \"ns/op\",\n"
                + "      \"rawData\" : [ " + iterations + " ]\n"
                + "    },\n"
                + "    \"secondaryMetrics\" : {" + (Double.isNaN(bytesPerOp) ? " " : "\n"
                + secondary("gc.alloc.rate.norm", perFork, "B/op") + ",\n"
                + secondary("gc.count", counts, "counts") + ",\n"
                + secondary("gc.time", pauses, "ms") + "\n    ") + "}\n"
                + "  }";
    }

    private static String secondary(String name, String rawData, String unit) {
        return "      \"" + name + "\" : {\n"
                + "        \"scoreUnit\" : \"" + unit + "\",\n"
                + "        \"rawData\" : [ " + rawData + " ]\n"
                + "      }";
    }


    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
