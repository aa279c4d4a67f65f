package dev.hamtlab.bench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hamtlab.bench.BadInput;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.results.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The order of a run's forks, and of a resumed run's, without running JMH. */
class ForkPlanTest {
    @TempDir
    Path temp;

    @Test
    void everyRoundHoldsEveryLabelOnceInTheSeedsOrder() throws BadInput {
        RunOptions options = parse("--impls", "hashmap,phase1,phase3", "--sizes", "1K,10K", "--ops", "insert,churn",
                "--forks", "4", "--seed", "42");
        List<ForkPlan.Fork> plan = ForkPlan.of(options, Implementation.PHASE3);

        // Size after size, operation after operation: 4 labels (3 maps and the A/A control) x 4 forks each.
        assertEquals(2 * 2 * 4 * 4, plan.size());
        int at = 0;
        for (Size size : options.sizes()) {
            for (Operation operation : options.operations()) {
                Set<Label> labels = Set.copyOf(ForkPlan.labels(options, Implementation.PHASE3, operation, size));
                for (int fork = 1; fork <= 4; fork++) {
                    List<ForkPlan.Fork> round = plan.subList(at, at + labels.size());
                    int number = fork;
                    assertEquals(labels, Set.copyOf(round.stream().map(ForkPlan.Fork::label).toList()));
                    round.forEach(f -> assertEquals(List.of(operation, size, number),
                            List.of(f.operation(), f.size(), f.number())));
                    at += labels.size();
                }
            }
        }
        assertEquals(plan, ForkPlan.of(options, Implementation.PHASE3));
        assertNotEquals(plan,
                ForkPlan.of(parse("--impls", "hashmap,phase1,phase3", "--sizes", "1K,10K", "--ops", "insert,churn",
                "--forks", "4", "--seed", "43"), Implementation.PHASE3));
    }

    /** Whichever forks finished, in whatever order (a fork may have failed), the rest run in the original order. */
    @Test
    void aResumeRunsTheUninterruptedOrderWithoutTheDoneForks() throws BadInput, IOException {
        RunOptions options = parse("--impls", "hashmap,phase1,phase3", "--sizes", "1K,10K", "--ops", "insert,churn",
                "--forks", "4", "--seed", "42");
        List<ForkPlan.Fork> plan = ForkPlan.of(options, Implementation.PHASE3);
        Path raw = Files.createDirectories(temp.resolve("raw"));
        Set<ForkPlan.Fork> done = new HashSet<>(plan.subList(0, 20));
        IntStream.range(20, plan.size()).filter(i -> i % 7 == 0).forEach(i -> done.add(plan.get(i)));
        for (ForkPlan.Fork fork : done) {
            Files.writeString(raw.resolve(fork.rawFileName()), "[]");
        }
        Files.writeString(raw.resolve(plan.get(21).rawFileName() + ".partial"), "[");

        List<ForkPlan.Fork> toRun = ForkPlan.toRun(ForkPlan.of(options, Implementation.PHASE3), raw);

        assertEquals(plan.stream().filter(f -> !done.contains(f)).toList(), toRun);
        assertEquals(plan.get(20), toRun.get(0));
    }

    /**
     * A resume's options, read back from the run's environment.json, plan the very same forks:
     * collectors in the order given, extras and JDK 25 included, and a preset's own order of maps.
     */
    @ParameterizedTest
    @ValueSource(strings = {"--preset platforms --gc zgc,g1 --impls hashmap,phase3,phase4 --sizes 100K,1M --forks 2 --seed 7",
        "--preset phase4 --keys strided,random --seed 8"})
    void theRecordedRunPlansTheSameForks(String commandLine) throws BadInput, IOException {
        RunOptions options = parse(commandLine.split(" "));
        Implementation control = ForkPlan.controlOf(options.implementations());
        Path folder = Files.createDirectories(temp.resolve("x"));
        Environment.write(folder, EnvironmentProbe.collect(options, control, true));

        Environment.Facts facts = Environment.read(folder).orElseThrow();
        RunOptions recorded = RunOptions.recorded(facts, facts.plan(), folder);

        assertEquals(options.implementations(), recorded.implementations());
        assertEquals(options.keys(), recorded.keys());
        assertEquals(options.platforms(), recorded.platforms());
        assertEquals(options.extras(), recorded.extras());
        assertEquals(options.profiled(), recorded.profiled());
        assertEquals(options.jdk25(), recorded.jdk25());
        assertEquals(ForkPlan.of(options, control),
                ForkPlan.of(recorded, ForkPlan.controlOf(recorded.implementations())));
    }

    private RunOptions parse(String... args) throws BadInput {
        String[] withOut = new String[args.length + 2];
        System.arraycopy(args, 0, withOut, 0, args.length);
        withOut[args.length] = "--out";
        withOut[args.length + 1] = temp.resolve("run").toString();
        return RunOptions.parse(withOut);
    }
}
