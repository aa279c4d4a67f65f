package dev.hamtlab.bench.measure;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A pointer-chase canary, run in the runner's JVM just before and just after each fork: the
 * nanoseconds of one dependent load through a random cycle of indices in an int[], at three
 * working sets. Each load waits for the one before, so the figure is the latency of the level the
 * working set lives in; when another tenant of this shared host fills the last-level cache or the
 * memory bus, the larger sets slow down while the load average says nothing.
 *
 * <p>The arrays are built once (their construction takes about a second) and reused, so a reading
 * allocates nothing and costs the budget once a working set, about 0.1 s; even at
 * DRAM's latency the budget holds over 100,000 loads.
 */
public final class HostCanary {
    /**
     * The working sets, for this 2-core EPYC-like virtual machine: 1 MB stays in or at the edge of
     * the core's private L2 (512 KB to 1 MB on EPYC generations) and reads the core alone; 8 MB fits
     * the slice of the shared L3 (16 to 32 MB a CCX, shared by cores the other tenants own) that a
     * quiet neighbour leaves us, and slows when they evict our lines; 64 MB exceeds any CCX's L3 and
     * reads DRAM latency, which slows when the memory bus is busy.
     */
    public enum WorkingSet {
        L2(1), LLC(8), DRAM(64);

        private final int mebibytes;

        WorkingSet(int mebibytes) {
            this.mebibytes = mebibytes;
        }

        public int mebibytes() {
            return mebibytes;
        }

        /** For example "64 MB". */
        public String displayName() {
            return mebibytes + " MB";
        }
    }

    /** The time each working set is chased for, a reading's default. */
    public static final Duration BUDGET = Duration.ofMillis(30);
    /** Loads between two looks at the clock: few enough that even DRAM's overshoots the budget by under 1 ms. */
    private static final int LOADS_PER_LOOK = 1 << 12;
    /** The same cycles in every run, so two runs' canaries chase the same paths. */
    private static final long SEED = 0x5eed_ca7a_12L;

    private final long budgetNanos;
    private final int[][] cycles = new int[WorkingSet.values().length][];
    /** Where each chase stopped; the next one goes on from there, and the stores keep the loads alive. */
    private final int[] positions = new int[WorkingSet.values().length];

    public HostCanary() {
        this(BUDGET);
    }

    /** A canary that chases each working set for {@code budget}. */
    public HostCanary(Duration budget) {
        this.budgetNanos = budget.toNanos();
        SplittableRandom random = new SplittableRandom(SEED);
        for (WorkingSet set : WorkingSet.values()) {
            cycles[set.ordinal()] = cycle(set.mebibytes() * (1 << 20) / Integer.BYTES, random);
        }
        // The first reading runs partly in the interpreter; it only gets the chase compiled.
        nanosPerLoad();
    }

    /** One reading: the mean ns per dependent load at each working set, in the order of {@link WorkingSet}. */
    public double[] nanosPerLoad() {
        double[] nanos = new double[cycles.length];
        for (int set = 0; set < cycles.length; set++) {
            int[] next = cycles[set];
            int at = positions[set];
            long loads = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                at = chase(next, at, LOADS_PER_LOOK);
                loads += LOADS_PER_LOOK;
                elapsed = System.nanoTime() - start;
            } while (elapsed < budgetNanos);
            positions[set] = at;
            nanos[set] = (double) elapsed / loads;
        }
        return nanos;
    }

    private static int chase(int[] next, int from, int loads) {
        int at = from;
        for (int i = 0; i < loads; i++) {
            at = next[at];
        }
        return at;
    }

    /**
     * A random cyclic permutation of 0..n-1 (Sattolo's algorithm): following next[i] from any index
     * visits every index before it comes back, so no chase falls into a short loop that fits a cache.
     */
    private static int[] cycle(int n, SplittableRandom random) {
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swapped = next[i];
            next[i] = next[j];
            next[j] = swapped;
        }
        return next;
    }
}
