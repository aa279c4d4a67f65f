package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.percent;
import static dev.hamtlab.bench.report.Format.unsignedPercent;
import static dev.hamtlab.bench.report.Format.interval;

import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.stats.Verdict;
import java.util.Optional;

/** The A/A control per operation and size: its interval's half-width is what the run can resolve, against the goal. */
final class ResolutionSection {
    private final Run run;

    ResolutionSection(Run run) {
        this.run = run;
    }

    /** The A/A control per operation and size: its interval's half-width is what this run can resolve. */
    String markdown() {
        if (run.control.isEmpty()) {
            return "";
        }
        Label aa = run.control.get();
        StringBuilder text = new StringBuilder("## Resolution: the A/A control\n\n")
                .append(aa.implementation().displayName()).append(" is measured under two labels, interleaved with")
                .append(" every other fork; the two must read *same*, and the half-width of their interval is the")
                .append(" smallest difference this run resolves at that operation and size.\n\n")
                .append("| Operation | Scale | A/A improvement | 95% interval | Half-width | Verdict | Goal |\n")
                .append("|-----------|-------|------:|------:|------:|------|------|\n");
        for (Operation operation : run.operations) {
            for (Size size : run.sizes) {
                Optional<Comparisons.Judged> found = run.comparisons.judged(new Comparisons.Pair(operation,
                        size, Run.primaryOf(aa), aa));
                Optional<Double> goal = resolutionGoal(operation);
                text.append("| ").append(operation.cliName()).append(" | ").append(size.cliName())
                        .append(" | ").append(found.map(j -> percent(j.comparison().improvement())).orElse(MISSING))
                        .append(" | ").append(found.map(j -> interval(j.comparison())).orElse(MISSING))
                        .append(" | ").append(found.map(j -> unsignedPercent(j.comparison()
                                .halfWidth())).orElse(MISSING))
                        .append(" | ").append(found.map(j -> j.verdict().label()).orElse(MISSING))
                        .append(" | ").append(goal.map(g -> "≤ " + unsignedPercent(g) + found
                                .map(j -> j.comparison().halfWidth() <= g ? ": met" : ": not met").orElse(""))
                                .orElse("none set"))
                        .append(" |\n");
            }
        }
        return text.append("\n").toString();
    }

    /**
     * The resolution a run is meant to reach on this 2-core machine at every size: the A/A
     * control's 95% interval half-width, as a fraction, at most 10% on remove (each call refills the
     * map and settles it with a full collection, a noisier cell) and 5% on every other operation.
     * None for a smoke run, whose numbers mean nothing, or a run that recorded no facts.
     */
    private Optional<Double> resolutionGoal(Operation operation) {
        if (run.facts.isEmpty() || run.facts.get().fromSmokeRun()) {
            return Optional.empty();
        }
        return Optional.of(operation == Operation.REMOVE ? 0.10 : 0.05);
    }
}
