package dev.hamtlab.bench.peers;

import java.util.Map;
import scala.Function0;

/**
 * One adapter for each way a map is driven. Each forwards a call to one method of the map and is
 * meant to add no work of its own: in a fork only one adapter class serves the timed calls. The
 * docs/peers.md gives what the change to adapters and Object-typed keys measurably cost HashMap's lookups.
 */
public final class Adapters {
    /** The Scala maps' getOrElse default, called only on a miss: their get would allocate a Some per hit. */
    private static final Function0<Object> ABSENT = () -> null;

    private Adapters() {
    }

    /** A java.util.Map, changed in place: HashMap, the phases, UnifiedMap, fastutil's maps. */
    public static final class Mutable implements MeasuredMap {
        private final Map<Object, Object> map;

        /** The map, to be changed in place. */
        public Mutable(Map<Object, Object> map) {
            this.map = map;
        }

        @Override
        public void put(Object key, Object value) {
            map.put(key, value);
        }

        @Override
        public Object get(Object key) {
            return map.get(key);
        }

        @Override
        public void remove(Object key) {
            map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map;
        }
    }

    /** Clojure's PersistentHashMap through its transient: each change returns the transient to go on with. */
    public static final class ClojureTransient implements MeasuredMap {
        private clojure.lang.ITransientMap map = clojure.lang.PersistentHashMap.EMPTY.asTransient();

        @Override
        public void put(Object key, Object value) {
            map = map.assoc(key, value);
        }

        @Override
        public Object get(Object key) {
            return map.valAt(key);
        }

        @Override
        public void remove(Object key) {
            map = map.without(key);
        }

        @Override
        public int size() {
            return map.count();
        }

        @Override
        public Object target() {
            return map;
        }

        @Override
        public Object built() {
            return map.persistent();
        }
    }

    /** Scala 2.13's immutable HashMap (CHAMP), persistent: each change copies the path to a new root. */
    public static final class ScalaImmutable implements MeasuredMap {
        private scala.collection.immutable.HashMap<Object,
                Object> map = scala.collection.immutable.HashMap$.MODULE$.empty();

        @Override
        public void put(Object key, Object value) {
            map = map.updated(key, value);
        }

        @Override
        public Object get(Object key) {
            return map.getOrElse(key, ABSENT);
        }

        @Override
        public void remove(Object key) {
            map = map.removed(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map;
        }
    }

    /** Scala 2.13's mutable HashMap, changed in place. */
    public static final class ScalaMutable implements MeasuredMap {
        private final scala.collection.mutable.HashMap<Object, Object> map = new scala.collection.mutable.HashMap<>();

        @Override
        public void put(Object key, Object value) {
            map.update(key, value);
        }

        @Override
        public Object get(Object key) {
            return map.getOrElse(key, ABSENT);
        }

        @Override
        public void remove(Object key) {
            map.subtractOne(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map;
        }
    }

    /** Vavr's HashMap, persistent: each change copies the path to a new root. */
    public static final class Vavr implements MeasuredMap {
        private io.vavr.collection.HashMap<Object, Object> map = io.vavr.collection.HashMap.empty();

        @Override
        public void put(Object key, Object value) {
            map = map.put(key, value);
        }

        /** getOrElse, as get would allocate an Option per hit. */
        @Override
        public Object get(Object key) {
            return map.getOrElse(key, null);
        }

        @Override
        public void remove(Object key) {
            map = map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map;
        }
    }

    /**
     * An int map behind the Object-keyed interface, unboxing Integer keys and values: for the checks,
     * footprints and tests alone; {@link dev.hamtlab.bench.IntMapBenchmark} times the int map itself.
     */
    public static final class IntKeyed implements MeasuredMap {
        private final IntMap map;

        /** The map, to be changed in place. */
        public IntKeyed(IntMap map) {
            this.map = map;
        }

        @Override
        public void put(Object key, Object value) {
            map.put((Integer) key, (Integer) value);
        }

        @Override
        public Object get(Object key) {
            int k = (Integer) key;
            return map.containsKey(k) ? map.get(k) : null;
        }

        @Override
        public void remove(Object key) {
            map.remove((Integer) key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map.target();
        }
    }

    /** IntHamt, phase 4's int map: the flat root with two pairs inline in each slot, called with ints. */
    public static final class IntHamtInts implements IntMap {
        private final dev.hamtlab.phase4.IntHamt map = new dev.hamtlab.phase4.IntHamt();

        @Override
        public int put(int key, int value) {
            return map.put(key, value);
        }

        @Override
        public int get(int key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(int key) {
            return map.containsKey(key);
        }

        @Override
        public int remove(int key) {
            return map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map;
        }
    }

    /** The trie IntHamt with a flat root, called with ints. */
    public static final class FlatIntHamtInts implements IntMap {
        private final dev.hamtlab.phase4.intflat.IntHamt map = new dev.hamtlab.phase4.intflat.IntHamt();

        @Override
        public int put(int key, int value) {
            return map.put(key, value);
        }

        @Override
        public int get(int key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(int key) {
            return map.containsKey(key);
        }

        @Override
        public int remove(int key) {
            return map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map;
        }
    }

    /** The trie IntHamt, phase 4's first int map, called with ints. */
    public static final class TrieIntHamtInts implements IntMap {
        private final dev.hamtlab.phase4.inttrie.IntHamt map = new dev.hamtlab.phase4.inttrie.IntHamt();

        @Override
        public int put(int key, int value) {
            return map.put(key, value);
        }

        @Override
        public int get(int key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(int key) {
            return map.containsKey(key);
        }

        @Override
        public int remove(int key) {
            return map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map;
        }
    }

    /** fastutil's Int2IntOpenHashMap, called with ints. */
    public static final class FastutilInts implements IntMap {
        private final it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap map = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();

        @Override
        public int put(int key, int value) {
            return map.put(key, value);
        }

        @Override
        public int get(int key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(int key) {
            return map.containsKey(key);
        }

        @Override
        public int remove(int key) {
            return map.remove(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object target() {
            return map;
        }
    }
}
