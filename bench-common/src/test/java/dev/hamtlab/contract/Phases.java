package dev.hamtlab.contract;

import java.util.List;

/** Every phase the contract runs against. Adding a phase is one line here (and its dependency in the pom). */
final class Phases {
    static final List<Subject> ALL = List.of(
            Subject.of("phase0", dev.hamtlab.phase0.Hamt::new, dev.hamtlab.phase0.Hamt::verifyInvariants),
            Subject.of("phase1", dev.hamtlab.phase1.Hamt::new, dev.hamtlab.phase1.Hamt::verifyInvariants));

    private Phases() {
    }
}
