package dev.sqlfeed.worker.progress;

import dev.sqlfeed.ports.fullsync.SyncProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar per resource type, with rows and rows per second, for a person at a terminal.
 * The total is unknown while reading, so the bar shows a running count.
 */
public final class TerminalProgress implements SyncProgress {
  private final PrintStream stream;
  private final Map<String, ProgressBar> bars = new HashMap<>();

  public TerminalProgress(PrintStream stream) {
    this.stream = stream;
  }

  @Override
  public void started(String resourceType) {
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(resourceType)
            .setInitialMax(-1)
            .setUnit(" rows", 1)
            .showSpeed()
            .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis((int) Duration.ofMillis(200).toMillis())
            .setConsumer(new ConsoleProgressBarConsumer(stream))
            .continuousUpdate()
            .build();
    bars.put(resourceType, bar);
  }

  @Override
  public void advanced(String resourceType, long rows) {
    ProgressBar bar = bars.get(resourceType);
    if (bar != null) {
      bar.stepBy(rows);
    }
  }

  @Override
  public void finished(String resourceType, long rows) {
    ProgressBar bar = bars.remove(resourceType);
    if (bar != null) {
      bar.maxHint(rows);
      bar.stepTo(rows);
      bar.close();
    }
  }
}
