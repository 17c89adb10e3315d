package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.workflows.SourceSettings;
import dev.sqlfeed.workflows.SourceState;
import dev.sqlfeed.workflows.SourceStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The runner against the embedded server, in real time, with activities that find nothing new. */
class FeedRunnerTest {
  private final IdleFeed feed = new IdleFeed();
  private final CountDownLatch stop = new CountDownLatch(1);

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static List<SourcePacing> sources(long pollMillis) {
    return List.of(
        new SourcePacing("user", SourceSettings.of(pollMillis, 100)),
        new SourcePacing("team.grants.0.changes", SourceSettings.of(pollMillis, 100)));
  }

  private FeedRunner runner(int port, long recyclePages, long pollMillis) {
    return new FeedRunner(
        new FeedRunner.Options(
            null, "default", "sqlfeed", port, recyclePages, Duration.ofMillis(200)),
        "acme",
        sources(pollMillis),
        feed,
        stop);
  }

  /** A worker of the same sources on the server at {@code port}, as {@code --temporal} makes. */
  private FeedRunner attachedTo(int port, CountDownLatch until) {
    return new FeedRunner(
        new FeedRunner.Options(
            "127.0.0.1:" + port, "default", "sqlfeed", 0, 0, Duration.ofMillis(200)),
        "acme",
        sources(60_000),
        feed,
        until);
  }

  private static Thread polling(FeedRunner runner) {
    Thread thread = new Thread(runner::runUntilStopped);
    thread.start();
    return thread;
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    // Generous: the machine may be loaded with other builds.
    await(condition, what, Duration.ofSeconds(90));
  }

  static void await(BooleanSupplier condition, String what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void once_runsOneCycleOfEverySource_andReportsFailures() throws IOException {
    feed.failing.add("team.grants.0.changes");

    Map<String, SourceState> states = runner(freePort(), 1_000, 60_000).runOnce().orElseThrow();

    assertThat(states).containsOnlyKeys("user", "team.grants.0.changes");
    assertThat(states.get("user").cycle().committedCursor()).isEqualTo(IdleFeed.CURSOR);
    assertThat(states.get("user").cycle().cycles()).isEqualTo(1);
    SourceState failed = states.get("team.grants.0.changes");
    assertThat(failed.cycle().consecutiveFailures()).isEqualTo(1);
    assertThat(failed.lastFailure().message()).contains("row id=7");
    assertThat(feed.scans("user")).isEqualTo(1);
  }

  @Test
  void untilStopped_pollsEverySource_andStopsWhenAsked() throws Exception {
    Thread thread = polling(runner(freePort(), 1_000_000, 100));

    await(() -> feed.scans("user") >= 3 && feed.scans("team.grants.0.changes") >= 3, "polls");
    long stopAsked = System.nanoTime();
    stop.countDown();
    thread.join(Duration.ofSeconds(20).toMillis());

    assertThat(thread.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - stopAsked)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void onTheEmbeddedServer_workflowsContinueAsNewEveryFewCycles() throws Exception {
    int port = freePort();
    Thread thread = polling(runner(port, 1_000_000, 100));
    try {
      await(() -> feed.scans("user") >= 2 * FeedRunner.EMBEDDED_CYCLES_PER_RUN + 1, "polls");
      try (TemporalConnection c = TemporalConnection.connect("127.0.0.1:" + port, "default")) {
        var status = new SourceStarter(c.client(), "sqlfeed", "acme").stub("user").state();
        assertThat(status.settings().cyclesPerRun())
            .isEqualTo(FeedRunner.EMBEDDED_CYCLES_PER_RUN)
            .isLessThan(SourceSettings.DEFAULT_CYCLES_PER_RUN);
        assertThat(status.state().runs()).isGreaterThanOrEqualTo(3);
      }
    } finally {
      stop.countDown();
      thread.join(Duration.ofSeconds(20).toMillis());
    }
  }

  @Test
  void embeddedServer_isRecycled_andTheWorkflowsCarryTheirStateOver() throws Exception {
    Thread thread = polling(runner(freePort(), 6, 100));

    // 6 pages of both sources together, then a new server: the scans go on past that.
    await(() -> feed.scans("user") + feed.scans("team.grants.0.changes") >= 20, "many polls");
    stop.countDown();
    thread.join(Duration.ofSeconds(20).toMillis());

    assertThat(thread.isAlive()).isFalse();
    assertThat(feed.checkpointReads())
        .as("after a recycle, the state comes from the old server, not the checkpoints")
        .isEqualTo(2);
  }

  @Test
  void once_againstARunningWorker_attachesAndWaitsForTheNextCycle() throws Exception {
    int port = freePort();
    Thread thread = polling(runner(port, 1_000_000, 60_000));
    await(() -> feed.scans("user") == 1 && feed.scans("team.grants.0.changes") == 1, "a cycle");

    CountDownLatch neverStop = new CountDownLatch(1);
    Map<String, SourceState> states = attachedTo(port, neverStop).runOnce().orElseThrow();
    // The polling worker goes on alone once the other worker has left.
    try (TemporalConnection c = TemporalConnection.connect("127.0.0.1:" + port, "default")) {
      new SourceStarter(c.client(), "sqlfeed", "acme").stub("user").pollNow();
    }
    await(() -> feed.scans("user") >= 3, "a poll handled by the remaining worker");
    stop.countDown();
    thread.join(Duration.ofSeconds(20).toMillis());

    assertThat(states.get("user").cycle().cycles()).isEqualTo(2);
    assertThat(states.get("team.grants.0.changes").cycle().cycles()).isEqualTo(2);
    assertThat(thread.isAlive()).isFalse();
  }

  @Test
  void aWorkerAttachingToTheEmbeddedServer_leavesItsCyclesPerRun() throws Exception {
    int port = freePort();
    Thread embedded = polling(runner(port, 1_000_000, 60_000));
    CountDownLatch stopAttached = new CountDownLatch(1);
    FeedRunner attaching = attachedTo(port, stopAttached);
    Thread attached = null;
    try {
      await(() -> feed.scans("user") == 1, "a cycle");
      attached = polling(attaching);
      await(() -> attaching.pollingClient().isPresent(), "the second worker attached");
      try (TemporalConnection c = TemporalConnection.connect("127.0.0.1:" + port, "default")) {
        SourceStatus status = new SourceStarter(c.client(), "sqlfeed", "acme").stub("user").state();
        assertThat(status.settings().cyclesPerRun()).isEqualTo(FeedRunner.EMBEDDED_CYCLES_PER_RUN);
      }
    } finally {
      stopAttached.countDown();
      stop.countDown();
      if (attached != null) {
        attached.join(Duration.ofSeconds(20).toMillis());
      }
      embedded.join(Duration.ofSeconds(20).toMillis());
    }
  }

  @Test
  void loopbackAddresses_areRecognised() {
    assertThat(FeedRunner.loopback("127.0.0.1:7233")).isTrue();
    assertThat(FeedRunner.loopback("localhost:7233")).isTrue();
    assertThat(FeedRunner.loopback("[::1]:7233")).isTrue();
    assertThat(FeedRunner.loopback("temporal.internal:7233")).isFalse();
  }
}
