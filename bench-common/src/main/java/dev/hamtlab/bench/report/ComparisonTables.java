package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.nanos;
import static dev.hamtlab.bench.report.Format.percent;
import static dev.hamtlab.bench.report.Format.interval;
import static dev.hamtlab.bench.report.Format.opsPerSecond;
import static dev.hamtlab.bench.report.Format.keysAndProfile;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.stats.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The tables that compare maps on one operation: each phase against the implementation before it
 * and against HashMap, every map's time by size, and each phase against each peer.
 */
final class ComparisonTables {
    private final Run run;

    ComparisonTables(Run run) {
        this.run = run;
    }

    /**
     * Per operation and profile: each phase against the implementation before it, then each phase
     * against each peer; only the phases that {@code shown} accepts.
     */
    String comparisons(Predicate<Implementation> shown) {
        StringBuilder text = new StringBuilder();
        for (Operation operation : run.operations) {
            text.append("## ").append(operation.cliName()).append(": ").append(operation.description()).append("\n\n");
            for (KeyPattern pattern : run.keys) {
                for (TypeProfile profile : run.profiles) {
                    for (Implementation after : run.implementations) {
                        if (after.isPhase() && shown.test(after)) {
                            Label label = new Label(after, false, profile, pattern, run.main);
                            run.comparedWith(label).forEach(before -> text.append(table(operation, before, label)));
                        }
                    }
                    // HashMap, the map the study started from, in the seed's form; every peer in the matrix below.
                    for (Implementation after : run.implementations) {
                        if (after.isPhase() && shown.test(after)
                                && run.implementations.contains(Implementation.HASHMAP)) {
                            Label label = new Label(after, false, profile, pattern, run.main);
                            text.append(table(operation, label.with(Implementation.HASHMAP), label));
                        }
                    }
                    text.append(bySize(operation,
                            new Label(Implementation.HASHMAP, false, profile, pattern, run.main), shown));
                    text.append(amongThePeers(operation,
                            new Label(Implementation.HASHMAP, false, profile, pattern, run.main), shown));
                }
            }
        }
        return text.toString();
    }

    /**
     * Every implementation's median ns per op at every size, with the given label's profile and
     * keys: where each map leaves each cache level. Phases only where {@code shown} accepts them.
     */
    String bySize(Operation operation, Label like, Predicate<Implementation> shown) {
        List<Implementation> rows = run.implementations.stream().filter(i -> !i.isPhase() || shown.test(i)).toList();
        if (rows.size() < 2 || run.sizes.size() < 2
                && run.implementations.stream().filter(i -> !i.isPhase()).count() < 2) {
            return "";
        }
        StringBuilder text = new StringBuilder("### ").append(operation.cliName()).append(", ")
                .append(keysAndProfile(like))
                .append(": ns per op by size\n\n| Implementation | Driven |");
        run.sizes.forEach(size -> text.append(" ").append(size.cliName()).append(" |"));
        text.append("\n|---|---|").append("---:|".repeat(run.sizes.size())).append("\n");
        for (Implementation implementation : rows) {
            text.append("| ").append(implementation.displayName()).append(" | ")
                    .append(implementation.driven().cliName()).append(" |");
            for (Size size : run.sizes) {
                text.append(" ").append(run.comparisons.median(operation, size,
                        like.with(implementation)).map(Format::nanos)
                        .orElse(MISSING)).append(" |");
            }
            text.append("\n");
        }
        return text.append("\n").toString();
    }

    /**
     * Each phase against each peer at each size, as improvement and verdict: the phases' place
     * among the maps people use. Only when the run has peers besides HashMap.
     */
    private String amongThePeers(Operation operation, Label like, Predicate<Implementation> shown) {
        List<Implementation> peers = run.implementations.stream().filter(i -> !i.isPhase()).toList();
        return peers.size() < 2 ? "" : againstEach(operation, like, shown, peers, "each peer");
    }

