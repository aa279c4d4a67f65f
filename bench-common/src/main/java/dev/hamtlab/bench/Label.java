package dev.hamtlab.bench;

import java.util.Optional;

/**
 * What a fork measures, as the report names it: an implementation, under its own label or the A/A
 * control's second one, with a type profile. The control's forks measure the very same code as its
 * implementation's, interleaved with them, so any difference between the two is the instrument's.
 */
record Label(Implementation implementation, boolean control, TypeProfile profile) {
    /** The JMH parameter that carries the arm; the benchmark ignores it, the report reads it. */
    static final String PRIMARY = "primary";
    static final String CONTROL = "control";

    String arm() {
        return control ? CONTROL : PRIMARY;
    }

    /** For example "phase3", "phase3 (A/A)", "phase3 polluted". */
    String displayName() {
        return implementation.displayName() + (control ? " (A/A)" : "")
                + (profile == TypeProfile.MONOMORPHIC ? "" : " " + profile.cliName());
    }

    /** For file names: "phase3", "phase3-control", "phase3-polluted". */
    String fileStem() {
        return implementation.cliName() + (control ? "-" + CONTROL : "")
                + (profile == TypeProfile.MONOMORPHIC ? "" : "-" + profile.cliName());
    }

    /** The label this one is compared with: the implementation before it, under the same profile. */
    Optional<Label> before() {
        return implementation.before().map(b -> new Label(b, false, profile));
    }
}
