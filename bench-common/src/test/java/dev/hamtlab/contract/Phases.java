package dev.hamtlab.contract;

import java.util.List;

/** Every phase the contract runs against. Adding a phase is one line here (and its dependency in the pom). */
final class Phases {
    /** The smallest chunk a pool accepts (one full node), so the fallback runs all the time. */
    private static final int TINY_CHUNK = 32;

    static final List<Subject> ALL = List.of(
            Subject.of("phase0", dev.hamtlab.phase0.Hamt::new, dev.hamtlab.phase0.Hamt::verifyInvariants),
            Subject.of("phase1", dev.hamtlab.phase1.Hamt::new, dev.hamtlab.phase1.Hamt::verifyInvariants),
            Subject.of("phase2", dev.hamtlab.phase2.Hamt::new, dev.hamtlab.phase2.Hamt::verifyInvariants),
            Subject.of("phase2, 32-slot chunks, new-array fallback", () -> new dev.hamtlab.phase2.Hamt<>(TINY_CHUNK,
                    dev.hamtlab.phase2.Fallback.NEW_ARRAY), dev.hamtlab.phase2.Hamt::verifyInvariants),
            Subject.of("phase2, 32-slot chunks, new-chunk fallback", () -> new dev.hamtlab.phase2.Hamt<>(TINY_CHUNK,
                    dev.hamtlab.phase2.Fallback.NEW_CHUNK), dev.hamtlab.phase2.Hamt::verifyInvariants),
            Subject.of("phase3", dev.hamtlab.phase3.Hamt::new, dev.hamtlab.phase3.Hamt::verifyInvariants),
            Subject.of("phase3, 32-slot chunks, new-array fallback", () -> new dev.hamtlab.phase3.Hamt<>(TINY_CHUNK,
                    dev.hamtlab.phase3.Fallback.NEW_ARRAY), dev.hamtlab.phase3.Hamt::verifyInvariants),
            Subject.of("phase3, 32-slot chunks, new-chunk fallback", () -> new dev.hamtlab.phase3.Hamt<>(TINY_CHUNK,
                    dev.hamtlab.phase3.Fallback.NEW_CHUNK), dev.hamtlab.phase3.Hamt::verifyInvariants),
            Subject.of("phase4-cachedhash", dev.hamtlab.phase4.cachedhash.Hamt::new,
                    dev.hamtlab.phase4.cachedhash.Hamt::verifyInvariants),
            Subject.spreading("phase4-spread", dev.hamtlab.phase4.spread.Hamt::new,
                    dev.hamtlab.phase4.spread.Hamt::verifyInvariants),
            Subject.spreading("phase4-hotpath", dev.hamtlab.phase4.hotpath.Hamt::new,
                    dev.hamtlab.phase4.hotpath.Hamt::verifyInvariants),
            Subject.spreading("phase4-hotpath, 32-slot chunks, new-array fallback",
                    () -> new dev.hamtlab.phase4.hotpath.Hamt<>(
                    TINY_CHUNK, dev.hamtlab.phase4.hotpath.Fallback.NEW_ARRAY),
                            dev.hamtlab.phase4.hotpath.Hamt::verifyInvariants),
            Subject.spreading("phase4-twobitmaps", dev.hamtlab.phase4.twobitmaps.Hamt::new,
                    dev.hamtlab.phase4.twobitmaps.Hamt::verifyInvariants),
            Subject.spreading("phase4-unpooled", dev.hamtlab.phase4.unpooled.Hamt::new,
                    dev.hamtlab.phase4.unpooled.Hamt::verifyInvariants),
            Subject.spreading("phase4-inlined", dev.hamtlab.phase4.inlined.Hamt::new,
                    dev.hamtlab.phase4.inlined.Hamt::verifyInvariants),
            Subject.spreading("phase4-specialised", dev.hamtlab.phase4.specialised.Hamt::new,
                    dev.hamtlab.phase4.specialised.Hamt::verifyInvariants),
            Subject.spreading("phase4-bumppool", dev.hamtlab.phase4.bumppool.Hamt::new,
                    dev.hamtlab.phase4.bumppool.Hamt::verifyInvariants),
            Subject.spreading("phase4-bumppool, 64-slot chunks",
                    () -> new dev.hamtlab.phase4.bumppool.Hamt<>(2 * TINY_CHUNK),
                    dev.hamtlab.phase4.bumppool.Hamt::verifyInvariants),
            Subject.spreading("phase4-recycling", dev.hamtlab.phase4.recycling.Hamt::new,
                    dev.hamtlab.phase4.recycling.Hamt::verifyInvariants),
            Subject.spreading("phase4-recycling, 64-slot chunks",
                    () -> new dev.hamtlab.phase4.recycling.Hamt<>(2 * TINY_CHUNK),
                    dev.hamtlab.phase4.recycling.Hamt::verifyInvariants),
            Subject.spreading("phase4", dev.hamtlab.phase4.Hamt::new, dev.hamtlab.phase4.Hamt::verifyInvariants));

    private Phases() {
    }
}
