package dev.groqj.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws groqj's advantage per scenario as a PNG with plain Java2D: two bars a row (vs openai-java, vs the raw
 * floor) on a log scale centred on 1×, right of centre meaning groqj is better.
 *
 * <pre>{@code
 * Chart.write(scenarios, Path.of("benchmarks.png"), "groqj-bench, 2 cores, JDK 17");
 * }</pre>
 */
final class Chart {
    private static final double MIN = 1.0 / 8, MAX = 64;
    private static final int LABEL = 230, PLOT = 640, ROW = 34, TOP = 84, RIGHT = 90;
    private static final Color VS_OPENAI = new Color(0x3b6fb6), VS_RAW = new Color(0xe08a2c);

    private Chart() {
    }

    static void write(List<Scenario> scenarios, Path file, String subtitle) throws IOException {
        int width = LABEL + PLOT + RIGHT, height = TOP + ROW * scenarios.size() + 40;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString("groqj advantage per scenario (× , log scale; right of 1× = groqj better)", 12, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(subtitle, 12, 40);
            legend(g, 12, 62);
            axis(g, height);
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                int y = TOP + i * ROW;
                g.setColor(Color.BLACK);
                g.drawString(s.name, 12, y + 20);
                bar(g, s.ratio("openai-java"), y + 6, VS_OPENAI);
                bar(g, s.ratio("raw"), y + 18, VS_RAW);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void legend(Graphics2D g, int x, int y) {
        g.setColor(VS_OPENAI);
        g.fillRect(x, y - 10, 12, 10);
        g.setColor(Color.BLACK);
        g.drawString("vs openai-java", x + 16, y);
        g.setColor(VS_RAW);
        g.fillRect(x + 130, y - 10, 12, 10);
        g.setColor(Color.BLACK);
        g.drawString("vs raw floor", x + 146, y);
    }

    private static void axis(Graphics2D g, int height) {
        for (double t = MIN; t <= MAX; t *= 2) {
            int x = x(t);
            g.setColor(t == 1 ? Color.DARK_GRAY : new Color(0xdddddd));
            g.setStroke(new BasicStroke(t == 1 ? 2f : 1f));
            g.drawLine(x, TOP - 6, x, height - 30);
            g.setColor(Color.DARK_GRAY);
            String label = t < 1 ? "1/" + Math.round(1 / t) : Math.round(t) + "×";
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, height - 14);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void bar(Graphics2D g, Double ratio, int y, Color color) {
        if (ratio == null) return;
        int x1 = x(1), x2 = x(Math.max(MIN, Math.min(MAX, ratio)));
        g.setColor(color);
        g.fillRect(Math.min(x1, x2), y, Math.max(2, Math.abs(x2 - x1)), 10);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.drawString(Scenario.formatRatio(ratio), Math.max(x1, x2) + 4, y + 9);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    }

    private static int x(double ratio) {
        double f = (Math.log(ratio) - Math.log(MIN)) / (Math.log(MAX) - Math.log(MIN));
        return LABEL + (int) Math.round(f * PLOT);
    }
}
