package dev.hamtlab.bench.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.profile.Profiles.Breakdown;
import dev.hamtlab.bench.profile.Profiles.Flames;
import dev.hamtlab.bench.profile.Profiles.Part;
import dev.hamtlab.bench.profile.Profiles.Profiler;
import dev.hamtlab.bench.runner.ForkOptions;
import dev.hamtlab.bench.runner.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** A fork's flame graphs: the library, the CPU breakdown, and one profiled fork end to end. */
class ProfilesTest {

    @Test
    void extractsTheLibraryOnce(@TempDir Path dir) throws IOException {
        Path library = Profiles.library(dir).orElseThrow(() -> new AssertionError(
                "no async-profiler library for " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")));
        assertTrue(Files.size(library) > 0, library.toString());
        assertEquals(Optional.of(library), Profiles.library(dir));
    }

    @Test
    void breaksTheSamplesDownByThreadAndFrame() {
        String worker = "[dev.hamtlab.bench.MapBenchmark.churn-jmh-worker-1 tid=31475];java/lang/Thread.run_[0];"
                + "dev/hamtlab/bench/MapBenchmark.churn_[j];dev/hamtlab/phase3/Hamt.put_[i]";
        Breakdown breakdown = Profiles.breakdown(List.of(
                worker + ";dev/hamtlab/phase3/BitmapNode.put_[j] 40",
                worker + ";dev/hamtlab/phase3/BitmapNode.moveTo_[i];G1DirtyCardQueueSet::enqueue;"
                        + "G1DirtyCardQueueSet::handle_completed_buffer;G1RemSet::refine_card_concurrently 7",
                worker + ";G1BarrierSetRuntime::write_ref_field_post_entry 2",
                "[G1 Refine#0 tid=31445];start_thread;Thread::call_run;ConcurrentGCThread::run;"
                        + "G1ConcurrentRefineThread::run_service;G1DirtyCardQueueSet::refine_buffer 12",
                "[G1 Conc#0 tid=937];start_thread;Thread::call_run;GangWorker::run;GangWorker::loop;"
                        + "G1CMConcurrentMarkingTask::work 5",
                "[GC Thread#1 tid=755];start_thread;Thread::call_run;WorkerThread::run;ScavengeRootsTask::work 3",
                "[C2 CompilerThre tid=31460];start_thread;JavaThread::thread_main_inner;"
                        + "CompileBroker::compiler_thread_loop;C2Compiler::compile_method 4",
                "[VM Thread tid=30000];start_thread;VMThread::run 1",
                ""));
        assertEquals(Map.of(Part.BENCHMARK_CODE.label(), 40L, Part.WRITE_BARRIER.label(), 9L,
                Part.REFINEMENT.label(), 12L,
                Part.GC_THREADS.label(), 8L, Part.JIT.label(), 4L, Part.OTHER.label(), 1L), breakdown.byPart());
        assertEquals(74, breakdown.samples());
        assertEquals(breakdown.samples(), breakdown.byPart().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(List.of(Part.values()).stream().map(Part::label).toList(),
                List.copyOf(breakdown.byPart().keySet()));
        assertEquals(40.0 / 74, breakdown.share(Part.BENCHMARK_CODE), 1e-12);
    }

    /** One short fork of phase1's insert under async-profiler, through the runner's own fork options. */
    @Test
    void profilesAForkIntoFlameGraphs(@TempDir Path dir) throws IOException {
        Optional<Path> library = Profiles.library(dir.resolve("lib"));
        assertTrue(library.isPresent(),
                "async-profiler has no library for this machine: the JFR fallback would run instead");
        Label label = new Label(Implementation.PHASE1, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(ForkOptions.of(Preset.QUICK, Operation.INSERT, label, Size.ONE_K, Optional.empty()).build())
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(200));
        Path recordings = dir.resolve("recordings");
        try {
            new Runner(Profiles.attach(options, Profiler.ASYNC, library, recordings).build()).run();
        } catch (RunnerException e) {
            fail("the fork failed under async-profiler (" + library.get() + "); could its library not load?", e);
        }
        Flames flames = Profiles.flames(Profiles.recording(recordings), dir.resolve("html"), "insert_phase1_1K",
                "insert phase1 1K");

        for (Path html : List.of(flames.cpu(), flames.alloc())) {
            String text = Files.readString(html);
            assertTrue(text.startsWith("<!DOCTYPE html>") && text.length() > 1000, html + " is no flame graph");
        }
        Breakdown breakdown = flames.breakdown();
        assertTrue(breakdown.samples() > 0, "no CPU samples");
        assertTrue(breakdown.share(Part.BENCHMARK_CODE) > 0, breakdown.toString());
    }
}
