package dev.sqlfeed.worker.temporal;

import static dev.sqlfeed.worker.temporal.FeedRunnerTest.await;
import static dev.sqlfeed.worker.temporal.FeedRunnerTest.freePort;
import static dev.sqlfeed.worker.temporal.FeedRunnerTest.sources;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The runner's full sync schedule against the embedded server, in real time. */
class FeedRunnerFullSyncTest {
  private final IdleFeed feed = new IdleFeed();
  private final CountingFullSync fullSyncs = new CountingFullSync();
  private final CountDownLatch stop = new CountDownLatch(1);

  private FeedRunner runner(int port, long recyclePages, Optional<Duration> interval) {
    return new FeedRunner(
        new FeedRunner.Options(
            null, "default", "sqlfeed", port, recyclePages, Duration.ofMillis(200)),
        "acme",
        sources(100),
        feed,
        new FeedRunner.FullSyncs(fullSyncs, interval),
        stop);
  }

  @Test
  void schedule_runsFullSyncs_andGoesOnAcrossARecycleOfTheEmbeddedServer() throws Exception {
    FeedRunner runner = runner(freePort(), 6, Optional.of(Duration.ofMillis(500)));
    Thread thread = new Thread(runner::runUntilStopped);
    thread.start();

    // 6 pages and full syncs together, then a new server: the syncs go on in a new run.
    try {
      await(
          () -> fullSyncs.runIds.size() >= 2 && fullSyncs.calls.get() >= 4,
          "full syncs in two workflow runs",
          Duration.ofSeconds(90));
    } finally {
      stop.countDown();
    }
    thread.join(Duration.ofSeconds(20).toMillis());

    assertThat(thread.isAlive()).isFalse();
    assertThat(fullSyncs.lookups.get())
        .as("after a recycle the schedule's state comes from the old server, not the store")
        .isEqualTo(1);
  }

  @Test
  void once_runsNoFullSync() throws IOException {
    runner(freePort(), 1_000, Optional.of(Duration.ofMillis(100))).runOnce().orElseThrow();

    assertThat(fullSyncs.calls.get()).isZero();
    assertThat(feed.scans("user")).isEqualTo(1);
  }

  @Test
  void noInterval_startsNoSchedule() throws Exception {
    FeedRunner runner = runner(freePort(), 1_000_000, Optional.empty());
    Thread thread = new Thread(runner::runUntilStopped);
    thread.start();

    await(() -> feed.scans("user") >= 3, "polls");
    stop.countDown();
    thread.join(Duration.ofSeconds(20).toMillis());

    assertThat(thread.isAlive()).as("the runner stopped within 20 s").isFalse();
    assertThat(fullSyncs.calls.get()).isZero();
    assertThat(fullSyncs.lookups.get()).isZero();
  }
}