    /** Each phase that {@code shown} accepts against each of {@code peers} at each size: improvement, verdict, interval. */
    String againstEach(Operation operation, Label like, Predicate<Implementation> shown, List<Implementation> peers,
            String whom) {
        List<Implementation> phases = run.implementations.stream().filter(i -> i.isPhase() && shown.test(i)).toList();
        if (phases.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("### ").append(operation.cliName()).append(", ")
                .append(keysAndProfile(like))
                .append(": each phase against ").append(whom)
                .append("\n\nThe phase's improvement over the peer (positive: the phase is")
                .append(" faster), the verdict and the 95% interval.\n\n| Scale | Phase |");
        peers.forEach(peer -> text.append(" vs ").append(peer.displayName()).append(" |"));
        text.append("\n|---|---|").append("---:|".repeat(peers.size())).append("\n");
        for (Size size : run.sizes) {
            for (Implementation phase : phases) {
                Label after = like.with(phase);
                text.append("| ").append(size.cliName()).append(" | ").append(phase.displayName()).append(" |");
                for (Implementation peer : peers) {
                    Comparisons.Pair pair = new Comparisons.Pair(operation, size, like.with(peer), after);
                    Optional<Double> was = run.comparisons.median(operation, size, pair.before());
                    Optional<Double> is = run.comparisons.median(operation, size, after);
                    text.append(" ").append(was.isPresent() && is.isPresent()
                            ? percent(was.get() / is.get() - 1) + " "
                            + run.comparisons.verdict(pair).map(Verdict::label).orElse("")
                                    + run.comparisons.judged(pair).map(j -> " " + interval(j.comparison())).orElse("")
                            : MISSING).append(" |");
                }
                text.append("\n");
            }
        }
        return text.append("\n").toString();
    }

    String table(Operation operation, Label before, Label after) {
        StringBuilder text = new StringBuilder()
                .append("### ").append(after.displayName()).append(" vs ").append(before.displayName()).append("\n\n")
                .append("| Scale | ").append(before.displayName()).append(" ops/s | ").append(after.displayName())
                .append(" ops/s | Improvement | 95% interval | Verdict | ns/op |\n")
                .append("|-------|------:|------:|------:|------:|------|------:|\n");
        for (Size size : run.sizes) {
            Optional<Double> was = run.comparisons.median(operation, size, before);
            Optional<Double> is = run.comparisons.median(operation, size, after);
            Comparisons.Pair pair = new Comparisons.Pair(operation, size, before, after);
            // The ratio of the two medians: the comparison's own, whether or not it has forks enough for a verdict.
            String improvement = was.isPresent() && is.isPresent() ? percent(was.get() / is.get() - 1) : MISSING;
            text.append("| ").append(size.cliName())
                    .append(" | ").append(was.map(Format::opsPerSecond).orElse(MISSING))
                    .append(" | ").append(is.map(Format::opsPerSecond).orElse(MISSING))
                    .append(" | ").append(improvement)
                    .append(" | ").append(run.comparisons.judged(pair)
                            .map(j -> interval(j.comparison())).orElse(MISSING))
                    .append(" | ").append(run.comparisons.verdict(pair).map(Verdict::label).orElse(MISSING))
                    .append(" | ").append(is.map(Format::nanos).orElse(MISSING))
                    .append(" |\n");
        }
        return text.append("\n").toString();
    }

    /** "+12.3% faster [+9.8%, +14.1%]", or the ratio alone without a verdict, or a dash. */
    String judgedCell(Comparisons.Pair pair) {
        Optional<Double> was = run.comparisons.median(pair.operation(), pair.size(), pair.before());
        Optional<Double> is = run.comparisons.median(pair.operation(), pair.size(), pair.after());
        return was.isPresent() && is.isPresent()
                ? percent(was.get() / is.get() - 1) + " " + run.comparisons.verdict(pair).map(Verdict::label).orElse("")
                        + run.comparisons.judged(pair).map(j -> " " + interval(j.comparison())).orElse("")
                : MISSING;
    }
}
