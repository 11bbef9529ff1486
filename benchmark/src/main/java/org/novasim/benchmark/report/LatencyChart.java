package org.novasim.benchmark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.novasim.benchmark.load.IterationResult;

/**
 * Latency over time as a PNG (JFreeChart): every iteration's launch-to-ACTIVE and delete latency at the moment its
 * boot request was sent, with a rolling p99 of the launches, on a logarithmic axis so that both the bulk and the
 * tail stay readable. Drift, warm-up and pauses (GC, a stalled broker) show as shapes in time.
 */
public final class LatencyChart {

    private static final int ROLLING = 100;

    private LatencyChart() {}

    public static void write(Path png, String title, String subtitle, List<IterationResult> results)
            throws IOException {
        List<IterationResult> ok = results.stream()
                .filter(IterationResult::ok)
                .sorted(Comparator.comparingDouble(IterationResult::startMs))
                .toList();
        XYSeries launch = new XYSeries("launch → ACTIVE (launched_at)", false, true);
        XYSeries delete = new XYSeries("delete → gone", false, true);
        XYSeries rollingP99 = new XYSeries("launch p99 (rolling " + ROLLING + ")", false, true);
        for (int i = 0; i < ok.size(); i++) {
            IterationResult r = ok.get(i);
            double seconds = r.startMs() / 1000.0;
            launch.add(seconds, Math.max(0.1, r.launchMs()));
            if (!Double.isNaN(r.deleteMs())) {
                delete.add(seconds, Math.max(0.1, r.deleteMs()));
            }
            if (i >= ROLLING - 1 && (i % 10 == 0 || i == ok.size() - 1)) {
                double[] window = ok.subList(i - ROLLING + 1, i + 1).stream()
                        .mapToDouble(IterationResult::launchMs)
                        .toArray();
                rollingP99.add(seconds, Math.max(0.1, Percentiles.of(window).p99()));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(launch);
        data.addSeries(delete);
        data.addSeries(rollingP99);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        Ellipse2D dot = new Ellipse2D.Double(-1.5, -1.5, 3, 3);
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesPaint(0, new Color(31, 119, 180, 140));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, dot);
        renderer.setSeriesPaint(1, new Color(255, 127, 14, 110));
        renderer.setSeriesShapesVisible(2, false);
        renderer.setSeriesPaint(2, new Color(214, 39, 40));
        renderer.setSeriesStroke(2, new BasicStroke(2f));

        NumberAxis time = new NumberAxis("seconds since the first boot request");
        LogarithmicAxis latency = new LogarithmicAxis("latency (ms, log scale)");
        latency.setAllowNegativesFlag(false);
        latency.setStrictValuesFlag(false);
        XYPlot plot = new XYPlot(data, time, latency, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 600);
    }
}
