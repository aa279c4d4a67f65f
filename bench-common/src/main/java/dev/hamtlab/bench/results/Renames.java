package dev.hamtlab.bench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names a run recorded for maps the study has renamed since, from its folder's
 * {@value #FILE}: one "recorded TAB current" a line, '#' starting a comment. Every reader of a
 * results folder's JSON reads it through {@link #readJson}, so a run made before a rename is read,
 * compared and reported under today's names (the runs made before 2026-12-07's renaming measured
 * as phase4 and inthamt the designs now named phase4-hotpath and inthamt-trie). A folder without
 * the file has today's names.
 */
public final class Renames {
    public static final String FILE = "renames.tsv";

    private Renames() {
    }

    /**
     * The text of one JSON file of a results folder (in the folder itself or its raw or profiles),
     * each JSON string that is a recorded name replaced by the current one, all in one pass, so a
     * name that is both one run's old and another's new is never renamed twice; the value of the
     * "preset" key is left as it is.
     */
    public static String readJson(Path file) throws IOException {
        String text = Files.readString(file);
        Map<String, String> renamed = renamesFor(file);
        if (renamed.isEmpty()) {
            return text;
        }
        // A preset's name is not a map's, though "phase4" names both.
        Pattern recorded = Pattern.compile(renamed.keySet().stream().map(name -> "\"" + Pattern.quote(name) + "\"")
                .collect(Collectors.joining("|", "(?<!\"preset\"\\s{0,8}:\\s{0,8})(?:", ")")));
        return recorded.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                "\"" + renamed.get(match.group().substring(1, match.group().length() - 1)) + "\""));
    }

    /**
     * The renames of the results folder that holds {@code file}: its parent, or for a file of the
     * folder's {@value ResultsFolder#RAW} or {@value ResultsFolder#PROFILES} subfolder the folder
     * above it; never a folder further up, which is not the run's.
     */
    private static Map<String, String> renamesFor(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        if ((name.equals(ResultsFolder.RAW) || name.equals(ResultsFolder.PROFILES)) && folder.getParent() != null) {
            folder = folder.getParent();
        }
        Path renames = folder.resolve(FILE);
        return Files.isRegularFile(renames) ? parse(renames) : Map.of();
    }

    private static Map<String, String> parse(Path renames) throws IOException {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(renames)) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] names = content.split("\t");
            if (names.length != 2 || names[0].isBlank() || names[1].isBlank()) {
                throw new IOException(renames + ": a line is not 'recorded<TAB>current': " + line);
            }
            if (renamed.put(names[0].strip(), names[1].strip()) != null) {
                throw new IOException(renames + ": '" + names[0].strip() + "' is renamed twice");
            }
        }
        return renamed;
    }
}
