package dev.hamtlab.bench.measure;

import dev.hamtlab.bench.runner.Main;

/** A measurement that reaches up into the runner: what {@code ArchitectureTest}'s rules must catch. Never called. */
final class LayerBreach {
    private LayerBreach() {
    }

    static int breach() {
        return Main.run(new String[0], System.out, System.err);
    }
}
