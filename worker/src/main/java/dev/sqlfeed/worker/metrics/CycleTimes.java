package dev.sqlfeed.worker.metrics;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When each source's running cycle opened, by the worker's monotonic clock: a cycle lasts from the
 * start of the page call that opened it to the end of the call that exhausted its window. A call
 * that opens a cycle and fails leaves the cycle unopened; its retry opens it anew. A cycle that a
 * worker took over half-way (another worker, or this one before a restart, opened it) is not timed.
 */
final class CycleTimes {
  private final LongSupplier nanoTime;
  private final Map<String, Long> openedAt = new ConcurrentHashMap<>();

  CycleTimes(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Now, by the clock the durations are measured with. */
  long now() {
    return nanoTime.getAsLong();
  }

  /** A call that opened a cycle of {@code source} started at {@code startedAt}. */
  void opened(String source, long startedAt) {
    openedAt.put(source, startedAt);
  }

  /** The cycle ended now: its duration in nanoseconds, if it was timed from its opening. */
  OptionalLong ended(String source) {
    Long start = openedAt.remove(source);
    return start == null ? OptionalLong.empty() : OptionalLong.of(nanoTime.getAsLong() - start);
  }
}
