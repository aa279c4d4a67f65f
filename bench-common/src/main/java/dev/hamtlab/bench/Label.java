package dev.hamtlab.bench;

import java.util.List;
import java.util.Optional;

/**
 * What a fork measures, as the report names it: an implementation, under its own label or the A/A
 * control's second one, with a type profile and a key pattern, on a platform (JDK and collector).
 * The control's forks measure the very same code as its implementation's, interleaved with them, so
 * any difference between the two is the instrument's.
 */
public record Label(Implementation implementation, boolean control, TypeProfile profile,
        KeyPattern keys, Platform platform) {
    /** The JMH parameter that carries the arm; the benchmark ignores it, the report reads it. */
    static final String PRIMARY = "primary";
    /** The A/A control's second label's arm. */
    public static final String CONTROL = "control";

    /** A label on the reference platform, G1 on the runner's JDK. */
    public Label(Implementation implementation, boolean control, TypeProfile profile, KeyPattern keys) {
        this(implementation, control, profile, keys, Platform.G1);
    }

    /** The arm's JMH parameter: {@link #CONTROL} for the control's second label, else {@link #PRIMARY}. */
    public String arm() {
        return control ? CONTROL : PRIMARY;
    }

    /** For example "phase3", "phase3 (A/A)", "phase3 polluted", "phase3 string", "phase3 epsilon". */
    public String displayName() {
        return implementation.displayName() + (control ? " (A/A)" : "") + suffix(" ");
    }

    /** For file names: "phase3", "phase3-control", "phase3-polluted", "phase3-string". */
    public String fileStem() {
        return implementation.cliName() + (control ? "-" + CONTROL : "") + suffix("-");
    }

    /** The profile, key pattern and platform, each only when it is not the default. */
    private String suffix(String separator) {
        return (profile == TypeProfile.MONOMORPHIC ? "" : separator + profile.cliName())
                + (keys == KeyPattern.RANDOM ? "" : separator + keys.cliName())
                + (platform == Platform.G1 ? "" : separator + platform.cliName());
    }

    /** Another implementation's own label under this one's profile, keys and platform: a cell beside this one. */
    public Label with(Implementation other) {
        return new Label(other, false, profile, keys, platform);
    }

    /** The same implementation's own label on another platform. */
    public Label on(Platform other) {
        return new Label(implementation, false, profile, keys, other);
    }

    /** The label this one is compared with in a run that measured {@code measured}; see {@link Implementation#beforeAmong}. */
    public Optional<Label> beforeAmong(List<Implementation> measured) {
        return implementation.beforeAmong(measured).map(this::with);
    }

    /** The same under the phase before this one's whole module; see {@link Implementation#phaseBefore()}. */
    public Optional<Label> phaseBefore() {
        return implementation.phaseBefore().map(this::with);
    }
}
