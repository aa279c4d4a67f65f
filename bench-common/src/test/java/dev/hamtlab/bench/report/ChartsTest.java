package dev.hamtlab.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of chart is a real PNG of the fixed size, drawn the same each time, NaN points left out. */
class ChartsTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final double[] SIZES = {1_000, 10_000, 100_000, 1_000_000};
    private static final double NaN = Double.NaN;

    /** One kind of chart, as its method is called. */
    private interface Kind {
        void draw(Path png, String title, String xTitle, String yTitle, List<Charts.Series> series) throws IOException;
    }

    @TempDir
    Path dir;

    @Test
    void logLog() throws IOException {
        drawsAndRepeats(Charts::logLog, List.of(
                Charts.Series.of("phase0", SIZES, new double[] {20, 35, 60, 140}),
                Charts.Series.of("phase1", SIZES, new double[] {15, NaN, 45, 110}),
                Charts.Series.of("HashMap", SIZES, new double[] {8, 12, 25, 70}),
                Charts.Series.of("not measured", SIZES, new double[] {NaN, NaN, NaN, NaN})));
    }

    @Test
    void logX() throws IOException {
        drawsAndRepeats(Charts::logX, List.of(
                Charts.Series.of("phase0", SIZES, new double[] {52, 50, 49, 49}),
                Charts.Series.of("HashMap", new double[] {1_000, NaN, 100_000, 1_000_000},
                        new double[] {40, 41, 39, 40}),
                Charts.Series.of("not measured", SIZES, new double[] {NaN, NaN, NaN, NaN})));
    }

    @Test
    void intervals() throws IOException {
        drawsAndRepeats(Charts::intervals, List.of(
                new Charts.Series("phase1 over phase0", SIZES, new double[] {-12, -8, 3, 5},
                        new double[] {-15, -10, 1, NaN}, new double[] {-9, -6, 5, NaN}),
                new Charts.Series("phase2 over phase1", SIZES, new double[] {-4, -2, NaN, 1},
                        new double[] {-6, -3, NaN, -1}, new double[] {-2, -1, NaN, 3}),
                Charts.Series.of("phase3 over phase2", SIZES, new double[] {2, 1, 0.5, -1}),
                new Charts.Series("not measured", SIZES, new double[] {NaN, NaN, NaN, NaN},
                        new double[] {NaN, NaN, NaN, NaN}, new double[] {NaN, NaN, NaN, NaN})));
    }

    @Test
    void anIntervalNeedsALowAndAHighForEachPoint() {
        assertThrows(IllegalArgumentException.class,
                () -> new Charts.Series("half", SIZES, new double[4], new double[4], null));
        assertThrows(IllegalArgumentException.class,
                () -> new Charts.Series("short", SIZES, new double[4], new double[3], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> Charts.Series.of("ragged", SIZES, new double[3]));
    }

    /**
     * Draws the chart twice, and once more without its last series, which has no finite point: a PNG of the fixed
     * size, not one colour, the same bytes each time, and the same as if the series with nothing to draw were not
     * given.
     */
    private void drawsAndRepeats(Kind kind, List<Charts.Series> series) throws IOException {
        Path first = dir.resolve("first.png");
        Path second = dir.resolve("second.png");
        Path withoutNaN = dir.resolve("without-nan.png");
        kind.draw(first, "ns per key", "entries", "ns", series);
        kind.draw(second, "ns per key", "entries", "ns", series);
        kind.draw(withoutNaN, "ns per key", "entries", "ns", series.subList(0, series.size() - 1));

        byte[] bytes = Files.readAllBytes(first);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), "PNG signature");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        assertTrue(colours(image) > 10, "a drawing, not one colour");
        assertArrayEquals(bytes, Files.readAllBytes(second), "deterministic");
        assertArrayEquals(bytes, Files.readAllBytes(withoutNaN), "the all-NaN series is left out");
    }

    private static int colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
