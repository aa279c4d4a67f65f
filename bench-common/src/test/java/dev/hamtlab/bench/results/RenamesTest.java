package dev.hamtlab.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results folder's renames.tsv: its raw and environment JSON read under today's names, and nothing else renamed. */
class RenamesTest {
    private static final String RECORDED = "{\"preset\": \"phase4\", \"impl\": \"phase4\", \"implementations\": [\"phase3\","
            + " \"phase4\", \"phase4-flatroot\"], \"note\": \"phase4 in prose\", \"control\": \"phase4-flatroot\"}";

    @TempDir
    Path folder;

    @Test
    void aRunsRecordedNamesAreReadAsTodaysInOnePass() throws IOException {
        Files.writeString(folder.resolve(Renames.FILE),
                "# made before the renaming\nphase4\tphase4-hotpath\n\nphase4-flatroot\tphase4\n");
        Path raw = Files.createDirectories(folder.resolve(ResultsFolder.RAW)).resolve("insert_phase4_1M_f01.json");
        Files.writeString(raw, RECORDED);
        Files.writeString(folder.resolve(ResultsFolder.ENVIRONMENT_JSON), RECORDED);

        // The preset keeps its name: "phase4" names the preset that made the run as well as a map.
        String today = "{\"preset\": \"phase4\", \"impl\": \"phase4-hotpath\", \"implementations\": [\"phase3\","
                + " \"phase4-hotpath\", \"phase4\"], \"note\": \"phase4 in prose\", \"control\": \"phase4\"}";
        assertEquals(today, Renames.readJson(raw));
        assertEquals(today, Renames.readJson(folder.resolve(ResultsFolder.ENVIRONMENT_JSON)));
    }

    @Test
    void aFolderWithoutRenamesIsReadAsItIs() throws IOException {
        Path raw = Files.createDirectories(folder.resolve(ResultsFolder.RAW)).resolve("insert_phase4_1M_f01.json");
        Files.writeString(raw, RECORDED);

        assertEquals(RECORDED, Renames.readJson(raw));
    }

    /** The folder that holds a run is the run's; one above it, such as results/, is not. */
    @Test
    void aRenamesFileAboveTheRunsFolderIsNotRead() throws IOException {
        Files.writeString(folder.resolve(Renames.FILE), "phase4\tphase4-hotpath\n");
        Path run = Files.createDirectories(folder.resolve("2026-12-08-abcdef0-quick"));
        Path environment = run.resolve(ResultsFolder.ENVIRONMENT_JSON);
        Files.writeString(environment, RECORDED);
        Path raw = Files.createDirectories(run.resolve(ResultsFolder.RAW)).resolve("insert_phase4_1M_f01.json");
        Files.writeString(raw, RECORDED);

        assertEquals(RECORDED, Renames.readJson(environment));
        assertEquals(RECORDED, Renames.readJson(raw));
    }

    @Test
    void aMalformedLineNamesTheFile() throws IOException {
        Files.writeString(folder.resolve(Renames.FILE), "phase4 phase4-hotpath\n");
        Path environment = folder.resolve(ResultsFolder.ENVIRONMENT_JSON);
        Files.writeString(environment, RECORDED);

        IOException refused = assertThrows(IOException.class, () -> Renames.readJson(environment));
        assertTrue(refused.getMessage().contains(Renames.FILE)
                && refused.getMessage().contains("not 'recorded<TAB>current'"),
                refused.getMessage());
    }

    @Test
    void aNameRenamedTwiceIsRefused() throws IOException {
        Files.writeString(folder.resolve(Renames.FILE), "phase4\tphase4-hotpath\nphase4\tphase4-spread\n");
        Path environment = folder.resolve(ResultsFolder.ENVIRONMENT_JSON);
        Files.writeString(environment, RECORDED);

        IOException refused = assertThrows(IOException.class, () -> Renames.readJson(environment));
        assertTrue(refused.getMessage().contains("'phase4' is renamed twice"), refused.getMessage());
    }
}
