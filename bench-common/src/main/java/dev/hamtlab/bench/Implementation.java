package dev.hamtlab.bench;

import dev.hamtlab.bench.peers.Adapters;
import dev.hamtlab.bench.peers.IntMap;
import dev.hamtlab.bench.peers.MeasuredMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Every map the study measures: its phases and the peers they are compared with, each behind the
 * adapter for the way it is driven. The report is generic over this enum: each phase is compared
 * with the implementation it names as before it, and every phase with every peer.
 */
public enum Implementation implements Choice {
    HASHMAP("hashmap", "HashMap", HashMap::new),
    CLOJURE("clojure", "Clojure", Driven.TRANSIENT, Adapters.ClojureTransient::new),
    SCALA_IMMUTABLE("scala-immutable", "Scala immutable", Driven.PERSISTENT, Adapters.ScalaImmutable::new),
    SCALA_MUTABLE("scala-mutable", "Scala mutable", Driven.MUTABLE, Adapters.ScalaMutable::new),
    VAVR("vavr", "Vavr", Driven.PERSISTENT, Adapters.Vavr::new),
    ECLIPSE("eclipse", "Eclipse UnifiedMap", org.eclipse.collections.impl.map.mutable.UnifiedMap::new),
    FASTUTIL("fastutil", "fastutil open", it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap::new),
    PHASE0("phase0", "phase0", "phase0-baseline", null, dev.hamtlab.phase0.Hamt::new),
    PHASE1("phase1", "phase1", "phase1", "phase0", dev.hamtlab.phase1.Hamt::new),
    PHASE2("phase2", "phase2", "phase2-bumppool", "phase1", dev.hamtlab.phase2.Hamt::new),
    /** Phase 2's default 65,536-slot chunks, but falling back to plain arrays: beside phase 2, the two fallbacks compare. */
    PHASE2_NEWARRAY("phase2-newarray", "phase2-newarray", "phase2-bumppool", "phase2",
            () -> new dev.hamtlab.phase2.Hamt<>(1 << 16, dev.hamtlab.phase2.Fallback.NEW_ARRAY)),
    /**
     * The layout tried against phase 2's loss at small sizes: 4,096-slot chunks (16 KiB), so a map
     * pays less up front for a chunk it does not fill.
     */
    PHASE2_SMALL_CHUNKS("phase2-4k", "phase2-4k", "phase2-bumppool", "phase2",
            () -> new dev.hamtlab.phase2.Hamt<>(1 << 12, dev.hamtlab.phase2.Fallback.NEW_CHUNK)),
    PHASE3("phase3", "phase3", "phase3-recycling", "phase2", dev.hamtlab.phase3.Hamt::new),
    /** fastutil's int-to-int open-addressing map: IntHamt's like-for-like rival, measured by {@link IntMapBenchmark}. */
    FASTUTIL_INT("fastutil-int2int", "fastutil Int2IntOpenHashMap", null, null, Driven.MUTABLE,
            Adapters.FastutilInts::new),
    /** The int-to-int HAMT as first built, a trie of 64-way nodes, timed by {@link IntMapBenchmark}; against fastutil's. */
    INT_HAMT_TRIE("inthamt-trie", "IntHamt trie", "phase4-hash", "fastutil-int2int", Driven.MUTABLE,
            Adapters.TrieIntHamtInts::new),
    /** The trie IntHamt with a flat root: a directory of buckets, int[]s of (hash, value) pairs, doubled as it grows. */
    INT_HAMT_FLAT("inthamt-flat", "IntHamt flat", "phase4-hash", "inthamt-trie", Driven.MUTABLE,
            Adapters.FlatIntHamtInts::new),
    /** IntHamt, the design the int maps' chain ends in: the flat root with two pairs inline in each slot, one overflow trie. */
    INT_HAMT("inthamt", "IntHamt", "phase4-hash", "inthamt-flat", Driven.MUTABLE, Adapters.IntHamtInts::new),
    /** Phase 4's first idea alone: phase 3 whose leaves cache the key's hash. */
    PHASE4_CACHED_HASH("phase4-cachedhash", "phase4-cachedhash", "phase4-hash", "phase3",
            dev.hamtlab.phase4.cachedhash.Hamt::new),
    /** Phase 4's first two ideas: the hash cached and spread. */
    PHASE4_SPREAD("phase4-spread", "phase4-spread", "phase4-hash", "phase4-cachedhash",
            dev.hamtlab.phase4.spread.Hamt::new),
    /** Phase 4's first three ideas: the hash cached and spread, and the hot path of one loop down the final node class. */
    PHASE4_HOT_PATH("phase4-hotpath", "phase4-hotpath", "phase4-hash", "phase4-spread",
            dev.hamtlab.phase4.hotpath.Hamt::new),
    /** phase4-hotpath with CHAMP's two bitmaps, one for the leaves and one for the subnodes, instead of an instanceof a slot. */
    PHASE4_TWO_BITMAPS("phase4-twobitmaps", "phase4-twobitmaps", "phase4-hash", "phase4-hotpath",
            dev.hamtlab.phase4.twobitmaps.Hamt::new),
    /** phase4-hotpath's ideas on phase 1's layout, an exact array per node, no pool: does the pool help once hashing is right? */
    PHASE4_UNPOOLED("phase4-unpooled", "phase4-unpooled", "phase4-hash", "phase4-hotpath",
            dev.hamtlab.phase4.unpooled.Hamt::new),
    /** phase4-unpooled with CHAMP's layout: keys, values and hashes in the node's own arrays, no leaf objects. */
    PHASE4_INLINED("phase4-inlined", "phase4-inlined", "phase4-hash", "phase4-unpooled",
            dev.hamtlab.phase4.inlined.Hamt::new),
    /** phase4-inlined whose subtrees of two or three entries are buckets: keys, values and hashes in fields. */
    PHASE4_SPECIALISED("phase4-specialised", "phase4-specialised", "phase4-hash", "phase4-inlined",
            dev.hamtlab.phase4.specialised.Hamt::new),
    /** Phase 4's bitmap nodes on phase 2's bump pool: contents and hashes carved from chunks. */
    PHASE4_BUMP_POOL("phase4-bumppool", "phase4-bumppool", "phase4-hash", "phase4",
            dev.hamtlab.phase4.bumppool.Hamt::new),
    /** phase4-bumppool with phase 3's freelists: slices and nodes reused. */
    PHASE4_RECYCLING("phase4-recycling", "phase4-recycling", "phase4-hash", "phase4-bumppool",
            dev.hamtlab.phase4.recycling.Hamt::new),
    /**
     * The design phase 4's chain ends in: phase4-specialised whose top levels are one flat directory
     * of 2^k slots, grown by absorbing a level. Declared last: the A/A control is the newest phase in a run.
     */
    PHASE4("phase4", "phase4", "phase4-hash", "phase4-specialised", dev.hamtlab.phase4.Hamt::new);

