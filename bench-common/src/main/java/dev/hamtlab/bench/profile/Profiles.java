package dev.hamtlab.bench.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import one.convert.Arguments;
import one.convert.JfrToFlame;
import one.jfr.JfrReader;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * One JMH fork turned into CPU and allocation flame graphs: the profiler attached to the fork's
 * options, the recording it leaves, the two HTML graphs made from it, and a breakdown of where the
 * CPU samples went (the map's own code, G1's write barrier and refinement, the collector, the JIT),
 * kept as JSON beside the graphs so the report can be rebuilt from files alone.
 */
public final class Profiles {
    /** async-profiler's native library, under a folder per platform in its jar. */
    private static final String LIBRARY = "libasyncProfiler.so";

    /** Bytes allocated between two allocation samples; async-profiler's own default. */
    private static final String ALLOCATION_INTERVAL = "512k";

    /** JMH names the thread that runs the measured method "<benchmark>-jmh-worker-<n>". */
    private static final String BENCHMARK_THREAD = "-jmh-worker-";

    /**
     * Frames of G1's post-write barrier slow path: a dirty card enqueued by the mutator, and once
     * a buffer is full, the refinement the mutator does itself when the refinement threads lag.
     */
    private static final List<String> WRITE_BARRIER_FRAMES = List.of("G1BarrierSetRuntime::",
            "G1BarrierSet::invalidate",
            "G1DirtyCardQueueSet::");

    /** The loop of G1's concurrent refinement threads (they run under ConcurrentGCThread::run). */
    private static final String REFINEMENT_FRAME = "G1ConcurrentRefineThread::";

    /**
     * The loops of the collector's own threads: the parallel workers of G1, Parallel and ZGC
     * (GangWorker in JDK 17, WorkerThread from JDK 18) and the concurrent ones (G1's marking and
     * service threads, ZGC's driver).
     */
    private static final List<String> GC_FRAMES = List.of("GangWorker::", "WorkerThread::", "ConcurrentGCThread::");

    /** The loop of the JIT compiler threads, C1's and C2's. */
    private static final String COMPILER_FRAME = "CompileBroker::";

    private Profiles() {
    }

    /** The profiler a fork runs under, with what it sees, for the report. */
    public enum Profiler {
        ASYNC("async-profiler 4.2: CPU samples (perf_events, or a CPU timer where those are barred) and allocation "
                + "samples, Java and native frames"),
        JFR("JFR's own sampling (jdk.ExecutionSample, jdk.ObjectAllocationSample): Java frames only; "
                + "async-profiler's library could not load here");

        private final String description;

        Profiler(String description) {
            this.description = description;
        }

        /** What the profiler records, in a sentence for the report. */
        public String description() {
            return description;
        }
    }

    /** Where a CPU sample went, by its thread and frames; the breakdown lists the parts in this order. */
    public enum Part {
        /** The benchmark thread, barrier slow path aside: the map, the harness, allocation in the thread. */
        BENCHMARK_CODE("map and benchmark code"),
        /** The benchmark thread inside G1's post-write barrier slow path. */
        WRITE_BARRIER("G1 post-write barrier slow path (benchmark thread)"),
        /** G1's concurrent refinement threads, which scan the cards the barrier dirtied. */
        REFINEMENT("G1 concurrent refinement threads"),
        /** The collector's other threads: parallel pause workers and concurrent marking. */
        GC_THREADS("GC threads"),
        /** The C1 and C2 compiler threads. */
        JIT("JIT compilers"),
        /** Anything else: the VM thread, JMH's and the JVM's other threads. */
        OTHER("other");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        /** The part's name in the breakdown and its JSON. */
        public String label() {
            return label;
        }
    }

    /** The CPU samples of a recording, in all and by part's label, every part listed in {@link Part}'s order. */
    public record Breakdown(long samples, Map<String, Long> byPart) {
        /** The part's fraction of the samples, 0 for none. */
        public double share(Part part) {
            return samples == 0 ? 0 : (double) byPart.getOrDefault(part.label(), 0L) / samples;
        }
    }

    /** The two flame graphs of a recording and its CPU breakdown. */
    record Flames(Path cpu, Path alloc, Breakdown breakdown) {
    }

    /**
     * async-profiler's library for this machine, copied out of the classpath into {@code dir} once
     * (JMH loads it from a file, in the runner's JVM and in the fork), or none when its jar has none
     * for this OS and architecture.
     */
    static Optional<Path> library(Path dir) throws IOException {
        Optional<String> platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        String resource = platform.get() + "/" + LIBRARY;
        Path library = dir.resolve(resource);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(library.getParent());
            // Copied whole or not at all, so a copy cut short is never taken for the library.
            Path partial = library.resolveSibling(LIBRARY + ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
        }
        return Optional.of(library);
    }

