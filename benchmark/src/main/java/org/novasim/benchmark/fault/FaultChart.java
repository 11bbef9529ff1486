package org.novasim.benchmark.fault;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Launches over time as a PNG: each launch at the moment its create was sent, at the height of how long it took to
 * end (refused creates at 0), coloured by how it ended; the fault's window is shaded.
 */
final class FaultChart {

    private static final Map<Outcome, Color> COLORS = new EnumMap<>(Map.of(
            Outcome.ACTIVE, new Color(31, 119, 180),
            Outcome.ERROR, new Color(214, 39, 40),
            Outcome.REFUSED, new Color(255, 127, 14),
            Outcome.CREATE_FAILED, new Color(148, 103, 189),
            Outcome.STUCK, Color.BLACK));

    private FaultChart() {}

    static void write(Path png, String subtitle, FaultWindow fault, List<LaunchResult> launches) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int series = 0;
        for (Outcome outcome : Outcome.values()) {
            XYSeries points = new XYSeries(outcome.name(), false, true);
            for (LaunchResult launch : launches) {
                if (launch.outcome() == outcome) {
                    points.add(launch.startSeconds(), Double.isNaN(launch.endSeconds()) ? 0 : launch.endSeconds());
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            data.addSeries(points);
            renderer.setSeriesPaint(series, COLORS.get(outcome));
            renderer.setSeriesShape(
                    series,
                    outcome == Outcome.ACTIVE
                            ? new Ellipse2D.Double(-3, -3, 6, 6)
                            : new Rectangle2D.Double(-3.5, -3.5, 7, 7));
            series++;
        }
        XYPlot plot = new XYPlot(
                data,
                new NumberAxis("seconds since the first create"),
                new NumberAxis("seconds from create to ACTIVE or ERROR"),
                renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (!Double.isNaN(fault.startSeconds())) {
            if (!Double.isNaN(fault.endSeconds())) {
                IntervalMarker window = new IntervalMarker(fault.startSeconds(), fault.endSeconds());
                window.setPaint(new Color(255, 200, 200, 120));
                window.setLabel(fault.fault());
                plot.addDomainMarker(window, Layer.BACKGROUND);
            } else {
                ValueMarker at = new ValueMarker(fault.startSeconds());
                at.setPaint(new Color(214, 39, 40));
                at.setLabel(fault.fault());
                plot.addDomainMarker(at);
            }
        }
        JFreeChart chart =
                new JFreeChart("novasim: launches under " + fault.fault(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(subtitle));
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 600);
    }
}
