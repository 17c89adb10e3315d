package dev.sqlfeed.worker.retention;

import dev.sqlfeed.domain.config.EventRetention;
import dev.sqlfeed.ports.EventPrune;
import dev.sqlfeed.ports.EventPruner;
import dev.sqlfeed.ports.SyncStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes the app's events by the config's {@code events.retention}: a long-running worker once a
 * minute after it starts and then every {@link #EVERY} on a thread of its own, off the pages' path;
 * {@code run --once} after its cycle. Only the app's events go, never one that a sink of the app
 * has not published (the store's {@link EventPruner} sees to both). Without a retention nothing
 * runs.
 */
public final class RetentionPruning implements AutoCloseable {
  /** Time between two prunes of a running worker. */
  public static final Duration EVERY = Duration.ofHours(1);

  private static final Duration FIRST = Duration.ofMinutes(1);
  private static final Logger LOG = LoggerFactory.getLogger(RetentionPruning.class);

  private final String app;
  private final EventRetention retention;
  private final Optional<EventPruner> pruner;
  private final Clock clock;
  private ScheduledExecutorService timer;

  private RetentionPruning(
      String app, EventRetention retention, Optional<EventPruner> pruner, Clock clock) {
    this.app = app;
    this.retention = retention;
    this.pruner = pruner;
    this.clock = clock;
  }

  /** The pruning of {@code app}'s events in {@code store}; nothing is scheduled yet. */
  public static RetentionPruning of(
      String app, EventRetention retention, SyncStore store, Clock clock) {
    Optional<EventPruner> pruner =
        store instanceof EventPruner p && retention.prunes() ? Optional.of(p) : Optional.empty();
    if (retention.prunes() && pruner.isEmpty()) {
      LOG.warn("events.retention is set, but this store cannot prune its event log");
    }
    return new RetentionPruning(app, retention, pruner, clock);
  }

  /** Prunes a minute from now and then every {@link #EVERY}, until closed. */
  public RetentionPruning schedule() {
    if (pruner.isPresent()) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sqlfeed-retention");
                t.setDaemon(true);
                return t;
              });
      timer.scheduleWithFixedDelay(
          this::pruneQuietly, FIRST.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }
    return this;
  }

  /** Prunes now; returns how many events went (0 without a retention). */
  public long pruneNow() {
    if (pruner.isEmpty()) {
      return 0;
    }
    EventPrune prune =
        new EventPrune(
            retention.maxAge().map(age -> clock.instant().minus(age)),
            retention.maxEvents(),
            Long.MAX_VALUE,
            Optional.of(app));
    long removed = pruner.get().pruneEvents(prune);
    if (removed > 0) {
      LOG.info("events.retention: pruned {} events of {}", removed, app);
    }
    return removed;
  }

  private void pruneQuietly() {
    try {
      pruneNow();
    } catch (RuntimeException e) {
      // The next prune tries again; the log only keeps a little longer meanwhile.
      LOG.warn("events.retention: pruning the events of {} failed: {}", app, e.getMessage());
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
