package dev.hamtlab.bench.results;

/** The command that makes and remakes results folders, as the recorded command, the reports and the messages name it. */
public final class Launcher {
    /** How the runner was started; the bench script sets it so the recorded command is the one typed. */
    private static final String VARIABLE = "HAMTLAB_LAUNCHER";
    private static final String DEFAULT = "java -jar bench-common/target/benchmarks.jar";

    private Launcher() {
    }

    /** The command that started the runner, without its arguments. */
    public static String name() {
        return System.getenv().getOrDefault(VARIABLE, DEFAULT);
    }
}
