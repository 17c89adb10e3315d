package dev.sqlfeed.worker.progress;

import dev.sqlfeed.ports.fullsync.SyncProgress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain log lines for when nobody watches a terminal: one when a resource type starts, one every
 * {@code interval} of nanoseconds while it runs, one when it ends, each with rows and rows per
 * second.
 */
public final class LogProgress implements SyncProgress {
  private static final Logger LOG = LoggerFactory.getLogger("dev.sqlfeed.sync");
  private static final long INTERVAL_NANOS = 10_000_000_000L;

  private final LongSupplier nanoTime;
  private final Consumer<String> lines;
  private final Map<String, long[]> state = new HashMap<>();

  /** Logs at INFO to {@code dev.sqlfeed.sync}. */
  public LogProgress(LongSupplier nanoTime) {
    this(nanoTime, LOG::info);
  }

  LogProgress(LongSupplier nanoTime, Consumer<String> lines) {
    this.nanoTime = nanoTime;
    this.lines = lines;
  }

  @Override
  public void started(String resourceType) {
    long now = nanoTime.getAsLong();
    state.put(resourceType, new long[] {now, now, 0});
    lines.accept(resourceType + ": reading");
  }

  @Override
  public void advanced(String resourceType, long rows) {
    long[] s = state.get(resourceType);
    if (s == null) {
      return;
    }
    s[2] += rows;
    long now = nanoTime.getAsLong();
    if (now - s[1] >= INTERVAL_NANOS) {
      s[1] = now;
      lines.accept(resourceType + ": " + s[2] + " rows (" + rate(s[2], now - s[0]) + " rows/s)");
    }
  }

  @Override
  public void finished(String resourceType, long rows) {
    long[] s = state.remove(resourceType);
    long elapsed = s == null ? 0 : nanoTime.getAsLong() - s[0];
    lines.accept(resourceType + ": done, " + rows + " rows (" + rate(rows, elapsed) + " rows/s)");
  }

  private static long rate(long rows, long nanos) {
    return nanos <= 0 ? rows : Math.round(rows * 1e9 / nanos);
  }
}
