package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.CannedRun.INSERT;
import static dev.hamtlab.bench.report.CannedRun.QUERY_HIT;
import static dev.hamtlab.bench.report.MarkdownTables.row;
import static dev.hamtlab.bench.report.MarkdownTables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./bench publish}: which README or page of docs/ each kind of run fills, and with what. */
class PublishTest {
    private static final String MISSING_CELL = "–";
    private static final List<String> READMES = List.of("README.md", "phase0-baseline/README.md", "phase1/README.md",
            "phase2-bumppool/README.md", "phase3-recycling/README.md", "phase4-hash/README.md",
                    Publish.FINDINGS, Publish.PEERS,
            Publish.PLATFORMS, Publish.FLOODING);

    @TempDir
    Path folder;
    private CannedRun canned;

    @BeforeEach
    void cannedRun() throws IOException {
        canned = CannedRun.in(folder);
    }

    @Test
    void publishFillsEveryReadmeWithItsOwnTables(@TempDir Path root) throws IOException, BadInput {
        readmes(root, "# title\n\n" + Publish.BEGIN + "\nold\n" + Publish.END + "\ntail\n");
        assertEquals(List.of(root.resolve("README.md"), root.resolve(Publish.FINDINGS),
                root.resolve("phase0-baseline/README.md"),
                root.resolve("phase1/README.md")), Publish.readmes(folder, root));

        // The top README gets the brief headline: two charts, the largest size's phase steps, the way to the full report.
        String top = Files.readString(root.resolve("README.md"));
        assertTrue(row(top, "| phase1 vs phase0 | 10K |").get(2).startsWith("-1.2% same ["), top);
        assertFalse(top.contains("| phase1 vs phase0 | 1K |") || top.contains("improvement.png"), top);
        String results = root.toAbsolutePath().relativize(folder.toAbsolutePath()) + "/";
        assertTrue(top.contains("](" + results + "charts/insert-ns-by-size.png)"), top);
        assertTrue(Files.isRegularFile(folder.resolve("charts/insert-ns-by-size.png")));
        assertTrue(top.contains("[report](" + results + "report.md)") && !top.contains("### phase0 vs HashMap"), top);
        assertTrue(top.startsWith("# title\n\n" + Publish.BEGIN + "\nMeasured by `./bench --preset quick"), top);
        assertTrue(top.endsWith(Publish.END + "\ntail\n") && !top.contains("old"), top);

        // docs/findings.md gets every size and chart, its links made from docs/.
        String findings = Files.readString(root.resolve(Publish.FINDINGS));
        assertTrue(row(findings, "| phase1 vs phase0 | 1K |").get(2).startsWith("+100.0% faster ["), findings);
        assertTrue(row(findings, "| phase1 vs HashMap | 1K |").get(2).startsWith("-50.0% slower ["), findings);
        String fromDocs = root.resolve("docs").toAbsolutePath().relativize(folder.toAbsolutePath()) + "/";
        assertTrue(fromDocs.startsWith("../")
                && findings.contains("](" + fromDocs + "charts/insert-phase-improvement.png)"),
                findings);

        String phase1 = Files.readString(root.resolve("phase1/README.md"));
        assertEquals("-50.0%", table(phase1, "insert", "phase1 vs HashMap").get("1K").get(2));
        assertTrue(phase1.contains("### phase1 vs phase0") && !phase1.contains("### phase0 vs HashMap"), phase1);
        String phase0 = Files.readString(root.resolve("phase0-baseline/README.md"));
        assertTrue(phase0.contains("### phase0 vs HashMap") && !phase0.contains("### phase1"), phase0);
    }

    @Test
    void publishWritesBothPhase2FallbacksIntoTheirModulesReadme(@TempDir Path root) throws IOException, BadInput {
        canned.forks(INSERT, "phase2", "1K", 90, 0, 0);
        canned.forks(INSERT, "phase2-newarray", "1K", 75, 0, 0);
        canned.forks(INSERT, "phase3", "1K", 60, 0, 0);
        String unmeasured = Publish.BEGIN + "\n" + Publish.END + "\n";
        readmes(root, unmeasured);
        // phase 2's 4K-chunk variant is missing: its module keeps its tables until a run measures it whole
        assertFalse(Publish.readmes(folder, root).contains(root.resolve("phase2-bumppool/README.md")));
        assertEquals(unmeasured, Files.readString(root.resolve("phase2-bumppool/README.md")));
        canned.forks(INSERT, "phase2-4k", "1K", 80, 0, 0);
        Publish.readmes(folder, root);

        String phase2 = Files.readString(root.resolve("phase2-bumppool/README.md"));
        assertEquals("+11.1%", table(phase2, "insert", "phase2 vs phase1").get("1K").get(2));
        assertEquals("+20.0%", table(phase2, "insert", "phase2-newarray vs phase2").get("1K").get(2));
        assertEquals("-33.3%", table(phase2, "insert", "phase2-newarray vs HashMap").get("1K").get(2));
        assertTrue(phase2.contains("### phase2 vs HashMap") && !phase2.contains("### phase1 vs")
                && !phase2.contains("### phase3"),
                phase2);
        String phase3 = Files.readString(root.resolve("phase3-recycling/README.md"));
        // phase 3 is built from phase 2, not from the variant declared just before it
        assertEquals("+50.0%", table(phase3, "insert", "phase3 vs phase2").get("1K").get(2));
        assertFalse(phase3.contains("phase2-newarray"), phase3);
    }

