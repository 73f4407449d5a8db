package org.verl4j.analysis;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.verl4j.io.AtomicFile;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A scatter plot of one {@link Association} as a PNG (JFreeChart, headless): one dot per response, the
 * least-squares line y ≈ α + βx over the data's x range, and "r = …, R² = …, n = …" under the title.
 */
public final class ScatterPlot {

    private static final int WIDTH = 640, HEIGHT = 480;

    private ScatterPlot() {
    }

    /** Writes the plot of (x_i, y_i) to {@code png} atomically. */
    public static void write(Path png, String title, Association a, double[] x, double[] y) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries dots = new XYSeries("responses", false, true);
        for (int i = 0; i < x.length; i++) dots.add(x[i], y[i]);
        XYSeries line = new XYSeries("least squares", true, true);
        double[] fit = fit(x, y);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        line.add(lo, fit[0] + fit[1] * lo);
        line.add(hi, fit[0] + fit[1] * hi);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(dots);
        data.addSeries(line);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(0, new Color(31, 119, 180, 150));
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, new Color(214, 39, 40));
        NumberAxis xAxis = new NumberAxis(a.x()), yAxis = new NumberAxis(a.y());
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "r = %.3f, R² = %.3f, Spearman ρ = %.3f, n = %d",
                a.pearson(), a.rSquared(), a.spearman(), a.n())));
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    /** {α, β} of the least-squares line y ≈ α + βx: β = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)², α = ȳ − βx̄. */
    static double[] fit(double[] x, double[] y) {
        double xBar = 0, yBar = 0;
        for (int i = 0; i < x.length; i++) {
            xBar += x[i] / x.length;
            yBar += y[i] / y.length;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - xBar) * (y[i] - yBar);
            sxx += (x[i] - xBar) * (x[i] - xBar);
        }
        double beta = sxy / sxx;                                    // β
        return new double[]{yBar - beta * xBar, beta};              // α, β
    }
}
