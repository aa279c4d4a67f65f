package dev.hamtlab.contract;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A map implementation the contract runs against: a name for reports, a way to make an empty
 * one, and its structural self-check (verifyInvariants for a phase).
 */
record Subject(String name, Supplier<Map<Object, Object>> factory, Consumer<Map<Object, Object>> invariants) {

    /** A subject whose invariant check is a method of the map's own class, such as {@code Hamt::verifyInvariants}. */
    @SuppressWarnings("unchecked") // every map handed back to the check was made by this subject's factory
    static <M extends Map<Object, Object>> Subject of(String name, Supplier<M> factory, Consumer<M> verifyInvariants) {
        return new Subject(name, factory::get, map -> verifyInvariants.accept((M) map));
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
