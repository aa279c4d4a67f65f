package dev.hamtlab.contract;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * A map implementation the contract runs against: a name for reports, a way to make an empty
 * one, its structural self-check (verifyInvariants for a phase), and the hashCode a key needs for
 * a given trie hash in it (the identity, or the inverse of phase 4's {@link Spread}).
 */
record Subject(String name, Supplier<Map<Object, Object>> factory, Consumer<Map<Object, Object>> invariants,
        IntUnaryOperator hashCodeOf) {

    /** A subject whose invariant check is a method of the map's own class, such as {@code Hamt::verifyInvariants}. */
    static <M extends Map<Object, Object>> Subject of(String name, Supplier<M> factory, Consumer<M> verifyInvariants) {
        return of(name, factory, verifyInvariants, IntUnaryOperator.identity());
    }

    /** A subject like {@link #of} that spreads hashCodes as phase 4 does. */
    static <M extends Map<Object,
            Object>> Subject spreading(String name, Supplier<M> factory, Consumer<M> verifyInvariants) {
        return of(name, factory, verifyInvariants, Spread::inverse);
    }

    @SuppressWarnings("unchecked") // every map handed back to the check was made by this subject's factory
    private static <M extends Map<Object,
            Object>> Subject of(String name, Supplier<M> factory, Consumer<M> verifyInvariants,
            IntUnaryOperator hashCodeOf) {
        return new Subject(name, factory::get, map -> verifyInvariants.accept((M) map), hashCodeOf);
    }

    Map<Object, Object> newMap() {
        return factory.get();
    }

    void verifyInvariants(Map<Object, Object> map) {
        invariants.accept(map);
    }

    @Override
    public String toString() {
        return name;
    }
}