    /** The library's folder in async-profiler's jar for an os.name and os.arch. */
    private static Optional<String> platform(String os, String arch) {
        String name = os.toLowerCase(Locale.ROOT);
        if (name.startsWith("mac")) {
            return Optional.of("macos");
        }
        if (!name.startsWith("linux")) {
            return Optional.empty();
        }
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of("linux-x64");
            case "aarch64" -> Optional.of("linux-arm64");
            default -> Optional.empty();
        };
    }

    /**
     * Adds the profiler to a fork's options: async-profiler sampling CPU and allocation into one JFR
     * recording (the library is needed for it), or JFR's own "profile" settings; either writes under
     * {@code recordingDir}. A library that cannot load fails the run before its fork: JMH loads it
     * in the runner's JVM first and throws a ProfilersFailedException.
     */
    static ChainedOptionsBuilder attach(ChainedOptionsBuilder options, Profiler profiler, Optional<Path> library,
            Path recordingDir) {
        return switch (profiler) {
            case ASYNC -> options.addProfiler(AsyncProfiler.class, "libPath="
                    + library.orElseThrow(() -> new IllegalArgumentException("async-profiler needs its library"))
                    + ";output=jfr;event=cpu;alloc=" + ALLOCATION_INTERVAL + ";dir=" + recordingDir);
            case JFR -> options.addProfiler(JavaFlightRecorderProfiler.class,
                    "dir=" + recordingDir + ";configName=profile");
        };
    }

    /** The one recording JMH wrote under {@code recordingDir}, in a folder it names after the benchmark. */
    static Path recording(Path recordingDir) throws IOException {
        List<Path> recordings;
        try (Stream<Path> paths = Files.walk(recordingDir)) {
            recordings = paths.filter(path -> path.getFileName().toString().endsWith(".jfr")).toList();
        }
        if (recordings.size() != 1) {
            throw new IOException("expected one .jfr recording under " + recordingDir + ", found " + recordings);
        }
        return recordings.get(0);
    }

    /**
     * Writes {@code <stem>-cpu.html} and {@code <stem>-alloc.html} into {@code htmlDir}, the flame
     * graphs of the recording's CPU and allocation samples, and returns them with the CPU breakdown.
     */
    static Flames flames(Path jfr, Path htmlDir, String stem, String title) throws IOException {
        Files.createDirectories(htmlDir);
        Path cpu = htmlDir.resolve(stem + "-cpu.html");
        Path alloc = htmlDir.resolve(stem + "-alloc.html");
        // No --cpu: the converter's default, execution samples, is the CPU profile of either recording,
        // while its --cpu finds none in a recording of JFR's own.
        JfrToFlame.convert(jfr.toString(), cpu.toString(), new Arguments("--title", title + ": CPU"));
        JfrToFlame.convert(jfr.toString(), alloc.toString(),
                new Arguments("--alloc", "--title", title + ": allocation"));
        return new Flames(cpu, alloc, breakdown(collapsedCpuByThread(jfr)));
    }

    /** The recording's CPU samples (as {@link #flames} draws them) as collapsed stacks, each under its thread's frame. */
    private static List<String> collapsedCpuByThread(Path jfr) throws IOException {
        JfrToFlame converter;
        try (JfrReader reader = new JfrReader(jfr.toString())) {
            converter = new JfrToFlame(reader, new Arguments("--threads", "-o", "collapsed"));
            converter.convert();
        }
        ByteArrayOutputStream collapsed = new ByteArrayOutputStream();
        converter.dump(collapsed);
        return collapsed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The breakdown of collapsed stacks ("thread;frame;...;frame samples"), the thread's frame first. */
    static Breakdown breakdown(List<String> collapsed) {
        Map<Part, Long> samples = new EnumMap<>(Part.class);
        for (String line : collapsed) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            List<String> frames = List.of(line.substring(0, space).split(";"));
            samples.merge(part(frames), Long.parseLong(line.substring(space + 1)), Long::sum);
        }
        Map<String, Long> byPart = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            byPart.put(part.label(), samples.getOrDefault(part, 0L));
        }
        return new Breakdown(byPart.values().stream().mapToLong(Long::longValue).sum(), byPart);
    }

    private static Part part(List<String> frames) {
        if (frames.get(0).contains(BENCHMARK_THREAD)) {
            return has(frames, WRITE_BARRIER_FRAMES) ? Part.WRITE_BARRIER : Part.BENCHMARK_CODE;
        }
        // Before the GC threads: the refinement threads also run under ConcurrentGCThread::run.
        if (has(frames, List.of(REFINEMENT_FRAME))) {
            return Part.REFINEMENT;
        }
        if (has(frames, GC_FRAMES)) {
            return Part.GC_THREADS;
        }
        return has(frames, List.of(COMPILER_FRAME)) ? Part.JIT : Part.OTHER;
    }

    private static boolean has(List<String> frames, List<String> prefixes) {
        return frames.stream().anyMatch(frame -> prefixes.stream().anyMatch(frame::startsWith));
    }
}
