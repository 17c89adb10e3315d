package dev.sqlfeed.bench.idle;

import com.sun.management.OperatingSystemMXBean;
import dev.sqlfeed.bench.IdleWorker;
import dev.sqlfeed.worker.temporal.FeedRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What many idle sources cost one embedded worker: {@code sqlfeed run}'s {@link FeedRunner} with
 * its in-process Temporal server over sources that never change (one empty page per cycle). After
 * every source has polled once and a warm-up, it measures for a while and prints the process's CPU
 * as a share of one core (on average and in its busiest second), its threads, and how the polls
 * spread over the poll interval ({@link PollSpread}). Run it once per source count, each in its own
 * JVM, and compare the lines.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.sqlfeed.bench.idle.ManyIdleSources \
 *     --sources 200 [--poll-ms 30000] [--warmup-s 40] [--measure-s 120] [--recycle-pages N]
 * </pre>
 */
public final class ManyIdleSources {
  private static final Duration STARTUP_PATIENCE = Duration.ofMinutes(10);

  private ManyIdleSources() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = IdleWorker.options(args);
    int sources = Integer.parseInt(options.getOrDefault("sources", "200"));
    long pollMillis = Long.parseLong(options.getOrDefault("poll-ms", "30000"));
    Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-s", "40")));
    Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("measure-s", "120")));
    long recyclePages =
        Long.parseLong(options.getOrDefault("recycle-pages", Long.toString(Long.MAX_VALUE)));
    System.out.println(run(sources, pollMillis, warmup, measure, recyclePages).line());
  }

  /** One measurement's figures. */
  record Figures(
      int sources,
      long pollMillis,
      long measuredMillis,
      double cpuShare,
      double busiestSecondCpuShare,
      int threadsAtEnd,
      int peakThreads,
      PollSpread spread) {
    String line() {
      return String.format(
          Locale.ROOT,
          "sources=%d poll=%dms measured=%ds cpu=%.1f%% of one core, busiest second %.0f%%;"
              + " threads=%d (peak %d); polls=%d, busiest 1s slot of %d holds %d (%.1f%%),"
              + " %d slots used",
          sources,
          pollMillis,
          measuredMillis / 1000,
          cpuShare * 100,
          busiestSecondCpuShare * 100,
          threadsAtEnd,
          peakThreads,
          spread.polls(),
          spread.slots(),
          spread.busiestSlot(),
          spread.busiestShare() * 100,
          spread.slotsUsed());
    }
  }

  static Figures run(int sourceCount, long pollMillis, Duration warmup, Duration measure)
      throws Exception {
    return run(sourceCount, pollMillis, warmup, measure, Long.MAX_VALUE);
  }

  /**
   * @param recyclePages as {@code sqlfeed run}'s recycle of the embedded server; {@code
   *     Long.MAX_VALUE} for none while measuring
   */
  static Figures run(
      int sourceCount, long pollMillis, Duration warmup, Duration measure, long recyclePages)
      throws Exception {
    PollLog log = new PollLog();
    // As sqlfeed run: the runner looks at the page count every 30 s.
    try (IdleWorker worker =
        IdleWorker.start(
            "idle", sourceCount, pollMillis, log, recyclePages, Duration.ofSeconds(30))) {
      awaitFirstPolls(log, sourceCount, worker);
      Thread.sleep(warmup.toMillis());
      return measure(log, sourceCount, pollMillis, measure);
    }
  }

  private static Figures measure(PollLog log, int sourceCount, long pollMillis, Duration measure)
      throws InterruptedException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long fromMillis = System.currentTimeMillis();
    long startNanos = System.nanoTime();
    long startCpu = os.getProcessCpuTime();
    long lastNanos = startNanos;
    long lastCpu = startCpu;
    double busiestSecond = 0;
    int peakThreads = threads.getThreadCount();
    while (System.nanoTime() - startNanos < measure.toNanos()) {
      Thread.sleep(1000);
      long nanos = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      busiestSecond = Math.max(busiestSecond, (double) (cpu - lastCpu) / (nanos - lastNanos));
      lastNanos = nanos;
      lastCpu = cpu;
      peakThreads = Math.max(peakThreads, threads.getThreadCount());
    }
    long elapsed = lastNanos - startNanos;
    return new Figures(
        sourceCount,
        pollMillis,
        elapsed / 1_000_000,
        (double) (lastCpu - startCpu) / elapsed,
        busiestSecond,
        threads.getThreadCount(),
        peakThreads,
        PollSpread.of(log.pollsSince(fromMillis), pollMillis));
  }

  private static void awaitFirstPolls(PollLog log, int sourceCount, IdleWorker runner)
      throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP_PATIENCE.toNanos();
    while (log.sourcesPolled() < sourceCount) {
      if (!runner.isAlive()) {
        throw new IllegalStateException("the runner stopped after " + log.sourcesPolled());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + log.sourcesPolled() + " of " + sourceCount + " sources polled");
      }
      Thread.sleep(100);
    }
  }
}
