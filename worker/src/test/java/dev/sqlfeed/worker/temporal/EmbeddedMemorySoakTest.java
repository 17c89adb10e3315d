package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.workflows.SourceSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How the embedded mode's memory behaves over many idle cycles, recycling the server after {@code
 * sqlfeed.soak.recycle} pages ({@code never} for the baseline; default 5000). Takes minutes, so it
 * runs only when asked:
 *
 * <pre>
 * ./mvnw -B -o verify -pl worker -Dsqlfeed.soak=true -Dsqlfeed.soak.cycles=10000 \
 *     -Dsqlfeed.soak.recycle=never -Dtest=EmbeddedMemorySoakTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints the heap after a full GC and the process's RSS every tenth of the run. One variant per
 * JVM: RSS is the process's, so two variants in one JVM cannot be told apart. The README's figures
 * come from {@code bench/soak.sh}, which runs both variants in separate JVMs outside Surefire.
 */
@EnabledIfSystemProperty(named = "sqlfeed.soak", matches = "true")
class EmbeddedMemorySoakTest {
  private static final int SOURCES = 4;

  @Test
  void heapAndRss_overManyIdleCycles() throws Exception {
    String recycle =
        System.getProperty(
            "sqlfeed.soak.recycle", String.valueOf(FeedRunner.Options.DEFAULT_RECYCLE_PAGES));
    long recyclePages = recycle.equals("never") ? Long.MAX_VALUE : Long.parseLong(recycle);
    long cycles = Long.getLong("sqlfeed.soak.cycles", 10_000);
    IdleFeed feed = new IdleFeed();
    List<SourcePacing> sources = new ArrayList<>();
    for (int i = 0; i < SOURCES; i++) {
      sources.add(new SourcePacing("s" + i, SourceSettings.of(10, 100)));
    }
    CountDownLatch stop = new CountDownLatch(1);
    FeedRunner runner =
        new FeedRunner(
            new FeedRunner.Options(
                null,
                "default",
                "sqlfeed",
                FeedRunnerTest.freePort(),
                recyclePages,
                Duration.ofSeconds(2)),
            "soak",
            sources,
            feed,
            stop);
    Thread thread = new Thread(runner::runUntilStopped);
    long started = System.nanoTime();
    thread.start();
    List<Long> heaps = new ArrayList<>();
    for (long next = cycles / 10; next <= cycles; next += cycles / 10) {
      long target = next;
      FeedRunnerTest.await(() -> total(feed) >= target, target + " cycles", Duration.ofHours(1));
      long heap = heapAfterGc();
      heaps.add(heap);
      System.out.printf(
          "soak recycle=%s cycles=%d heap=%.1fMB rss=%.1fMB elapsed=%ds%n",
          recyclePages == Long.MAX_VALUE ? "never" : recyclePages,
          total(feed),
          heap / 1e6,
          rss() / 1e6,
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
    stop.countDown();
    thread.join(30_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(heaps).isNotEmpty();
  }

  private static long total(IdleFeed feed) {
    long sum = 0;
    for (int i = 0; i < SOURCES; i++) {
      sum += feed.scans("s" + i);
    }
    return sum;
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long rss() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }
}
