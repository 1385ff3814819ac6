package dev.groqj.cli;

import dev.groqj.audio.ProgressListener;

import java.io.PrintWriter;

/**
 * An upload progress bar on one terminal line of stderr, redrawn when the percentage changes.
 *
 * <pre>{@code
 * builder.progressListener(new ProgressBar(err, "talk.wav"));
 * // talk.wav [##########----------]  50%  12.5 of 25.0 MB
 * }</pre>
 */
final class ProgressBar implements ProgressListener {
    /** Smaller uploads finish before a bar would be worth drawing. */
    static final long THRESHOLD_BYTES = 4L * 1024 * 1024;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private int shown = -1;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** {@code [#####-----]}, filled to {@code fraction} (0 to 1); the batch progress draws it too. */
    static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
    }

    @Override
    public void onProgress(long bytesSent, long totalBytes) {
        if (totalBytes <= 0) return;
        int percent = (int) Math.min(100, bytesSent * 100 / totalBytes);
        if (percent == shown) return;
        shown = percent;
        err.printf("\r%s %s %3d%%  %.1f of %.1f MB", label, bar(percent / 100.0), percent, bytesSent / 1e6,
                totalBytes / 1e6);
        if (percent == 100) err.println();
        err.flush();
    }
}
