package org.verl4j.trainer;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar with ETA on a stream (stderr from the CLI), redrawn with a carriage return:
 * <pre>
 * step  12/30 [=========&gt;          ]  40%  3.1 s/step  ETA 0:56  reward 0.312  pass 0.41
 * </pre>
 * ETA = mean seconds per step so far × steps left.
 */
public final class ProgressBar {

    private static final int WIDTH = 24;
    private final PrintWriter out;
    private final int total;
    private final int first;
    private final long start = System.nanoTime();

    /** A bar for steps {@code first+1 … total} (a resumed run starts at its checkpoint's step). */
    public ProgressBar(PrintWriter out, int first, int total) {
        this.out = out;
        this.first = first;
        this.total = total;
    }

    /** Redraws the bar after step {@code done} with a short {@code note} (the step's headline metrics). */
    public void update(int done, String note) {
        double perStep = (System.nanoTime() - start) / 1e9 / Math.max(1, done - first);
        int filled = total == 0 ? WIDTH : WIDTH * done / total;
        String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 && filled < WIDTH ? ">" : filled == WIDTH ? "=" : "")
                + " ".repeat(WIDTH - filled);
        long eta = Math.round(perStep * (total - done));
        out.print(String.format(Locale.ROOT, "\rstep %3d/%d [%s] %3d%%  %.1f s/step  ETA %d:%02d  %s", done, total, bar,
                total == 0 ? 100 : 100 * done / total, perStep, eta / 60, eta % 60, note));
        if (done == total) out.println();
        out.flush();
    }
}
