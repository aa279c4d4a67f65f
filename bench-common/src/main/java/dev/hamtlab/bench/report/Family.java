package dev.hamtlab.bench.report;

import dev.hamtlab.bench.stats.MultipleComparisons;

/**
 * The families of comparisons a report declares, each corrected for multiple comparisons on its
 * own, so that no family's verdicts depend on what else a run measured: adding peers or platforms
 * to a run never loosens or tightens the phase steps' threshold. The comparisons that are certain
 * discoveries (a phase against HashMap, a platform against G1: -60% to +700%) would otherwise pad
 * Benjamini-Hochberg's ranks and loosen the threshold of the study's own claims.
 */
enum Family {
    /** The study's claims: each phase against the phase it was built from, on the main platform. */
    PHASE_STEPS("Phase steps",
            "each phase against the one it was built from (and a variant against the idea before it)", false),
    /** The same steps taken again on each other platform. */
    PLATFORM_STEPS("Phase steps on other platforms",
            "each phase against the one before it, on each platform but the main one", false),
    /** Where the phases stand among the maps people use. */
    PEERS("Phases against peers", "each phase against HashMap and every other peer in the run", false),
    /** What a collector, a JDK or the object headers do to one map. */
    PLATFORMS("Platforms", "each map on a platform against itself on the platform's reference", false),
    /** What a polluted type profile does to one map. */
    TYPE_PROFILES("Type profiles", "each map polluted against itself monomorphic", false),
    /**
     * The instrument's check: one map under two labels, which must read the same. Holm, not
     * Benjamini-Hochberg: a single control that reads different means a broken run, not one wrong
     * verdict among many.
     */
    CONTROLS("A/A controls", "one map measured under two labels, interleaved with every other fork", true);

    private final String title;
    private final String description;
    private final boolean holm;

    Family(String title, String description, boolean holm) {
        this.title = title;
        this.description = description;
        this.holm = holm;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    /** Holm's or Benjamini-Hochberg's name, as the report prints it. */
    String correctionName() {
        return holm ? "Holm" : "Benjamini-Hochberg";
    }

    /** The family's adjusted p-values, in the order given. */
    double[] adjust(double[] pValues) {
        return holm ? MultipleComparisons.holm(pValues) : MultipleComparisons.benjaminiHochberg(pValues);
    }
}
