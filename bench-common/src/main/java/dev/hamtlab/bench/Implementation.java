package dev.hamtlab.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every map the study measures: its phases and the peers they are compared with. The report is
 * generic over this enum: each phase is compared with the phase declared before it, and every
 * phase with every peer.
 */
public enum Implementation implements Choice {
    HASHMAP("hashmap", "HashMap", null, HashMap::new),
    PHASE0("phase0", "phase0", "phase0-baseline", dev.hamtlab.phase0.Hamt::new),
    PHASE1("phase1", "phase1", "phase1", dev.hamtlab.phase1.Hamt::new);

    private final String cliName;
    private final String displayName;
    private final String module;
    private final Supplier<Map<Integer, Integer>> factory;

    /** {@code module} is a phase's Maven module (its folder), null for a peer. */
    Implementation(String cliName, String displayName, String module, Supplier<Map<Integer, Integer>> factory) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.module = module;
        this.factory = factory;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    /** A phase of the study; otherwise a peer the phases are measured against. */
    public boolean isPhase() {
        return module != null;
    }

    /** The phase's module folder, whose README shows its measured effect; empty for a peer. */
    Optional<String> module() {
        return Optional.ofNullable(module);
    }

    public Map<Integer, Integer> create() {
        return factory.get();
    }
}
