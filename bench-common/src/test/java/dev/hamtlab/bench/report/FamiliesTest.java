package dev.hamtlab.bench.report;

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
import dev.hamtlab.bench.measure.HostWatch;
import dev.hamtlab.bench.stats.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FamiliesTest {
    private static final Label PHASE0 = label(Implementation.PHASE0, false);
    private static final Label PHASE1 = label(Implementation.PHASE1, false);
    private static final Label CONTROL = label(Implementation.PHASE1, true);
    private static final Label HASHMAP = label(Implementation.HASHMAP, false);

    private final List<Forks.Fork> forks = new ArrayList<>();

    @Test
    void aPhaseStepsVerdictDoesNotDependOnThePeersInTheRun() {
        // A 4% step whose forks overlap a little (exact p = 0.026) and a step of no change.
        cell(Operation.INSERT, PHASE0, 100, 101, 102, 103, 104, 105, 99);
        cell(Operation.INSERT, PHASE1, 96, 97, 98, 99.5, 100.5, 94, 102.5);
        cell(Operation.CHURN, PHASE0, 100, 101, 102, 103, 104, 105, 99);
        cell(Operation.CHURN, PHASE1, 100.5, 101.5, 102.5, 103.5, 98, 99.5, 104.5);
        Comparisons.Pair step = new Comparisons.Pair(Operation.INSERT, Size.ONE_K, PHASE0, PHASE1);
        Comparisons.Pair noStep = new Comparisons.Pair(Operation.CHURN, Size.ONE_K, PHASE0, PHASE1);
        List<Comparisons.Pair> steps = List.of(step, noStep);
        Comparisons alone = new Comparisons(forks, Map.of(Family.PHASE_STEPS, steps));
        Comparisons.Judged stepAlone = alone.judged(step).orElseThrow();
        assertEquals(0.026, stepAlone.comparison().pValue(), 0.001);
        // Benjamini-Hochberg over the two steps: 0.026 x 2 / 1.
        assertEquals(2 * stepAlone.comparison().pValue(), stepAlone.adjustedP(), 1e-12);

        // Certain discoveries against HashMap: in their own family they leave the steps alone.
        List<Comparisons.Pair> peers = new ArrayList<>();
        for (Operation operation : List.of(Operation.QUERY_HIT, Operation.QUERY_MISS, Operation.REMOVE)) {
            cell(operation, HASHMAP, 10, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6);
            cell(operation, PHASE1, 50, 50.1, 50.2, 50.3, 50.4, 50.5, 50.6);
            peers.add(new Comparisons.Pair(operation, Size.ONE_K, HASHMAP, PHASE1));
        }
        Map<Family, List<Comparisons.Pair>> declared = new EnumMap<>(Family.class);
        declared.put(Family.PHASE_STEPS, steps);
        declared.put(Family.PEERS, peers);
        Comparisons both = new Comparisons(forks, declared);
        assertEquals(stepAlone, both.judged(step).orElseThrow());
        assertTrue(both.of(Family.PEERS).stream().allMatch(j -> j.verdict() == Verdict.SLOWER));

        // Pooled with them, the step would pass at a looser threshold: 0.026 x 5 / 4, below 5%.
        List<Comparisons.Pair> pooled = new ArrayList<>(peers);
        pooled.addAll(steps);
        double padded = new Comparisons(forks, Map.of(Family.PHASE_STEPS, pooled)).judged(step)
                .orElseThrow().adjustedP();
        assertEquals(stepAlone.comparison().pValue() * 5 / 4, padded, 1e-12);
        assertTrue(padded < Verdict.ALPHA && stepAlone.adjustedP() > Verdict.ALPHA);
    }

    @Test
    void aControlThatReadsDifferentIsTheRunsFailureAtTheTop() {
        List<Comparisons.Pair> controls = new ArrayList<>();
        for (Operation operation : List.of(Operation.INSERT, Operation.QUERY_HIT)) {
            cell(operation, PHASE1, 100, 101, 102, 103, 104, 105, 106);
            controls.add(new Comparisons.Pair(operation, Size.ONE_K, PHASE1, CONTROL));
        }
        cell(Operation.INSERT, CONTROL, 100.5, 101.5, 102.5, 103.5, 104.5, 105.5, 99.5);
        cell(Operation.QUERY_HIT, CONTROL, 80, 81, 82, 83, 84, 85, 86);
        Map<Family, List<Comparisons.Pair>> families = Map.of(Family.CONTROLS, controls);
        String failures = new FamiliesSection(families, new Comparisons(forks, families)).failures();
        assertTrue(failures.contains("failed its A/A control"), failures);
        assertTrue(failures.contains("query-hit 1K (faster"), failures);
        assertFalse(failures.contains("insert 1K"), failures);
        assertFalse(failures.contains("could not fail"), failures);
    }

    @Test
    void aControlWithTooFewForksForItsCorrectionIsSaidToBeNoTest() {
        List<Comparisons.Pair> controls = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            for (Size size : List.of(Size.ONE_K, Size.TEN_K, Size.HUNDRED_K, Size.ONE_M)) {
                forks.addAll(forksOf(operation, size, PHASE1, 100, 101, 102, 103, 104, 105));
                forks.addAll(forksOf(operation, size, CONTROL, 100.5, 101.5, 102.5, 103.5, 104.5, 105.5));
                controls.add(new Comparisons.Pair(operation, size, PHASE1, CONTROL));
            }
        }
        Map<Family, List<Comparisons.Pair>> families = Map.of(Family.CONTROLS, controls);
        FamiliesSection section = new FamiliesSection(families, new Comparisons(forks, families));
        // 20 controls, 6 forks a side: only wholly separated forks could get below 0.05 / 20.
        String failures = section.failures();
        assertTrue(failures.contains("could not fail here") && failures.contains("need 7 forks a side")
                && failures.contains("this run has 6"), failures);
        String table = section.section();
        assertTrue(table.contains("| A/A controls |") && table.contains("| Holm | 20 | 6 | 0.0025 | 7 |"), table);
    }

    private void cell(Operation operation, Label label, double... nanos) {
        forks.addAll(forksOf(operation, Size.ONE_K, label, nanos));
    }

    private static List<Forks.Fork> forksOf(Operation operation, Size size, Label label, double... nanos) {
        List<Forks.Fork> cell = new ArrayList<>();
        for (int i = 0; i < nanos.length; i++) {
            cell.add(new Forks.Fork(operation, size, label,
                    operation.cliName() + "_" + label.displayName() + "_" + i, 0,
                    nanos[i], Double.NaN, Double.NaN, Double.NaN, "", "", HostWatch.UNWATCHED, Forks.Iterations.FIXED));
        }
        return cell;
    }

    private static Label label(Implementation implementation, boolean control) {
        return new Label(implementation, control, TypeProfile.MONOMORPHIC, KeyPattern.RANDOM, Platform.G1);
    }
}
