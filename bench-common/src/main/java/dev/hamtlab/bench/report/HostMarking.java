package dev.hamtlab.bench.report;

import dev.hamtlab.bench.measure.HostCanary.WorkingSet;
import dev.hamtlab.bench.measure.HostWatch;
import dev.hamtlab.bench.stats.ForkStatistics;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rule that marks a fork "host disturbed": the shared host's cache or memory was busy with
 * other tenants' work around it, or the hypervisor took the CPU away. A marked fork is never
 * dropped; the report shows what leaving the marked forks out would change.
 */
final class HostMarking {
    /**
     * A canary reading this many times the run's median at its working set marks the fork. Set from
     * the first runs that watched the host (results/2026-12-07-8b5e8db-quick and -sweep): in the
     * episodes of tens of seconds in which every fork, whatever its map, ran up to 2x slower, the
     * 8 MB and 64 MB canaries read 25% to 45% above the run's median; at 1.5 hardly any of those
     * forks was marked. Still a choice, not a calibration: the report shows what it changes.
     */
    static final double SLOW_CANARY = 1.25;
    /** A fork during which other guests got more than this share of the machine's CPU time is marked. */
    static final double MUCH_STEAL = 0.05;
    /**
     * The working sets the rule reads: the last-level cache and DRAM, which other tenants share; the
     * L2 canary reads the core alone and is shown, not judged.
     */
    static final List<WorkingSet> JUDGED = List.of(WorkingSet.LLC, WorkingSet.DRAM);

    private final Map<WorkingSet, Double> medians = new EnumMap<>(WorkingSet.class);

    /** The rule for a run: its medians are those of every canary reading, before and after, of its forks. */
    HostMarking(List<Forks.Fork> forks) {
        for (WorkingSet set : WorkingSet.values()) {
            double[] readings = forks.stream().map(Forks.Fork::host)
                    .flatMap(h -> Stream.of(h.before().get(set.ordinal()), h.after().get(set.ordinal())))
                    .filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
            medians.put(set, readings.length == 0 ? Double.NaN : ForkStatistics.median(readings));
        }
    }

    /** The run's median canary reading at a working set, in ns per load; NaN when nothing was watched. */
    double median(WorkingSet set) {
        return medians.get(set);
    }

    /** Whether the fork's host was disturbed, by the rule; a fork nobody watched is not marked. */
    boolean marked(Forks.Fork fork) {
        HostWatch host = fork.host();
        for (WorkingSet set : JUDGED) {
            double limit = SLOW_CANARY * median(set);
            if (host.before().get(set.ordinal()) > limit || host.after().get(set.ordinal()) > limit) {
                return true;
            }
        }
        return host.stealFraction() > MUCH_STEAL;
    }

    /** The rule in a sentence, with this run's medians. */
    String rule() {
        return String.format(Locale.ROOT,
                "A fork is marked *host disturbed* when its canary at %s or %s, before or after it,"
                + " reads more than %.0f%% above the run's median at that working set (%s and %s ns per load), or when steal"
                + " took more than %.0f%% of the machine's CPU time over the fork.",
                JUDGED.get(0).displayName(), JUDGED.get(1).displayName(), (SLOW_CANARY - 1) * 100,
                Format.nanos(median(JUDGED.get(0))), Format.nanos(median(JUDGED.get(1))), MUCH_STEAL * 100);
    }
}