    /** How a map is driven, which decides what a change costs it. */
    public enum Driven {
        MUTABLE("mutable: changed in place"),
        TRANSIENT("transient: changed in place where it owns the nodes, each change returning the map to go on with"),
        PERSISTENT("persistent: each change returns a new version, paying for a copy of the path from the root");

        private final String description;

        Driven(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** "mutable", "transient" or "persistent", for tables. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String cliName;
    private final String displayName;
    private final String module;
    /** The CLI name of what this phase is compared with: a name, so a phase may name one declared after it. */
    private final String before;
    private final Driven driven;
    /** The int map itself, for an int-to-int map; null otherwise. */
    private final Supplier<IntMap> intMap;
    private final Supplier<MeasuredMap> factory;
    /** The map itself when it is a java.util.Map, which the benchmarks call directly; null otherwise. */
    private final Supplier<Map<Object, Object>> javaMap;

    /** A peer that is not a java.util.Map, behind its adapter. */
    Implementation(String cliName, String displayName, Driven driven, Supplier<MeasuredMap> factory) {
        this(cliName, displayName, null, null, driven, null, factory, null);
    }

    /** An int-to-int map, timed by {@link IntMapBenchmark}: {@code module} null for a peer. */
    Implementation(String cliName, String displayName, String module, String before, Driven driven,
            Supplier<IntMap> intMap) {
        this(cliName, displayName, module, before, driven, intMap, () -> new Adapters.IntKeyed(intMap.get()), null);
    }

    /** A peer that is a java.util.Map, changed in place. */
    Implementation(String cliName, String displayName, Supplier<Map<Object, Object>> javaMap) {
        this(cliName, displayName, null, null, javaMap);
    }

    /**
     * A phase, a java.util.Map changed in place: {@code module} is its Maven module (its folder),
     * {@code before} the CLI name of the implementation it is compared with (null for the first phase).
     */
    Implementation(String cliName, String displayName, String module, String before,
            Supplier<Map<Object, Object>> javaMap) {
        this(cliName, displayName, module, before, Driven.MUTABLE, null, () -> new Adapters.Mutable(javaMap.get()),
                javaMap);
    }

    /**
     * Any map: {@code module} null for a peer; {@code intMap} the map itself for an int-to-int map,
     * which {@link IntMapBenchmark} times, else null; {@code javaMap} the map itself when it is a
     * java.util.Map, else null.
     */
    private Implementation(String cliName, String displayName, String module, String before, Driven driven,
            Supplier<IntMap> intMap, Supplier<MeasuredMap> factory, Supplier<Map<Object, Object>> javaMap) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.module = module;
        this.before = before;
        this.driven = driven;
        this.intMap = intMap;
        this.factory = factory;
        this.javaMap = javaMap;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    public Driven driven() {
        return driven;
    }

    /**
     * Where the map comes from: "group:artifact:version" for a peer from Maven Central, the JDK
     * for HashMap, this project for a phase.
     */
    public String library() {
        if (isPhase()) {
            return "hamtlab " + module;
        }
        return this == HASHMAP ? "JDK " + System.getProperty("java.version") : Libraries.VERSIONS.getProperty(cliName);
    }

    /** The peers' libraries with their versions, from the build. */
    private static final class Libraries {
        static final Properties VERSIONS = load();

        private static Properties load() {
            Properties versions = new Properties();
            try (InputStream in = Implementation.class.getResourceAsStream("libraries.properties")) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks dev/hamtlab/bench/libraries.properties");
                }
                versions.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return versions;
        }
    }

