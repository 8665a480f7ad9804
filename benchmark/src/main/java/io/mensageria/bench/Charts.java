package io.mensageria.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Line charts as PNG, drawn with Java 2D (no charting library): a linear x axis and a logarithmic y axis. */
final class Charts {

    record Series(String label, List<double[]> points) {}

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0x17becf)
    };

    private Charts() {}

    static void write(Path file, String title, String xLabel, String yLabel, List<Series> series) throws IOException {
        List<double[]> all = new ArrayList<>();
        series.forEach(s -> s.points().stream()
                .filter(p -> p[1] > 0 && Double.isFinite(p[1]))
                .forEach(all::add));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double xMax = all.stream().mapToDouble(p -> p[0]).max().orElse(1) * 1.05;
        double yMin = Math.pow(
                10,
                Math.floor(Math.log10(all.stream().mapToDouble(p -> p[1]).min().orElse(1))));
        double yMax = Math.pow(
                10,
                Math.ceil(Math.log10(all.stream().mapToDouble(p -> p[1]).max().orElse(10))));
        if (yMax <= yMin) {
            yMax = yMin * 10;
        }
        Axes axes = new Axes(xMax, Math.log10(yMin), Math.log10(yMax));
        drawAxes(g, axes, xLabel, yLabel);
        int index = 0;
        for (Series line : series) {
            Color color = COLORS[index % COLORS.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            int[] previous = null;
            for (double[] point : line.points()) {
                if (!(point[1] > 0) || !Double.isFinite(point[1])) {
                    continue;
                }
                int[] at = {axes.x(point[0]), axes.y(point[1])};
                g.fillOval(at[0] - 3, at[1] - 3, 7, 7);
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], at[0], at[1]);
                }
                previous = at;
            }
            int legendY = TOP + 20 + index * 20;
            g.fillRect(WIDTH - RIGHT + 20, legendY - 9, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(line.label(), WIDTH - RIGHT + 40, legendY);
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private record Axes(double xMax, double logYMin, double logYMax) {
        int x(double value) {
            return LEFT + (int) Math.round(value / xMax * (WIDTH - LEFT - RIGHT));
        }

        int y(double value) {
            double fraction = (Math.log10(value) - logYMin) / (logYMax - logYMin);
            return HEIGHT - BOTTOM - (int) Math.round(fraction * (HEIGHT - TOP - BOTTOM));
        }
    }

    private static void drawAxes(Graphics2D g, Axes axes, String xLabel, String yLabel) {
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
        for (int tick = 0; tick <= 5; tick++) {
            double value = axes.xMax() / 1.05 * tick / 5;
            int x = axes.x(value);
            g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 5);
            g.drawString(format(value), x - 12, HEIGHT - BOTTOM + 20);
        }
        for (double decade = axes.logYMin(); decade <= axes.logYMax() + 1e-9; decade++) {
            double value = Math.pow(10, decade);
            int y = axes.y(value);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT + 1, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            g.drawString(format(value), 10, y + 4);
        }
        g.drawString(xLabel, (WIDTH - RIGHT) / 2, HEIGHT - 15);
        g.drawString(yLabel, 10, TOP - 10);
    }

    private static String format(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format("%.0f", value) : String.format("%.2g", value);
    }

    /** The percentiles a latency distribution chart shows, as x positions (the number of nines). */
    static final Map<Double, Double> PERCENTILES = Map.of(50.0, 0.3, 90.0, 1.0, 99.0, 2.0, 99.9, 3.0, 99.99, 4.0);

    /** HTTP p50 and p99, and end-to-end p99 where there is one, against the offered rate. */
    static List<Series> throughputLatency(Ladder.Result ladder) {
        List<double[]> p50 = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        List<double[]> e2e = new ArrayList<>();
        for (Ladder.StepReport step : ladder.steps()) {
            p50.add(new double[] {step.http().offered(), step.http().percentileMillis(50)});
            p99.add(new double[] {step.http().offered(), step.http().percentileMillis(99)});
            if (step.endToEnd() != null) {
                e2e.add(new double[] {step.http().offered(), step.endToEnd().p99Millis()});
            }
        }
        List<Series> series = new ArrayList<>(List.of(new Series("HTTP p50", p50), new Series("HTTP p99", p99)));
        if (!e2e.isEmpty()) {
            series.add(new Series("end-to-end p99", e2e));
        }
        return series;
    }

    /** One line per step: HTTP latency at p50, p90, p99, p99.9 and p99.99. */
    static List<Series> distribution(Ladder.Result ladder) {
        List<Series> series = new ArrayList<>();
        for (Ladder.StepReport step : ladder.steps()) {
            List<double[]> points = new ArrayList<>();
            PERCENTILES.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(percentile -> points.add(
                            new double[] {percentile.getValue(), step.http().percentileMillis(percentile.getKey())}));
            series.add(new Series(String.format("%.0f/s", step.http().offered()), points));
        }
        return series;
    }
}
