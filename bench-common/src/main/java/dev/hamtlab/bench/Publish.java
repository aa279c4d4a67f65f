package dev.hamtlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies a results folder's tables into the READMEs, between their {@value #BEGIN} and
 * {@value #END} markers: the whole summary into the top README, the tables of each module's phases
 * into the module's README. So no number in a README is ever typed by hand, and each names its run.
 */
final class Publish {
    static final String BEGIN = "<!-- results:begin -->";
    static final String END = "<!-- results:end -->";
    static final String README = "README.md";

    private Publish() {
    }

    /** Rewrites the READMEs under {@code root} from {@code folder}; returns the files it rewrote. */
    static List<Path> readmes(Path folder, Path root) throws IOException, BadInput {
        Report report = Report.read(folder);
        Map<Path, String> tables = new LinkedHashMap<>();
        tables.put(root.resolve(README), report.summary());
        // One README a module, with the tables of all its implementations (phase 2 has two fallbacks).
        Stream.of(Implementation.values()).flatMap(i -> i.module().stream()).distinct()
                .forEach(module -> tables.put(root.resolve(module).resolve(README), report.moduleSummary(module)));
        // Every README is checked before any is written: a bad one leaves them all untouched.
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path readme : tables.keySet()) {
            texts.put(readme, markedText(readme));
        }
        for (Map.Entry<Path, String> readme : texts.entrySet()) {
            Files.writeString(readme.getKey(), replaceBlock(readme.getValue(), tables.get(readme.getKey())));
        }
        return List.copyOf(texts.keySet());
    }

    private static String markedText(Path readme) throws IOException, BadInput {
        if (!Files.isRegularFile(readme)) {
            throw new BadInput("'" + readme + "' is missing; publish runs from the repository root");
        }
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new BadInput("'" + readme + "' has no " + BEGIN + " ... " + END + " block to fill");
        }
        return text;
    }

    static String replaceBlock(String text, String tables) {
        int begin = text.indexOf(BEGIN) + BEGIN.length();
        int end = text.indexOf(END);
        return text.substring(0, begin) + "\n" + tables.strip() + "\n" + text.substring(end);
    }
}
