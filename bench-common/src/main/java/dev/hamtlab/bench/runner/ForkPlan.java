package dev.hamtlab.bench.runner;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Every fork of a run in the order the runner makes them: size after size, operation after
 * operation, and within each (size, operation) round after round, every label once a round in an
 * order the seed shuffles anew, so the drift of a shared machine hits all labels alike. The whole
 * order is drawn before anything runs, so a resumed run follows exactly the order of the run it
 * continues, whichever of its forks are done.
 */
final class ForkPlan {

    /** One planned fork: the cell, the label and the fork's number, from 1. */
    record Fork(Operation operation, Size size, Label label, int number) {
        /** Its JMH JSON's name in raw/. */
        String rawFileName() {
            return Report.rawFileName(operation, label, size, number);
        }
    }

    private ForkPlan() {
    }

    /** The run's forks in order; {@code control} is the A/A control's implementation. */
    static List<Fork> of(RunOptions options, Implementation control) {
        Random order = new Random(options.seed());
        List<Fork> forks = new ArrayList<>();
        for (Size size : options.sizes()) {
            for (Operation operation : options.operations()) {
                List<Label> labels = labels(options, control, operation, size);
                for (int fork = 1; fork <= options.forks(); fork++) {
                    List<Label> round = new ArrayList<>(labels);
                    Collections.shuffle(round, order);
                    for (Label label : round) {
                        forks.add(new Fork(operation, size, label, fork));
                    }
                }
            }
        }
        return List.copyOf(forks);
    }

    /** The planned forks whose JMH JSON {@code raw} does not hold yet, in the plan's order. */
    static List<Fork> toRun(List<Fork> plan, Path raw) {
        return plan.stream().filter(fork -> !Files.exists(raw.resolve(fork.rawFileName()))).toList();
    }

    /**
     * The labels of one cell: every implementation under every key pattern, profile and platform of
     * the main plan, the control's second label under the first of each, and the extras' platforms
     * that cover the cell, under the first key pattern and profile.
     */
    static List<Label> labels(RunOptions options, Implementation control, Operation operation, Size size) {
        Set<Label> labels = new LinkedHashSet<>();
        KeyPattern firstKeys = options.keys().get(0);
        TypeProfile firstProfile = options.profiles().get(0);
        for (KeyPattern keys : options.keys()) {
            for (TypeProfile profile : options.profiles()) {
                for (Platform platform : options.platforms()) {
                    for (Implementation implementation : options.implementations()) {
                        if (options.preset().measures(implementation, size)) {
                            labels.add(new Label(implementation, false, profile, keys, platform));
                        }
                    }
                }
            }
        }
        labels.add(new Label(control, true, firstProfile, firstKeys, options.platforms().get(0)));
        for (Preset.Extra extra : options.extras()) {
            if (extra.covers(operation, size)) {
                for (Platform platform : extra.platforms()) {
                    for (Implementation implementation : extra.implementations()) {
                        labels.add(new Label(implementation, false, firstProfile, firstKeys, platform));
                    }
                }
            }
        }
        return List.copyOf(labels);
    }

    /**
     * The A/A control's implementation: the newest phase in the run (its forks are the ones the
     * study's verdicts rest on), or the first implementation when the run has no phase.
     */
    static Implementation controlOf(List<Implementation> implementations) {
        return implementations.stream().filter(Implementation::isPhase).reduce((first, second) -> second)
                .orElse(implementations.get(0));
    }
}
