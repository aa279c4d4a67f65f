package dev.hamtlab.bench.runner;

import com.google.gson.JsonParseException;
import dev.hamtlab.bench.BadInput;
import dev.hamtlab.bench.report.Report;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.results.Launcher;
import dev.hamtlab.bench.results.Renames;
import dev.hamtlab.bench.results.ResultsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The resume command: the run recorded in a results folder, replanned from its own
 * environment.json, so that the runner makes the forks the folder lacks in the order the run
 * would have made them. {@code recorded} is the folder's record as the run left it.
 */
record Resume(RunOptions options, Environment.Facts recorded) {
    static final String COMMAND = "resume";

    private static final String USAGE = "usage: " + COMMAND
            + " FOLDER [--force], where FOLDER is the results folder of a run"
            + " cut short";

    /** The command that resumes the run writing into {@code folder}. */
    static String command(Path folder) {
        return Launcher.name() + " " + COMMAND + " " + folder;
    }

    /**
     * The run to resume from "resume FOLDER [--force]": refused, before anything is written, unless
     * FOLDER is a timed run's results folder recorded at the commit checked out now (or --force).
     */
    static Resume parse(String[] args) throws BadInput, IOException {
        List<String> rest = List.of(args).subList(1, args.length);
        boolean force = rest.contains("--force");
        List<String> folders = rest.stream().filter(arg -> !arg.equals("--force")).toList();
        if (folders.size() != 1 || folders.get(0).startsWith("--")) {
            throw new BadInput(USAGE);
        }
        Path folder = Main.resultsFolder(folders.get(0));
        if (Files.exists(folder.resolve(Renames.FILE))) {
            throw new BadInput("'" + folder + "' names maps the study has renamed since (its " + Renames.FILE
                    + "), so this runner would measure them under other names; resume it at the commit it was run at");
        }
        Environment.Facts facts = recordedIn(folder);
        Environment.Plan plan = facts.plan();
        if (plan == null) {
            throw new BadInput("'" + folder
                    + "' records no fork plan (a profile run, or a run made before runs could be"
                    + " resumed), so it cannot be resumed; start a new run");
        }
        String head = EnvironmentProbe.git("rev-parse", "HEAD").orElse(EnvironmentProbe.UNKNOWN_COMMIT);
        if (!force && !head.equals(facts.gitCommit())) {
            throw new BadInput("'" + folder + "' was run at commit " + facts.gitCommit() + " and this is " + head
                    + "; a run must measure one version of the code: check out " + facts.gitCommit()
                    + " to resume it, or add --force to resume it at " + head + " anyway");
        }
        try {
            return new Resume(RunOptions.recorded(facts, plan, folder), facts);
        } catch (BadInput e) {
            throw new BadInput("'" + folder + "' records a run this runner cannot plan again: " + e.getMessage());
        }
    }

    /** The facts of the folder's environment.json, refused if it has none or one that is not a record. */
    private static Environment.Facts recordedIn(Path folder) throws BadInput, IOException {
        Optional<Environment.Facts> facts;
        try {
            facts = Environment.read(folder);
        } catch (JsonParseException e) {
            throw new BadInput("'" + folder.resolve(ResultsFolder.ENVIRONMENT_JSON)
                    + "' is not a run's environment record: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return facts.orElseThrow(() -> new BadInput("'" + folder + "' has no " + ResultsFolder.ENVIRONMENT_JSON
                + ", so it records no run to resume; give the results folder of a run, e.g. results/<run>"));
    }

    /**
     * Makes the folder ready to continue: deletes the half-written files a kill left in raw/ and
     * records the resume beside the run's original start. Returns the facts as recorded now.
     */
    Environment.Facts start() throws IOException {
        ResultsFolder.deletePartials(options.out());
        Environment.Facts facts = EnvironmentProbe.resumed(recorded);
        Environment.write(options.out(), facts);
        return facts;
    }
}
