package io.assay.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise
 * (so CI logs stay short).
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean interactive;
    private int lastTenth = -1;

    Progress(PrintWriter err, String label, long total, boolean interactive) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.interactive = interactive;
    }

    public void update(long done, String detail) {
        int filled = (int) (WIDTH * done / total);
        String line = String.format("%s [%s%s] %d/%d %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, detail);
        if (interactive) {
            err.print("\r" + line + "\u001b[K");
            if (done >= total) {
                err.println();
            }
        } else {
            int tenth = (int) (10 * done / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println(line);
            }
        }
        err.flush();
    }
}
