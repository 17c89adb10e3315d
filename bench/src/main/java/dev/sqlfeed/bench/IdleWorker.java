package dev.sqlfeed.bench;

import dev.sqlfeed.worker.temporal.FeedRunner;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.SourceSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sqlfeed run}'s {@link FeedRunner}, with its in-process Temporal server on a free port,
 * over sources {@code s0}, {@code s1} ... that the benchmark's own activities serve without a
 * database: what {@code ManyIdleSources} and {@code EmbeddedSoak} each start and measure. Closing
 * it stops the runner and waits for it for up to 30 seconds.
 */
public final class IdleWorker implements AutoCloseable {
  private final CountDownLatch stop;
  private final Thread thread;

  private IdleWorker(CountDownLatch stop, Thread thread) {
    this.stop = stop;
    this.thread = thread;
  }

  /**
   * Starts the runner on a thread of its own, named after the app.
   *
   * @param pollMillis every source's poll interval
   * @param recyclePages as {@code sqlfeed run}'s recycle of the embedded server
   * @param checkEvery how often the runner looks at the page count for a recycle
   */
  public static IdleWorker start(
      String app,
      int sourceCount,
      long pollMillis,
      FeedActivities activities,
      long recyclePages,
      Duration checkEvery)
      throws IOException {
    List<SourcePacing> sources = new ArrayList<>();
    for (int i = 0; i < sourceCount; i++) {
      sources.add(new SourcePacing("s" + i, SourceSettings.of(pollMillis, 100)));
    }
    CountDownLatch stop = new CountDownLatch(1);
    FeedRunner runner =
        new FeedRunner(
            new FeedRunner.Options(
                null, "default", "sqlfeed", freePort(), recyclePages, checkEvery),
            app,
            sources,
            activities,
            stop);
    Thread thread = new Thread(runner::runUntilStopped, app + "-runner");
    thread.start();
    return new IdleWorker(stop, thread);
  }

  /** Whether the runner still runs: it stops early only when it failed. */
  public boolean isAlive() {
    return thread.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    stop.countDown();
    thread.join(30_000);
  }

  /** The {@code --name value} pairs of the command line of a program that runs an idle worker. */
  public static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
