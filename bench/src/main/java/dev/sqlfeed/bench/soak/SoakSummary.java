package dev.sqlfeed.bench.soak;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * First, last and largest of a soak's samples, for heap and RSS.
 *
 * @param samples in the order taken; at least one
 */
record SoakSummary(List<MemorySample> samples) {
  SoakSummary {
    samples = List.copyOf(samples);
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("a soak summary needs at least one sample");
    }
  }

  MemorySample first() {
    return samples.get(0);
  }

  MemorySample last() {
    return samples.get(samples.size() - 1);
  }

  long maxHeap() {
    return max(MemorySample::heapBytes);
  }

  long maxRss() {
    return max(MemorySample::rssBytes);
  }

  /** Heap after GC at the last sample minus at the first; negative if it shrank. */
  long heapGrowth() {
    return last().heapBytes() - first().heapBytes();
  }

  long rssGrowth() {
    return last().rssBytes() - first().rssBytes();
  }

  /** The samples as a table, then first/last/max. */
  String table(String title) {
    StringBuilder out = new StringBuilder(title).append('\n');
    out.append(
        String.format(
            Locale.ROOT, "%10s %10s %10s %9s%n", "cycles", "heap MB", "RSS MB", "seconds"));
    for (MemorySample s : samples) {
      out.append(
          String.format(
              Locale.ROOT,
              "%10d %10.1f %10.1f %9d%n",
              s.cycles(),
              mb(s.heapBytes()),
              mb(s.rssBytes()),
              s.seconds()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "heap MB first %.1f last %.1f max %.1f growth %+.1f; RSS MB first %.1f last %.1f max"
                + " %.1f growth %+.1f%n",
            mb(first().heapBytes()),
            mb(last().heapBytes()),
            mb(maxHeap()),
            mb(heapGrowth()),
            mb(first().rssBytes()),
            mb(last().rssBytes()),
            mb(maxRss()),
            mb(rssGrowth())));
    return out.toString();
  }

  /**
   * This soak's growth over the baseline's, e.g. 0.1 when it grew a tenth as much; NaN when the
   * baseline did not grow, since then no ratio says anything.
   */
  static double growthRatio(long growth, long baselineGrowth) {
    return baselineGrowth <= 0 ? Double.NaN : (double) growth / baselineGrowth;
  }

  static double mb(long bytes) {
    return bytes / 1e6;
  }

  private long max(ToLongFunction<MemorySample> part) {
    return samples.stream().mapToLong(part).max().orElseThrow();
  }
}
