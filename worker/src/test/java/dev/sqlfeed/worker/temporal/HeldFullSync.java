package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.workflows.FullSyncActivities;
import dev.sqlfeed.workflows.FullSyncResult;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real full sync activity, which a scenario may hold before it starts, so that a signal arrives
 * while a sync runs. Holding only delays the call: what the workflow sees, and so its history, is
 * the real activity's.
 */
final class HeldFullSync implements FullSyncActivities {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final FullSyncActivities real;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int holdAt;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  HeldFullSync(FullSyncActivities real) {
    this.real = real;
  }

  /** Holds the {@code n}th full sync (1-based) until {@link #release()}. */
  void holdAt(int n) {
    holdAt = n;
  }

  /** Waits until the held sync has started; fails if it does not within ninety seconds. */
  void awaitHeld() throws InterruptedException {
    if (!held.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the full sync to hold did not start within " + WAIT);
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
    if (calls.incrementAndGet() == holdAt) {
      held.countDown();
      try {
        if (!release.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          // The scenario failed before it released the sync; failing here says so in its log.
          throw new IllegalStateException("the held full sync was not released within " + WAIT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return real.fullSync(app);
  }

  @Override
  public long lastFullSyncEnd(String app) {
    return real.lastFullSyncEnd(app);
  }
}
