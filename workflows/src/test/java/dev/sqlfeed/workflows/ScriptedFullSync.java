package dev.sqlfeed.workflows;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A full sync activity whose outcomes the test scripts: each call takes the next scripted outcome
 * (a transient or permanent failure) or succeeds with the next run id. A call can be held until the
 * test releases it. Thread-safe: activities run on the worker's threads.
 */
final class ScriptedFullSync implements FullSyncActivities {
  /** How long a test may take to come for a held call, or to release it, on a loaded machine. */
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final Deque<String> outcomes = new ArrayDeque<>();
  private final AtomicInteger calls = new AtomicInteger();
  private long lastEnd;
  private int holdAtCall = -1;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** The next calls fail transiently this many times (retried by Temporal). */
  synchronized ScriptedFullSync failTransiently(int times) {
    for (int i = 0; i < times; i++) {
      outcomes.add("transient");
    }
    return this;
  }

  /** The next call fails with a permanent error (not retried). */
  synchronized ScriptedFullSync failPermanently() {
    outcomes.add("permanent");
    return this;
  }

  /** What the store says of the last successful full sync's end, epoch millis. */
  synchronized ScriptedFullSync lastEnd(long epochMillis) {
    lastEnd = epochMillis;
    return this;
  }

  /** Holds the {@code call}-th call (from 1) until {@link #release()}. */
  synchronized ScriptedFullSync holdAt(int call) {
    holdAtCall = call;
    return this;
  }

  void awaitHeld() throws InterruptedException {
    if (!held.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the held call never came");
    }
  }

  void release() {
    release.countDown();
  }

  int calls() {
    return calls.get();
  }

  @Override
  public FullSyncResult fullSync(String app) {
    int call = calls.incrementAndGet();
    if (call == holdAtCall) {
      held.countDown();
      try {
        if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          // The test never released it: fail the call rather than go on as if it had.
          throw new IllegalStateException("the held call was not released within " + WAIT);
        }
      } catch (InterruptedException e) {
        // The worker is shutting down.
        Thread.currentThread().interrupt();
      }
    }
    String outcome;
    synchronized (this) {
      outcome = outcomes.poll();
    }
    if ("transient".equals(outcome)) {
      throw ApplicationFailure.newFailure("connection reset", FeedFailures.SOURCE_UNAVAILABLE);
    }
    if ("permanent".equals(outcome)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "resource_types.user.list.query: no such table: users", FeedFailures.SOURCE_QUERY_FAILED);
    }
    return new FullSyncResult(app, call, 3, 1, 2, 1, 0, 2, 1, 40);
  }

  @Override
  public synchronized long lastFullSyncEnd(String app) {
    return lastEnd;
  }
}
