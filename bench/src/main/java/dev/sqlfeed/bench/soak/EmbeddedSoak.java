package dev.sqlfeed.bench.soak;

import dev.sqlfeed.bench.IdleWorker;
import dev.sqlfeed.worker.temporal.FeedRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded mode's memory over many idle cycles: {@code sqlfeed run}'s {@link FeedRunner} with
 * its in-process Temporal server, over sources that never change, sampling heap after GC and RSS.
 * One variant per JVM, so that RSS belongs to that variant alone; {@code bench/soak.sh} runs both
 * and {@link SoakCompare} sets them side by side.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.sqlfeed.bench.soak.EmbeddedSoak \
 *     --recycle never|PAGES --cycles 10000 --every 1000 [--out FILE.csv] [--histogram 25]
 * </pre>
 */
public final class EmbeddedSoak {
  private static final Duration PATIENCE = Duration.ofHours(2);

  private EmbeddedSoak() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = IdleWorker.options(args);
    String recycle = options.getOrDefault("recycle", "5000");
    long recyclePages = recycle.equals("never") ? Long.MAX_VALUE : Long.parseLong(recycle);
    long cycles = Long.parseLong(options.getOrDefault("cycles", "10000"));
    long every = Long.parseLong(options.getOrDefault("every", String.valueOf(cycles / 10)));
    int sourceCount = Integer.parseInt(options.getOrDefault("sources", "4"));
    long pollMillis = Long.parseLong(options.getOrDefault("poll-ms", "10"));

    int histogramLines = Integer.parseInt(options.getOrDefault("histogram", "0"));
    StringBuilder histogram = new StringBuilder();
    List<MemorySample> samples =
        run(recyclePages, cycles, every, sourceCount, pollMillis, histogramLines, histogram);
    SoakSummary summary = new SoakSummary(samples);
    System.out.print(
        summary.table(
            "embedded soak, recycle="
                + recycle
                + ", "
                + sourceCount
                + " sources, poll "
                + pollMillis
                + " ms, max heap "
                + Runtime.getRuntime().maxMemory() / 1_000_000
                + " MB"));
    if (options.containsKey("out")) {
      try (PrintWriter out =
          new PrintWriter(Files.newBufferedWriter(Path.of(options.get("out"))))) {
        samples.forEach(s -> out.println(s.csv()));
      }
    }
    System.out.print(histogram);
  }

  /**
   * Runs the soak.
   *
   * @param histogram receives the first {@code histogramLines} lines of the class histogram, taken
   *     after the last sample while the server still runs (afterwards it would show only what
   *     outlives the server)
   */
  private static List<MemorySample> run(
      long recyclePages,
      long cycles,
      long every,
      int sourceCount,
      long pollMillis,
      int histogramLines,
      StringBuilder histogram)
      throws Exception {
    IdleActivities activities = new IdleActivities();
    long started = System.nanoTime();
    IdleWorker worker =
        IdleWorker.start(
            "soak", sourceCount, pollMillis, activities, recyclePages, Duration.ofSeconds(2));
    List<MemorySample> samples = new ArrayList<>();
    try {
      // The first sample once every source has polled: the server, worker and classes are loaded.
      for (long target = sourceCount; target <= cycles; target = next(target, every, sourceCount)) {
        awaitPages(activities, target, worker);
        long heap = ProcessMemory.heapAfterGc();
        MemorySample sample =
            new MemorySample(
                activities.pages(),
                heap,
                ProcessMemory.rss(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        samples.add(sample);
        System.err.println("sample " + sample.csv());
      }
      if (histogramLines > 0) {
        histogram.append(ProcessMemory.histogram(histogramLines));
      }
    } finally {
      worker.close();
    }
    return samples;
  }

  private static long next(long target, long every, int sourceCount) {
    return target == sourceCount ? every : target + every;
  }

  private static void awaitPages(IdleActivities activities, long target, IdleWorker runner)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (activities.pages() < target) {
      if (!runner.isAlive()) {
        throw new IllegalStateException(
            "the runner stopped after " + activities.pages() + " pages");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no " + target + " pages within " + PATIENCE);
      }
      Thread.sleep(50);
    }
  }
}
