package dev.hamtlab.bench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The layout of a results folder, and the writing and cleaning of its files. */
public final class ResultsFolder {
    /** The raw files: JMH's JSON, counters, shapes, footprints. */
    public static final String RAW = "raw";
    /** The flame graphs and the profile files. */
    public static final String PROFILES = "profiles";
    public static final String CHARTS = "charts";
    public static final String REPORT = "report.md";
    public static final String SUMMARY = "summary.md";
    /**
     * One line per fork, written by the runner as each fork ends: raw file, start time, load average
     * and the host watched around it.
     */
    public static final String FORK_LOG = "forks.tsv";
    public static final String FORKS = "forks.md";
    public static final String ENVIRONMENT_JSON = "environment.json";
    public static final String ENVIRONMENT_MARKDOWN = "environment.md";
    /** What {@link #writeWhole} adds to the name of the file it is writing. */
    static final String PARTIAL_SUFFIX = ".partial";

    private ResultsFolder() {
    }

    /** Writes a file whole or not at all, so a run cut short leaves no half file for the report. */
    public static void writeWhole(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + PARTIAL_SUFFIX);
        Files.writeString(partial, text);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the half-written files a kill left in the folder's raw files. */
    public static void deletePartials(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve(RAW))) {
            for (Path partial : files.filter(f -> f.getFileName().toString().endsWith(PARTIAL_SUFFIX)).toList()) {
                Files.delete(partial);
            }
        }
    }

    /**
     * Deletes an earlier run's results and report, so a report never mixes two runs; its
     * environment files are left to be rewritten.
     */
    public static void deleteGenerated(Path folder) throws IOException {
        for (String generated : List.of(RAW, PROFILES, CHARTS)) {
            deleteTree(folder.resolve(generated));
        }
        for (String file : List.of(REPORT, SUMMARY, FORK_LOG, FORKS)) {
            Files.deleteIfExists(folder.resolve(file));
        }
    }

    /** Deletes a folder and all it holds, if it exists. */
    public static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