    @Test
    void aRunWithPeersFillsThePeersPageAndTheModulesItMeasured(@TempDir Path root) throws IOException, BadInput {
        canned.forks(INSERT, "vavr", "1K", 400, 0, 0);
        String phases = Publish.BEGIN + "\nthe full run's tables\n" + Publish.END + "\n";
        readmes(root, phases + Publish.PEERS_BEGIN + "\nold\n" + Publish.PEERS_END + "\n");

        assertEquals(List.of(root.resolve(Publish.PEERS), root.resolve("phase0-baseline/README.md"),
                root.resolve("phase1/README.md")), Publish.readmes(folder, root));

        // The headline: every map at the largest size measured, 10K, and the way to the full report.
        String peers = Files.readString(root.resolve(Publish.PEERS));
        assertTrue(peers.startsWith(phases), peers);
        assertEquals(List.of("phase1", "mutable", "402.5", MISSING_CELL, MISSING_CELL),
                row(peers, "| phase1 | mutable |"));
        assertEquals(List.of("Vavr", "persistent", MISSING_CELL, MISSING_CELL, MISSING_CELL), row(peers, "| Vavr |"));
        assertTrue(peers.contains("Every map at 10K keys") && peers.contains("](../"), peers);
        assertTrue(peers.contains("/charts/insert-ns-by-size.png)"), peers);
        assertFalse(peers.contains("old") || peers.contains("### phase1 vs phase0")
                || peers.contains("| 1K | phase1 |"), peers);
        String phase1 = Files.readString(root.resolve("phase1/README.md"));
        assertTrue(phase1.contains("### phase1 vs phase0") && phase1.contains(Publish.PEERS_BEGIN + "\nold\n"), phase1);
        String untouched = phases + Publish.PEERS_BEGIN + "\nold\n" + Publish.PEERS_END + "\n";
        assertEquals(untouched, Files.readString(root.resolve("phase3-recycling/README.md")));
        assertEquals(untouched, Files.readString(root.resolve("README.md")));
    }

    @Test
    void aRunOnSeveralPlatformsFillsThePlatformsPageAlone(@TempDir Path root) throws IOException, BadInput {
        canned.platformForks(INSERT, "phase0", "parallel", "1K", 200);
        canned.platformForks(INSERT, "phase1", "parallel", "1K", 50);
        String blocks = Publish.BEGIN + "\nthe full run's tables\n" + Publish.END + "\n";
        readmes(root, blocks + Publish.PLATFORMS_BEGIN + "\nold\n" + Publish.PLATFORMS_END + "\n");

        assertEquals(List.of(root.resolve(Publish.PLATFORMS)), Publish.readmes(folder, root));
        String platforms = Files.readString(root.resolve(Publish.PLATFORMS));
        assertTrue(platforms.startsWith(blocks) && !platforms.contains("old"), platforms);
        assertTrue(platforms.contains("### insert 1K, Integer random: on each platform"), platforms);
        assertTrue(platforms.contains("[report](../") && !platforms.contains("## Collectors and JDKs"), platforms);
        assertTrue(row(platforms, "| phase1 vs phase0 |").get(2).startsWith("+300.0% faster ["), platforms);
    }

    @Test
    void aPhase4RunFillsPhase4sModuleThoughItMeasuresItInPart(@TempDir Path root) throws IOException, BadInput {
        canned.madeBy("phase4");
        canned.forks(INSERT, "phase4-specialised", "1K", 100, 0, 0);
        canned.forks(INSERT, "phase4", "1K", 50, 0, 0);
        canned.forks(QUERY_HIT, "phase4", "10K", 40, 0, 0);
        canned.forks(QUERY_HIT, "scala-immutable", "10K", 60, 0, 0);
        String pools = Publish.POOLS_BEGIN + "\npools\n" + Publish.POOLS_END + "\n";
        readmes(root, Publish.BEGIN + "\nstale tables\n" + Publish.END + "\n" + Publish.PEERS_BEGIN + "\n"
                + Publish.PEERS_END + "\n" + pools);

        // Its peers place phase 4 among them in docs/peers.md too.
        assertTrue(Publish.readmes(folder, root).containsAll(List.of(root.resolve("phase4-hash/README.md"),
                root.resolve(Publish.PEERS))));
        String phase4 = Files.readString(root.resolve("phase4-hash/README.md"));
        assertEquals("+100.0%", table(phase4, "insert", "phase4 vs phase4-specialised").get("1K").get(2));
        assertTrue(phase4.endsWith(pools) && !phase4.contains("stale tables"), phase4);
        // The goals set for phase 4 come first, each read from the run.
        int goals = phase4.indexOf("## Phase 4's goals");
        assertTrue(goals >= 0 && goals < phase4.indexOf("## insert"), phase4);
        assertEquals("met", row(phase4, "| phase4 at least 1.2x as fast as Scala immutable on query-hit | 10K").get(4));
    }

