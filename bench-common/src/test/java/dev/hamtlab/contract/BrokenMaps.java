package dev.hamtlab.contract;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Maps with one deliberate bug each, for {@link KitCanFailTest}: each is {@link #CORRECT}, a map
 * that passes the whole contract, with one method overridden wrongly.
 */
final class BrokenMaps {
    /** The correct map the broken ones start from. */
    static final Subject CORRECT = subject("the correct forwarding map", ForwardingMap::new);
    static final Subject LOSES_FULL_COLLISIONS =
            subject("a map that loses an entry on a full hash collision", LosesFullCollisions::new);
    static final Subject SKIPS_AN_ENTRY = subject("a map whose iterators skip an entry", SkipsAnEntry::new);
    static final Subject REMOVE_KEEPS_SIZE =
            subject("a map whose remove does not decrement size", RemoveKeepsSize::new);
    static final Subject NOT_FAIL_FAST = subject("a map whose iterators are not fail-fast", NotFailFast::new);
    static final Subject ACCEPTS_NULLS = subject("java.util.HashMap, which accepts nulls", HashMap::new);
    /** Correct, but its buckets are lists: n keys of one hash cost a scan of them each. */
    static final Subject SCANS_COLLISIONS = subject("java.util.Hashtable, which scans a bucket of colliding keys",
            Hashtable::new);

    private BrokenMaps() {
    }

    /** None of these maps is a trie, so none has invariants to verify. */
    private static Subject subject(String name, Supplier<Map<Object, Object>> factory) {
        return new Subject(name, factory, map -> { }, IntUnaryOperator.identity());
    }

    /**
     * A correct map under the hamtlab null policy: it forwards to a HashMap, and its three views
     * iterate through {@link #entryIterator()}, the one place two of the bugs below go.
     */
    private static class ForwardingMap extends AbstractMap<Object, Object> {
        private static final String NULL_MESSAGE = "null key or value";

        final Map<Object, Object> delegate = new HashMap<>();

        @Override
        public Object get(Object key) {
            return delegate.get(Objects.requireNonNull(key, NULL_MESSAGE));
        }

        @Override
        public boolean containsKey(Object key) {
            return delegate.containsKey(Objects.requireNonNull(key, NULL_MESSAGE));
        }

        @Override
        public boolean containsValue(Object value) {
            return super.containsValue(Objects.requireNonNull(value, NULL_MESSAGE));
        }

        @Override
        public Object put(Object key, Object value) {
            return delegate.put(Objects.requireNonNull(key, NULL_MESSAGE), Objects.requireNonNull(value, NULL_MESSAGE));
        }

        @Override
        public Object remove(Object key) {
            return delegate.remove(Objects.requireNonNull(key, NULL_MESSAGE));
        }

        @Override
        public int size() {
            return delegate.size();
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Object, Object>> iterator() {
                    return entryIterator();
                }

                @Override
                public int size() {
                    return ForwardingMap.this.size();
                }
            };
        }

        Iterator<Entry<Object, Object>> entryIterator() {
            return delegate.entrySet().iterator();
        }
    }

    /** Putting a new key drops any other key of the same hash, as a trie without collision nodes would. */
    private static final class LosesFullCollisions extends ForwardingMap {
        @Override
        public Object put(Object key, Object value) {
            if (!containsKey(key)) {
                delegate.keySet().removeIf(other -> other.hashCode() == key.hashCode());
            }
            return super.put(key, value);
        }
    }

    /** Iteration never visits the first entry, once there are two. */
    private static final class SkipsAnEntry extends ForwardingMap {
        @Override
        Iterator<Entry<Object, Object>> entryIterator() {
            Iterator<Entry<Object, Object>> entries = super.entryIterator();
            if (size() > 1) {
                entries.next();
            }
            return entries;
        }
    }

    /** remove takes the entry out but counts it still. */
    private static final class RemoveKeepsSize extends ForwardingMap {
        private int removed;

        @Override
        public Object remove(Object key) {
            Object value = super.remove(key);
            if (value != null) {
                removed++;
            }
            return value;
        }

        @Override
        public int size() {
            return super.size() + removed;
        }
    }

    /** Iterators walk a snapshot, so they never see a modification. */
    private static final class NotFailFast extends ForwardingMap {
        @Override
        Iterator<Entry<Object, Object>> entryIterator() {
            Iterator<Entry<Object, Object>> snapshot = List.copyOf(delegate.entrySet()).iterator();
            return new Iterator<>() {
                private Entry<Object, Object> last;

                @Override
                public boolean hasNext() {
                    return snapshot.hasNext();
                }

                @Override
                public Entry<Object, Object> next() {
                    last = snapshot.next();
                    return last;
                }

                @Override
                public void remove() {
                    if (last == null) {
                        throw new IllegalStateException("remove() needs a next() before it");
                    }
                    delegate.remove(last.getKey());
                    last = null;
                }
            };
        }
    }
}
