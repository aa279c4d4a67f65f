package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies a results folder's tables into the READMEs and docs/, between their markers. A run of the
 * phases fills the top README's {@value #BEGIN} ... {@value #END} block with its brief headline (two
 * charts, its phase steps at the largest size) and the same block of {@value #FINDINGS} with the
 * whole headline (every chart, every size). A run with peers besides HashMap fills the
 * {@value #PEERS_BEGIN} ... {@value #PEERS_END} block of {@value #PEERS}: every map at the largest
 * size. Either fills the {@value #BEGIN} block of each module whose implementations it measured
 * whole, each with what it is compared with; a module it measured in part keeps the tables of the
 * run that measured it whole. A run on several platforms fills the {@value #PLATFORMS_BEGIN} block
 * of {@value #PLATFORMS} alone, and a run of colliding keys alone the {@value #FLOOD_BEGIN} block
 * of {@value #FLOODING} alone: their keys or platforms are not those the module tables speak of.
 * Phase 4's module, measured in part by the two presets made for it, takes the tables of a phase4
 * preset run in its {@value #BEGIN} block and those of a pools preset run, with their platform
 * tables, in its {@value #POOLS_BEGIN} block alone. So no number in a README is ever typed by hand,
 * and each names its run.
 */
public final class Publish {
    static final String BEGIN = "<!-- results:begin -->";
    static final String END = "<!-- results:end -->";
    static final String PEERS_BEGIN = "<!-- peers:begin -->";
    static final String PEERS_END = "<!-- peers:end -->";
    static final String FLOOD_BEGIN = "<!-- flood:begin -->";
    static final String FLOOD_END = "<!-- flood:end -->";
    static final String PLATFORMS_BEGIN = "<!-- platforms:begin -->";
    static final String PLATFORMS_END = "<!-- platforms:end -->";
    static final String POOLS_BEGIN = "<!-- pools:begin -->";
    static final String POOLS_END = "<!-- pools:end -->";
    static final String README = "README.md";
    static final String FINDINGS = "docs/findings.md";
    static final String PEERS = "docs/peers.md";
    static final String PLATFORMS = "docs/platforms.md";
    static final String FLOODING = "docs/flooding.md";
    /**
     * Phase 4's module and the two presets made for it, which measure it in part: the phase4 preset
     * its layout chain and IntHamt among the peers, the pools preset its pools under two collectors.
     */
    private static final String PHASE4_MODULE = "phase4-hash";
    private static final String PHASE4_PRESET = "phase4";
    private static final String POOLS_PRESET = "pools";

    private Publish() {
    }

    /** Rewrites the READMEs and docs under {@code root} from {@code folder}; returns the files it rewrote. */
    public static List<Path> readmes(Path folder, Path root) throws IOException, BadInput {
        Run run = Run.read(folder);
        ReadmeBlocks report = new ReadmeBlocks(run);
        List<Block> blocks = new ArrayList<>();
        if (report.isFlood()) {
            Path doc = root.resolve(FLOODING);
            blocks.add(new Block(doc, report.floodHeadline(folderFrom(doc, folder)), FLOOD_BEGIN, FLOOD_END));
        } else if (report.madeBy(POOLS_PRESET)) {
            blocks.add(new Block(root.resolve(PHASE4_MODULE).resolve(README), report.poolsSummary(PHASE4_MODULE),
                    POOLS_BEGIN, POOLS_END));
        } else if (report.hasPlatforms()) {
            Path doc = root.resolve(PLATFORMS);
            blocks.add(new Block(doc, report.platformsHeadline(folderFrom(doc, folder)),
                    PLATFORMS_BEGIN, PLATFORMS_END));
        } else {
            List<RunCharts.Drawn> charts = run.drawCharts();
            if (report.hasPeers()) {
                Path doc = root.resolve(PEERS);
                blocks.add(new Block(doc, report.peersHeadline(charts, folderFrom(doc, folder)),
                        PEERS_BEGIN, PEERS_END));
            } else {
                Path top = root.resolve(README);
                Path findings = root.resolve(FINDINGS);
                blocks.add(new Block(top, report.headline(charts, folderFrom(top, folder), true), BEGIN, END));
                blocks.add(new Block(findings,
                        report.headline(charts, folderFrom(findings, folder), false), BEGIN, END));
            }
            // One README a module, with the tables of all its implementations (phase 2 has two fallbacks); phase 4's
            // with those of the run made for it.
            Stream.of(Implementation.values()).flatMap(i -> i.module().stream()).distinct()
                    .filter(module -> measuredWhole(run.implementations, module)
                            || module.equals(PHASE4_MODULE) && report.madeBy(PHASE4_PRESET))
                    .forEach(module -> blocks.add(new Block(root.resolve(module).resolve(README),
                            report.moduleSummary(module), BEGIN, END)));
        }
        // Every file is checked before any is written: a bad one leaves them all untouched.
        List<String> texts = new ArrayList<>();
        for (Block block : blocks) {
            texts.add(markedText(block.readme(), block.begin(), block.end()));
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            Files.writeString(block.readme(), replaceBlock(texts.get(i), block.tables(), block.begin(), block.end()));
        }
        return blocks.stream().map(Block::readme).toList();
    }

    /** The results folder as {@code readme} links to it, ending in a slash. */
    private static String folderFrom(Path readme, Path folder) {
        return readme.toAbsolutePath().normalize().getParent()
                .relativize(folder.toAbsolutePath().normalize()).toString()
                .replace('\\', '/') + "/";
    }

    /** The tables meant for the block between {@code begin} and {@code end} of one README. */
    private record Block(Path readme, String tables, String begin, String end) {
    }

    /** Whether the run measured every implementation of the module and what each is compared with. */
    private static boolean measuredWhole(List<Implementation> measured, String module) {
        return Stream.of(Implementation.values()).filter(i -> i.module().equals(Optional.of(module)))
                .allMatch(i -> measured.contains(i) && i.before().map(measured::contains).orElse(true));
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