    @Test
    void aPoolsRunFillsPhase4sPoolsBlockAlone(@TempDir Path root) throws IOException, BadInput {
        canned.madeBy("pools");
        canned.forks(INSERT, "phase4", "1K", 100, 0, 0);
        canned.forks(INSERT, "phase4-bumppool", "1K", 125, 0, 0);
        canned.platformForks(INSERT, "phase4", "parallel", "1K", 50);
        canned.platformForks(INSERT, "phase4-bumppool", "parallel", "1K", 50);
        String blocks = Publish.BEGIN + "\nthe phase4 run's tables\n" + Publish.END + "\n" + Publish.PLATFORMS_BEGIN
                + "\nthe platforms run's tables\n" + Publish.PLATFORMS_END + "\n";
        readmes(root, blocks + Publish.POOLS_BEGIN + "\nold\n" + Publish.POOLS_END + "\n");

        assertEquals(List.of(root.resolve("phase4-hash/README.md")), Publish.readmes(folder, root));
        String phase4 = Files.readString(root.resolve("phase4-hash/README.md"));
        assertTrue(phase4.startsWith(blocks) && !phase4.contains("old"), phase4);
        assertEquals("-20.0%", table(phase4, "insert", "phase4-bumppool vs phase4").get("1K").get(2));
        // On Parallel the pool is level with phase 4: the platform tables come with the comparisons.
        assertTrue(row(phase4, "| phase4-bumppool vs phase4 |").get(2).startsWith("+0.0% same ["), phase4);
    }

    @Test
    void aFloodRunFillsTheFloodingPageAloneWithEachPhaseAgainstHashMap(@TempDir Path root) throws IOException,
            BadInput {
        try (Stream<Path> raw = Files.list(folder.resolve("raw"))) {
            for (Path file : raw.toList()) {
                Files.delete(file);
            }
        }
        canned.keyedForks(INSERT, "hashmap", "colliding", "1K", 100);
        canned.keyedForks(INSERT, "phase0", "colliding", "1K", 200);
        canned.keyedForks(INSERT, "vavr", "colliding", "1K", 4000);
        String blocks = Publish.BEGIN + "\nthe full run's tables\n" + Publish.END + "\n"
                + Publish.PEERS_BEGIN + "\npeers\n"
                + Publish.PEERS_END + "\n";
        readmes(root, blocks + Publish.FLOOD_BEGIN + "\nold\n" + Publish.FLOOD_END + "\n");

        assertEquals(List.of(root.resolve(Publish.FLOODING)), Publish.readmes(folder, root));
        String flood = Files.readString(root.resolve(Publish.FLOODING));
        assertTrue(flood.startsWith(blocks) && !flood.contains("old"), flood);
        assertTrue(flood.contains("### insert, String colliding: each phase against HashMap"), flood);
        assertTrue(row(flood, "| 1K | phase0 |").get(2).startsWith("-50.0% slower ["), flood);
        assertEquals(List.of("Vavr", "persistent", "4,000.0", MISSING_CELL, MISSING_CELL),
                row(flood, "| Vavr | persistent |"));
    }

    @Test
    void publishWritesNothingWhenAReadmeHasNoBlock(@TempDir Path root) throws IOException {
        String marked = Publish.BEGIN + "\nold\n" + Publish.END + "\n";
        readmes(root, marked);
        Files.writeString(root.resolve("phase1/README.md"), "no block here\n");

        BadInput error = assertThrows(BadInput.class, () -> Publish.readmes(folder, root));
        assertTrue(error.getMessage().contains("phase1/README.md' has no " + Publish.BEGIN), error.getMessage());
        assertEquals(marked, Files.readString(root.resolve("README.md")));
        assertEquals(marked, Files.readString(root.resolve("phase0-baseline/README.md")));
    }

    /** The top README and every module's, each holding {@code text}. */
    private static void readmes(Path root, String text) throws IOException {
        for (String readme : READMES) {
            Files.createDirectories(root.resolve(readme).getParent());
            Files.writeString(root.resolve(readme), text);
        }
    }
}
