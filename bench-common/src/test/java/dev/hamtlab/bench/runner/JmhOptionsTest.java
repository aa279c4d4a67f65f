package dev.hamtlab.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.CallTime;
import dev.hamtlab.bench.measure.PoolCounters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;

/** What the runner asks JMH for, per benchmark. */
class JmhOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1K", "10K", "100K", "1M", "2^22", "1500"})
    void scoreIsPerKey(String label) {
        Size size = Size.parse(label).orElseThrow();
        Options options = ForkOptions.jmhOptions(Preset.QUICK, Operation.INSERT,
                new Label(Implementation.PHASE1, false, TypeProfile.MONOMORPHIC,
                KeyPattern.RANDOM), size, Optional.empty());
        assertEquals(size.count(), options.getOperationsPerInvocation().get());
        assertEquals(List.of(size.cliName()), List.copyOf(options.getParameter("size").get()));
        assertEquals(List.of("phase1"), List.copyOf(options.getParameter("impl").get()));
    }

    @Test
    void includesOnlyTheOperationsBenchmark() {
        Options options = ForkOptions.jmhOptions(Preset.QUICK, Operation.QUERY_HIT,
                new Label(Implementation.HASHMAP, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM),
        Size.ONE_K, Optional.empty());
        Pattern include = Pattern.compile(options.getIncludes().get(0));
        assertTrue(include.matcher("dev.hamtlab.bench.MapBenchmark.queryHit").find());
        assertFalse(include.matcher("dev.hamtlab.bench.MapBenchmark.queryMiss").find());
        assertFalse(include.matcher("dev.hamtlab.bench.MapBenchmark.queryHitAndMore").find());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyRunProfilesAllocationAndCollections(Preset preset) {
        Options options = ForkOptions.jmhOptions(preset, Operation.CHURN,
                new Label(Implementation.PHASE3, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM),
        Size.ONE_K, Optional.empty());
        assertEquals(List.of(GCProfiler.class.getName()),
                options.getProfilers().stream().map(ProfilerConfig::getKlass).toList());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void forksNeverCount(Preset preset) {
        // Like the runner under ./bench, this JVM counts; given no JVM args, JMH would pass a fork the runner's own.
        assertTrue(Boolean.getBoolean(PoolCounters.PROPERTY));
        for (Operation operation : Operation.values()) {
            for (Implementation implementation : Implementation.values()) {
                Options options = ForkOptions.jmhOptions(preset, operation,
                        new Label(implementation, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM),
                Size.ONE_K, Optional.empty());
                assertTrue(options.getJvmArgs().hasValue(), "JVM args always set, if only to none");
                List<String> forkArgs = new ArrayList<>(options.getJvmArgs().get());
                forkArgs.addAll(options.getJvmArgsPrepend().orElse(List.of()));
                forkArgs.addAll(options.getJvmArgsAppend().orElse(List.of()));
                assertTrue(forkArgs.stream()
                        .noneMatch(arg -> arg.contains(PoolCounters.PROPERTY)), forkArgs.toString());
            }
        }
    }

    @Test
    void forkedPresetsRunOnAFixedPreTouchedHeapWithTheChosenCollector() {
        for (Preset preset : List.of(Preset.QUICK, Preset.FULL)) {
            Options options = ForkOptions.jmhOptions(preset, Operation.INSERT,
                    new Label(Implementation.PHASE0, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM),
            Size.ONE_M, Optional.empty());
            assertTrue(options.getForkCount().get() >= 1);
            assertEquals(List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC"),
                    List.copyOf(options.getJvmArgs().get()));
            Options parallel = ForkOptions.jmhOptions(preset, Operation.CHURN,
                    new Label(Implementation.PHASE3, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM,
                    Platform.PARALLEL), Size.ONE_K, Optional.empty());
            assertEquals(List.of(Platform.PARALLEL.cliName()), List.copyOf(parallel.getParameter("platform").get()));
            // Up to 2^18 keys, a 512 MB heap: pre-touching 2 GB would cost every fork 4 s here.
            assertEquals(List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC"),
                    List.copyOf(parallel.getJvmArgs().get()));
        }
    }

    @Test
    void epsilonGetsAHeapForAWholeForkAndJdk25ForksRunOnTheJdk25() {
        Options epsilon = ForkOptions.jmhOptions(Preset.FULL, Operation.INSERT, new Label(Implementation.PHASE1, false,
                TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, Platform.EPSILON), Size.ONE_M, Optional.empty());
        assertEquals(List.of("-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC"),
                List.copyOf(epsilon.getJvmArgs().get()));
        // Epsilon keeps its heap at every size: it must hold all a fork allocates.
        assertEquals("-Xms6g",
                ForkOptions.jmhOptions(Preset.FULL, Operation.INSERT, new Label(Implementation.PHASE1, false,
                TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, Platform.EPSILON), Size.ONE_K,
                        Optional.empty()).getJvmArgs().get()
                .iterator().next());
        Path java = Path.of("/jdks/25/bin/java");
        Options compact = ForkOptions.jmhOptions(Preset.FULL, Operation.QUERY_HIT,
                new Label(Implementation.PHASE1, false,
                TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, Platform.JDK25_COMPACT), Size.ONE_M, Optional.of(java));
        assertEquals(java.toString(), compact.getJvm().get());
        assertTrue(compact.getJvmArgs().get().contains("-XX:+UseCompactObjectHeaders"));
        Options onJdk17 = ForkOptions.jmhOptions(Preset.FULL, Operation.QUERY_HIT,
                new Label(Implementation.PHASE1, false,
                TypeProfile.MONOMORPHIC, KeyPattern.RANDOM), Size.ONE_M, Optional.of(java));
        assertFalse(onJdk17.getJvm().hasValue(), "the runner's own JDK");
    }

    @Test
    void forkedPresetsRecordEveryIterationWithoutJmhWarmupAndHugePagesAreG1s() {
        for (Preset preset : List.of(Preset.QUICK, Preset.FULL)) {
            Options options = ForkOptions.jmhOptions(preset, Operation.INSERT, new Label(Implementation.PHASE0, false,
                    TypeProfile.MONOMORPHIC, KeyPattern.RANDOM), Size.ONE_K, Optional.empty());
            assertEquals(0, options.getWarmupIterations().get());
            assertTrue(options.getMeasurementIterations().get() >= 3);
            assertEquals(TimeValue.milliseconds(CallTime.SHORTEST_ITERATION_MILLIS),
                    options.getMeasurementTime().get());
        }
        Options hugePages = ForkOptions.jmhOptions(Preset.FULL, Operation.QUERY_HIT,
                new Label(Implementation.PHASE1, false,
                TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, Platform.G1_THP), Size.ONE_M, Optional.empty());
        assertEquals(List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages"),
                List.copyOf(hugePages.getJvmArgs().get()));
    }

    @Test
    void smokeRunsInProcessWithOneShortIteration() {
        Options options = ForkOptions.jmhOptions(Preset.SMOKE, Operation.INSERT,
                new Label(Implementation.PHASE0, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM),
        Size.ONE_K, Optional.empty());
        assertEquals(0, options.getForkCount().get());
        assertEquals(0, options.getWarmupIterations().get());
        assertEquals(1, options.getMeasurementIterations().get());
    }
}
