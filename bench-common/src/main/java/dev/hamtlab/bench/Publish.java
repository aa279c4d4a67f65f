package dev.hamtlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies a results folder's tables into the READMEs, between their markers: a run of the phases
 * fills the {@value #BEGIN} ... {@value #END} blocks, with the whole summary in the top README and
 * the tables of each module's phases in the module's README; a run with peers besides HashMap fills
 * the top README's {@value #PEERS_BEGIN} ... {@value #PEERS_END} block with the phases among the
 * peers. So no number in a README is ever typed by hand, and each names its run.
 */
final class Publish {
    static final String BEGIN = "<!-- results:begin -->";
    static final String END = "<!-- results:end -->";
    static final String PEERS_BEGIN = "<!-- peers:begin -->";
    static final String PEERS_END = "<!-- peers:end -->";
    static final String README = "README.md";

    private Publish() {
    }

    /** Rewrites the READMEs under {@code root} from {@code folder}; returns the files it rewrote. */
    static List<Path> readmes(Path folder, Path root) throws IOException, BadInput {
        Report report = Report.read(folder);
        Map<Path, String> tables = new LinkedHashMap<>();
        boolean peers = report.hasPeers();
        if (peers) {
            tables.put(root.resolve(README), report.peersSummary());
        } else {
            tables.put(root.resolve(README), report.summary());
            // One README a module, with the tables of all its implementations (phase 2 has two fallbacks).
            Stream.of(Implementation.values()).flatMap(i -> i.module().stream()).distinct()
                    .forEach(module -> tables.put(root.resolve(module).resolve(README), report.moduleSummary(module)));
        }
        String begin = peers ? PEERS_BEGIN : BEGIN;
        String end = peers ? PEERS_END : END;
        // Every README is checked before any is written: a bad one leaves them all untouched.
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path readme : tables.keySet()) {
            texts.put(readme, markedText(readme, begin, end));
        }
        for (Map.Entry<Path, String> readme : texts.entrySet()) {
            Files.writeString(readme.getKey(), replaceBlock(readme.getValue(), tables.get(readme.getKey()), begin, end));
        }
        return List.copyOf(texts.keySet());
    }

    private static String markedText(Path readme, String begin, String end) throws IOException, BadInput {
        if (!Files.isRegularFile(readme)) {
            throw new BadInput("'" + readme + "' is missing; publish runs from the repository root");
        }
        String text = Files.readString(readme);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new BadInput("'" + readme + "' has no " + begin + " ... " + end + " block to fill");
        }
        return text;
    }

    static String replaceBlock(String text, String tables, String begin, String end) {
        int from = text.indexOf(begin) + begin.length();
        int to = text.indexOf(end);
        return text.substring(0, from) + "\n" + tables.strip() + "\n" + text.substring(to);
    }
}
