package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.stats.Comparison;
import dev.hamtlab.bench.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Phase 4's goals on this 2-core host, read from a run on random keys: a speed goal by the 95%
 * interval of the ratio of two maps' times, a memory goal by its bytes per entry, and "never slower
 * than phase 3" by the verdicts. A speed goal is met when its whole interval lies on the goal's side
 * of the bound, missed when the whole of it lies on the other side, and open when the interval holds
 * the bound: then the run cannot tell. Only the goals whose cells the run measured are shown.
 */
final class GoalsSection {
    private static final String MET = "met";
    private static final String MISSED = "**missed**";
    private static final String OPEN = "open: the interval holds the bound";
    private static final List<Size> SIZES = List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M);
    private static final List<Goal> GOALS = goals();

    private final Run run;

    GoalsSection(Run run) {
        this.run = run;
    }

    private static List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        Implementation phase4 = Implementation.PHASE4;
        Implementation intHamt = Implementation.INT_HAMT;
        SIZES.forEach(size -> goals.add(new AsFast(phase4, Implementation.SCALA_IMMUTABLE, Operation.QUERY_HIT,
                size, 1.2)));
        SIZES.forEach(size -> goals.add(new AsFast(phase4, Implementation.SCALA_IMMUTABLE, Operation.INSERT,
                size, 1.3)));
        goals.add(new Within(phase4, Implementation.HASHMAP, Operation.QUERY_HIT, Size.ONE_M, 2));
        goals.add(new AtMostBytes(phase4, Size.ONE_M, 24));
        goals.add(new NeverSlower(phase4, Implementation.PHASE3));
        SIZES.forEach(size -> goals.add(new Within(intHamt, Implementation.FASTUTIL_INT, Operation.QUERY_HIT,
                size, 3)));
        SIZES.forEach(size -> goals.add(new Within(intHamt, Implementation.FASTUTIL_INT, Operation.INSERT,
                size, 2)));
        SIZES.forEach(size -> goals.add(new AtMostBytes(intHamt, size, 20)));
        return List.copyOf(goals);
    }

    /** The goals of the subjects {@code subjects} accepts that the run measured; empty when it measured none. */
    String markdown(Predicate<Implementation> subjects) {
        List<String> rows = GOALS.stream().filter(g -> subjects.test(g.subject()))
                .flatMap(g -> g.row(this).stream()).toList();
        if (rows.isEmpty()) {
            return "";
        }
        return "## Phase 4's goals\n\n"
                + "The goals set for phase 4 on this host, on random keys and the run's main platform. A speed goal is"
                + " read from the 95% interval of the ratio of the two maps' times: *met* when the whole interval is"
                + " on the goal's side of the bound, *missed* when the whole of it is on the other side, *open* when"
                + " it holds the bound. A memory goal is one measurement (JOL's walk), with no interval.\n\n"
                + "| Goal | Scale | Measured | 95% interval | Reading |\n|---|---|---:|---:|---|\n"
                + String.join("", rows) + "\n";
    }

    /** A goal of one map: its row of the table, when the run measured what the goal needs. */
    private interface Goal {
        Implementation subject();

        Optional<String> row(GoalsSection section);
    }

    /** The subject at least {@code times} as fast as the reference: ops/s over the reference's ops/s. */
    private record AsFast(Implementation subject, Implementation reference, Operation operation, Size size,
            double times) implements Goal {
        @Override
        public Optional<String> row(GoalsSection section) {
            return section.judged(reference, subject, operation, size).map(c -> tableRow(subject.displayName()
                    + " at least " + bound(times) + " as fast as " + reference.displayName() + " on "
                    + operation.cliName(), size.cliName(), asRatio(c.ratio()) + " as fast",
                    "[" + asRatio(c.low()) + ", " + asRatio(c.high()) + "]",
                    c.low() >= times ? MET : c.high() < times ? MISSED : OPEN));
        }
    }

    /** The subject's time at most {@code times} the reference's: ns per op over the reference's ns per op. */
    private record Within(Implementation subject, Implementation reference, Operation operation, Size size,
            double times) implements Goal {
        @Override
        public Optional<String> row(GoalsSection section) {
            // The comparison's ratio is the reference's time over the subject's: its inverse is the subject's share.
            return section.judged(reference, subject, operation, size).map(c -> tableRow(subject.displayName()
                    + " within " + bound(times) + " the time of " + reference.displayName() + " on "
                    + operation.cliName(), size.cliName(), asRatio(1 / c.ratio()) + " the time",
                    "[" + asRatio(1 / c.high()) + ", " + asRatio(1 / c.low()) + "]",
                    1 / c.low() <= times ? MET : 1 / c.high() > times ? MISSED : OPEN));
        }
    }

    /** The subject's own bytes per entry at most {@code bytes} at one size. */
    private record AtMostBytes(Implementation subject, Size size, double bytes) implements Goal {
        @Override
        public Optional<String> row(GoalsSection section) {
            return section.run.footprints.stream().filter(f -> f.platformOrG1() == section.run.main
                            && f.implementation().equals(subject.cliName())
                            && f.keys().equals(KeyPattern.RANDOM.cliName()) && f.size().equals(size.cliName()))
                    .findFirst().map(f -> tableRow(subject.displayName() + " at most " + bytes(bytes)
                            + " bytes per entry", size.cliName(), bytes(f.bytesPerEntry()) + " bytes", MISSING,
                            f.bytesPerEntry() <= bytes ? MET : MISSED));
        }

        private static String bytes(double bytes) {
            return String.format(Locale.ROOT, "%.1f", bytes);
        }
    }

    /** The subject never slower than the reference beyond the run's resolution, at every operation and size. */
    private record NeverSlower(Implementation subject, Implementation reference) implements Goal {
        @Override
        public Optional<String> row(GoalsSection section) {
            List<String> slower = new ArrayList<>();
            int judged = 0;
            for (Operation operation : section.run.operations) {
                for (Size size : section.run.sizes) {
                    Optional<Comparisons.Judged> found = section.run.comparisons.judged(section.pair(reference,
                            subject, operation, size));
                    judged += found.isPresent() ? 1 : 0;
                    found.filter(j -> j.verdict() == Verdict.SLOWER).ifPresent(j -> slower.add(operation.cliName()
                            + " " + size.cliName() + " " + Format.percent(j.comparison().improvement())));
                }
            }
            if (judged == 0) {
                return Optional.empty();
            }
            return Optional.of(tableRow(subject.displayName() + " never slower than " + reference.displayName()
                    + " beyond the run's resolution", "every one measured", slower.size() + " of " + judged
                    + " cells slower", MISSING, slower.isEmpty() ? MET : MISSED + ": slower at "
                    + String.join(", ", slower)));
        }
    }

    /** The comparison of the subject (after) with the reference (before), when the run judged it. */
    private Optional<Comparison> judged(Implementation reference, Implementation subject, Operation operation,
            Size size) {
        return run.comparisons.judged(pair(reference, subject, operation, size)).map(Comparisons.Judged::comparison);
    }

    private Comparisons.Pair pair(Implementation reference, Implementation subject, Operation operation, Size size) {
        Label like = new Label(subject, false, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, run.main);
        return new Comparisons.Pair(operation, size, like.with(reference), like);
    }

    private static String tableRow(String goal, String scale, String measured, String interval, String reading) {
        return Stream.of(goal, scale, measured, interval, reading).collect(Collectors.joining(" | ", "| ", " |\n"));
    }

    /** A goal's bound as "1.2x" or "2x". */
    private static String bound(double times) {
        return (times == Math.rint(times) ? String.format(Locale.ROOT, "%.0f", times) : String.valueOf(times)) + "x";
    }

    /** A ratio as "1.23x". */
    private static String asRatio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