    /** A phase of the study; otherwise a peer the phases are measured against. */
    public boolean isPhase() {
        return module != null;
    }

    /**
     * An int-to-int map, timed by {@link IntMapBenchmark} with unboxed Integer keys; every other map
     * is timed by {@link MapBenchmark}.
     */
    public boolean intKeys() {
        return intMap != null;
    }

    /** A new empty int map, called with ints; only for {@link #intKeys()}. */
    IntMap createIntMap() {
        return intMap.get();
    }

    /** The JMH class whose benchmarks time this map. */
    Class<?> benchmarkClass() {
        return intKeys() ? IntMapBenchmark.class : MapBenchmark.class;
    }

    /** A phase that counts what its allocation strategy does: every phase but the IntHamts, which have no pool. */
    public boolean hasCounters() {
        return isPhase() && !intKeys();
    }

    /** The phase's module folder, whose README shows its measured effect; empty for a peer. */
    public Optional<String> module() {
        return Optional.ofNullable(module);
    }

    /**
     * The phase before this phase's whole module, when this is the module's own phase (its CLI name
     * the module's up to the first '-') and compared idea by idea within its module: phase4, compared
     * with phase4-spread, is also compared with phase3. Empty otherwise.
     */
    Optional<Implementation> phaseBefore() {
        if (module == null || !module.equals(cliName) && !module.startsWith(cliName + "-")) {
            return Optional.empty();
        }
        Optional<Implementation> earlier = before();
        while (earlier.isPresent() && earlier.get().module().equals(module())) {
            earlier = earlier.get().before();
        }
        return earlier.equals(before()) ? Optional.empty() : earlier;
    }

    /**
     * What this phase is compared with in a run that measured {@code measured}: the nearest
     * implementation down its chain of befores that the run has (phase4-unpooled against phase3 when
     * the run has none of the variants between them). Empty when the run has none.
     */
    public Optional<Implementation> beforeAmong(List<Implementation> measured) {
        Optional<Implementation> earlier = before();
        while (earlier.isPresent() && !measured.contains(earlier.get())) {
            earlier = earlier.get().before();
        }
        return earlier;
    }

    /** What this phase is compared with: the phase it was built from, or the phase it is a variant of. */
    public Optional<Implementation> before() {
        return Optional.ofNullable(before).map(name -> Choice.find(values(), name).orElseThrow());
    }

    /**
     * A new empty map behind its adapter, for keys of any type; an int map's adapter takes Integers
     * only, unboxed, and is never timed.
     */
    public MeasuredMap create() {
        return factory.get();
    }

    /**
     * Whether this map is a java.util.Map, which the benchmark methods call directly: through an
     * adapter, the JIT leaves the adapter's Map call a virtual call with no profile (see docs/peers.md).
     */
    boolean isJavaMap() {
        return javaMap != null;
    }

    /** A new empty map, itself; only for {@link #isJavaMap()}. */
    Map<Object, Object> createJavaMap() {
        return javaMap.get();
    }

    /** The map a benchmark built, behind its adapter: a java.util.Map is wrapped, an adapter is itself. */
    static MeasuredMap measured(Object built) {
        @SuppressWarnings("unchecked")
        MeasuredMap measured = built instanceof MeasuredMap adapter ? adapter
                : new Adapters.Mutable((Map<Object, Object>) built);
        return measured;
    }

    /**
     * A map of this implementation's counters of what its allocation strategy did, in the phase's
     * order; empty for a peer and for IntHamt. A phase needs the JVM flag {@code -Dhamtlab.stats=true}.
     *
     * @throws IllegalStateException for a phase when counting is off
     */
    public Map<String, Long> stats(MeasuredMap map) {
        return hasCounters() ? ask(map.target(), "stats") : Map.of();
    }

    /** The trie's shape figures, in the phase's order (its {@code shape()}); empty for a peer. */
    public Map<String, Number> shape(MeasuredMap map) {
        return isPhase() ? ask(map.target(), "shape") : Map.of();
    }

    /**
     * Calls a phase's public no-argument method of that name: every phase has stats() and shape(),
     * by the same names from phase to phase, though no interface joins modules that depend on the
     * JDK alone.
     */
    @SuppressWarnings("unchecked")
    private static <T> T ask(Object map, String method) {
        try {
            return (T) map.getClass().getMethod(method).invoke(map);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(map.getClass().getName() + " has no public " + method + "()", e);
        }
    }
}
