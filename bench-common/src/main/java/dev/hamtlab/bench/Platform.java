package dev.hamtlab.bench;

import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM a fork runs on: its JDK, its collector and its object headers. G1 on the runner's own
 * JDK (17) is the reference every other platform is read against. The collectors are part of an
 * allocation study: the parallel collector has no concurrent refinement behind its write barrier,
 * ZGC (single-generation on JDK 17) moves objects concurrently behind a load barrier, and Epsilon
 * never collects: the JVM's pure bump allocator, the honest baseline for a bump pool. JDK 25 runs
 * G1 with and without compact object headers, which shrink every header from 12 bytes to 8, and
 * its generational ZGC. G1 on transparent huge pages asks what the page size does.
 */
public enum Platform implements Choice {
    G1("g1", "G1", false, "2g", List.of("-XX:+UseG1GC")),
    PARALLEL("parallel", "Parallel", false, "2g", List.of("-XX:+UseParallelGC")),
    ZGC("zgc", "ZGC", false, "2g", List.of("-XX:+UseZGC")),
    /**
     * Nothing is ever freed: the heap is sized so that the fork's every allocation fits. Its
     * iterations last the shortest time whatever a call takes ({@link #collects()}), so at 1M an
     * insert or churn fork of three one-second iterations allocates under 2 GB; below 100K, where
     * the calls are fast, a fork allocates more than any heap here holds: use Epsilon at 1M.
     */
    EPSILON("epsilon", "Epsilon", false, "6g", List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC")),
    /**
     * G1 on a heap of 2 MB transparent huge pages (the kernel's madvise mode is enough: the JVM
     * advises its heap): a pointer-chasing trie's cache misses are TLB misses too, and a pool's
     * contiguity is what large pages reward. Pre-touched like every heap here.
     */
    G1_THP("g1-thp", "G1 huge pages", false, "2g", List.of("-XX:+UseG1GC", "-XX:+UseTransparentHugePages")),
    /** JMH reads field offsets with sun.misc.Unsafe, which JDK 25 warns of on every fork unless allowed. */
    JDK25("jdk25", "JDK 25 G1", true, "2g", List.of("--sun-misc-unsafe-memory-access=allow", "-XX:+UseG1GC")),
    JDK25_COMPACT("jdk25-coh", "JDK 25 G1 compact headers", true, "2g",
            List.of("--sun-misc-unsafe-memory-access=allow", "-XX:+UseG1GC", "-XX:+UseCompactObjectHeaders")),
    /** ZGC as JDK 21 and later run it: generational (the only mode JDK 25 has), uncompressed references. */
    JDK25_ZGC("jdk25-zgc", "JDK 25 generational ZGC", true, "2g",
            List.of("--sun-misc-unsafe-memory-access=allow", "-XX:+UseZGC"));

    /** The collectors on the runner's own JDK and G1 on huge pages, the choices of --gc. */
    public static final List<Platform> COLLECTORS = List.of(G1, PARALLEL, ZGC, EPSILON, G1_THP);
    /** The heap of every fork up to {@link #SMALL_HEAP_KEYS} keys but Epsilon's. */
    public static final String SMALL_HEAP = "512m";
    /** 2^18: the largest size of the sweep around the last-level cache. */
    public static final int SMALL_HEAP_KEYS = 1 << 18;
    /** The platforms a JDK 25 adds. */
    public static final List<Platform> ON_JDK25 = List.of(JDK25, JDK25_COMPACT, JDK25_ZGC);

    private final String cliName;
    private final String displayName;
    private final boolean onJdk25;
    private final String heap;
    private final List<String> flags;

    Platform(String cliName, String displayName, boolean onJdk25, String heap, List<String> flags) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.onJdk25 = onJdk25;
        this.heap = heap;
        this.flags = flags;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** For example "G1", "JDK 25 G1 compact headers". */
    public String displayName() {
        return displayName;
    }

    /** Whether its forks run on a JDK 25 rather than the runner's JDK. */
    public boolean onJdk25() {
        return onJdk25;
    }

    /**
     * Whether its collector ever collects: all but Epsilon's. An iteration holds ten calls or more so
     * that the collections inside it are a steady share, not a lottery of where one lands; a fork
     * that never collects has none to land, and a fork that held that many calls of a fast map at 1M
     * would outgrow any heap here (HashMap's insert, timed slow in the runner's cold JVM, got 5.4-second
     * iterations, some 160 calls of 60 MB a fork, and its fork ran out of its 6 GB).
     */
    public boolean collects() {
        return this != EPSILON;
    }

    /**
     * The forked JVM's flags for a map of the size: a fixed, pre-touched heap (without it first-touch
     * page faults make insert timings bimodal), then the collector's and the headers' flags. Up to
     * {@link #SMALL_HEAP_KEYS} keys the heap is {@link #SMALL_HEAP}, which such a map and its garbage
     * fit in many times over: pre-touching 2 GB takes 4 s a fork on this host, 512 MB a second.
     * Epsilon keeps its own heap at every size, since it must hold all that a fork allocates.
     */
    public List<String> forkJvmFlags(Size size) {
        String chosen = this != EPSILON && size.count() <= SMALL_HEAP_KEYS ? SMALL_HEAP : heap;
        return Stream.concat(Stream.of("-Xms" + chosen, "-Xmx" + chosen, "-XX:+AlwaysPreTouch"),
                flags.stream()).toList();
    }

    /** What it is read against: JDK 25's variants against JDK 25's G1, every other platform against G1 on JDK 17. */
    public Platform reference() {
        return this == JDK25_COMPACT || this == JDK25_ZGC ? JDK25 : G1;
    }

    /**
     * The platform of a fork made before the platform was a JMH parameter: its collector from its
     * JVM's flags, on the runner's JDK.
     */
    public static Platform ofFlags(List<String> jvmArgs) {
        return COLLECTORS.stream().filter(p -> p != G1 && jvmArgs.containsAll(p.flags)).findFirst().orElse(G1);
    }
}
