package org.trafficsafety.tools.analyze;

import java.io.PrintStream;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a long read: a progress bar with messages/s on a terminal, a plain line every 10 s otherwise. */
final class Progress implements AutoCloseable {

    private final String task;
    private final PrintStream err;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private long lastLine = started;

    Progress(String task, PrintStream err, boolean terminal) {
        this.task = task;
        this.err = err;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" msg", 1).showSpeed().build() : null;
    }

    void update(long messages) {
        if (bar != null) {
            bar.stepTo(messages);
            return;
        }
        long now = System.nanoTime();
        if (now - lastLine >= 10_000_000_000L) {
            lastLine = now;
            err.printf("%s: %,d messages, %,.0f messages/s%n", task, messages, messages / ((now - started) / 1e9));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
