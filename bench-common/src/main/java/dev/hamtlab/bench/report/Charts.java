package dev.hamtlab.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's PNG charts, drawn with XChart: a series per line, a fixed size, a colour and a marker per series in
 * the order given, the legend outside on the right. The same input gives the same bytes.
 */
final class Charts {
    static {
        // Before any AWT class loads: the charts are drawn with no display, as in CI.
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 960;
    static final int HEIGHT = 540;

    /** Distinct on white, 16 of them; after that the colours repeat, with other markers. */
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf), new Color(0x393b79), new Color(0x637939),
        new Color(0x8c6d31), new Color(0x843c39), new Color(0x7b4173), new Color(0x000000)};

    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS};

    /** In the intervals chart, each series' x is this factor times the one before's. */
    private static final double INTERVAL_X_STEP = 1.06;

    private Charts() {
    }

    /**
     * One line of a chart: a name, points (x ascending), and optionally each point's interval low..high (same
     * length) drawn as a vertical whisker. A point whose x or y is not finite is not drawn, nor is a whisker whose
     * low or high is not.
     */
    record Series(String name, double[] x, double[] y, double[] low, double[] high) {
        Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values and " + y.length + " y values");
            }
            if ((low == null) != (high == null) || low != null && (low.length != x.length || high.length != x.length)) {
                throw new IllegalArgumentException(name + ": the interval needs a low and a high for each point");
            }
        }

        /** A series without intervals. */
        static Series of(String name, double[] x, double[] y) {
            return new Series(name, x, y, null, null);
        }

        /** The indexes of the points to draw: those with a finite x and y. */
        private int[] drawn() {
            return IntStream.range(0, x.length).filter(i -> Double.isFinite(x[i]) && Double.isFinite(y[i])).toArray();
        }
    }

    /**
     * A log-log line chart with markers (for example ns per key against map size, one series per implementation),
     * legend outside on the right.
     */
    static void logLog(Path png, String title, String xTitle, String yTitle, List<Series> series) throws IOException {
        XYChart chart = chart(title, xTitle, yTitle);
        chart.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern("#,##0.###");
        addLines(chart, series);
        write(chart, png);
    }

    /** A line chart, log x and linear y (for example bytes per entry against size). */
    static void logX(Path png, String title, String xTitle, String yTitle, List<Series> series) throws IOException {
        XYChart chart = chart(title, xTitle, yTitle);
        addLines(chart, series);
        write(chart, png);
    }

    /**
     * Points with their intervals as whiskers, log x, linear y, and a horizontal reference line at y = 0 (for example
     * each phase's improvement over the one before, in percent, against size). Series' x values are offset slightly
     * (multiplied by a small factor per series index) so whiskers of different series at the same x do not overlap.
     * Each whisker is a two-point line in its series' colour, hidden from the legend.
     */
    static void intervals(Path png, String title, String xTitle, String yTitle, List<Series> series)
            throws IOException {
        XYChart chart = chart(title, xTitle, yTitle);
        // The series with a point to draw; the offsets are spread over these alone, centred on the true x.
        int[] shown = IntStream.range(0, series.size()).filter(index -> series.get(index).drawn().length > 0).toArray();
        List<double[]> shownX = IntStream.range(0, shown.length).mapToObj(position -> {
            Series one = series.get(shown[position]);
            double factor = Math.pow(INTERVAL_X_STEP, position - (shown.length - 1) / 2.0);
            return IntStream.of(one.drawn()).mapToDouble(i -> one.x()[i] * factor).toArray();
        }).toList();
        if (shown.length > 0) {
            // First, so that the points and whiskers are drawn over it.
            double minX = shownX.stream().mapToDouble(x -> x[0]).min().getAsDouble();
            double maxX = shownX.stream().mapToDouble(x -> x[x.length - 1]).max().getAsDouble();
            XYSeries zero = chart.addSeries("y = 0", new double[] {minX, maxX}, new double[] {0, 0});
            zero.setMarker(SeriesMarkers.NONE);
            zero.setLineColor(Color.GRAY);
            zero.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
            zero.setShowInLegend(false);
        }
        for (int position = 0; position < shown.length; position++) {
            int index = shown[position];
            Series one = series.get(index);
            int[] drawn = one.drawn();
            double[] x = shownX.get(position);
            XYSeries points =
                    chart.addSeries(one.name(), x, IntStream.of(drawn).mapToDouble(i -> one.y()[i]).toArray());
            points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            style(points, index);
            if (one.low() == null) {
                continue;
            }
            for (int k = 0; k < drawn.length; k++) {
                double low = one.low()[drawn[k]];
                double high = one.high()[drawn[k]];
                if (Double.isFinite(low) && Double.isFinite(high)) {
                    XYSeries whisker = chart.addSeries(one.name() + " interval " + drawn[k],
                            new double[] {x[k], x[k]}, new double[] {low, high});
                    whisker.setMarker(SeriesMarkers.NONE);
                    whisker.setLineColor(COLOURS[index % COLOURS.length]);
                    whisker.setLineStyle(SeriesLines.SOLID);
                    whisker.setShowInLegend(false);
                }
            }
        }
        write(chart, png);
    }

    /** An empty chart with log x, sizes written out in full (1,000 to 1,000,000), the house fonts and legend. */
    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        // XChart 3.8.8's tick formatting function would place the ticks linearly on a log axis, so no "1K" labels.
        styler.setXAxisLogarithmic(true).setXAxisDecimalPattern("#,##0");
        styler.setLocale(Locale.ROOT);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xdddddd));
        styler.setMarkerSize(9);
        return chart;
    }

    /** Each series with a point to draw as a line with markers. */
    private static void addLines(XYChart chart, List<Series> series) {
        for (int index = 0; index < series.size(); index++) {
            Series one = series.get(index);
            int[] drawn = one.drawn();
            if (drawn.length > 0) {
                style(chart.addSeries(one.name(), IntStream.of(drawn).mapToDouble(i -> one.x()[i]).toArray(),
                        IntStream.of(drawn).mapToDouble(i -> one.y()[i]).toArray()), index);
            }
        }
    }

    /** The colour and marker of the index-th series given, kept when an earlier series is left out. */
    private static void style(XYSeries series, int index) {
        Color colour = COLOURS[index % COLOURS.length];
        series.setLineColor(colour);
        // XChart would otherwise dash some series by their index in the chart.
        series.setLineStyle(SeriesLines.SOLID);
        series.setMarkerColor(colour);
        series.setMarker(MARKERS[index % MARKERS.length]);
    }

    /** The chart as a PNG file, replacing any file there. */
    private static void write(XYChart chart, Path png) throws IOException {
        Files.write(png, BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG));
    }
}
