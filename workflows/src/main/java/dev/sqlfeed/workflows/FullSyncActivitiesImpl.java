package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.SqlfeedException;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.fullsync.FullSync;
import dev.sqlfeed.ports.fullsync.SyncProgress;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Clock;

/**
 * The full sync activity over the ports: runs the full sync use case with the worker's config and
 * turns the recorded run into a {@link FullSyncResult}. The use case records a failed run in {@code
 * sync_runs} before it throws; this class only classifies the failure ({@link FeedFailures}).
 */
public final class FullSyncActivitiesImpl implements FullSyncActivities {
  /** Rows between two heartbeats; the SDK throttles what it sends to the server anyway. */
  private static final long HEARTBEAT_ROWS = 1000;

  private final Config config;
  private final SourceReader source;
  private final SyncStore store;
  private final Clock clock;

  public FullSyncActivitiesImpl(Config config, SourceReader source, SyncStore store, Clock clock) {
    this.config = config;
    this.source = source;
    this.store = store;
    this.clock = clock;
  }

  @Override
  public FullSyncResult fullSync(String app) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    return run(app, new Heartbeats(context));
  }

  /** One full sync, telling {@code progress} how it goes. */
  FullSyncResult run(String app, SyncProgress progress) {
    try {
      checkApp(app);
      SyncRun run = new FullSync(source, store, clock, progress).run(config);
      return FullSyncResult.of(run);
    } catch (SqlfeedException e) {
      throw FeedFailures.of(e);
    }
  }

  @Override
  public long lastFullSyncEnd(String app) {
    try {
      checkApp(app);
      return store.syncRuns(app).stream()
          .filter(r -> r.outcome() == SyncRun.Outcome.SUCCEEDED && r.endedAt() != null)
          .findFirst()
          .map(r -> r.endedAt().toEpochMilli())
          .orElse(0L);
    } catch (SqlfeedException e) {
      throw FeedFailures.of(e);
    }
  }

  /**
   * A worker runs one app's config; a request for another app (a worker of another app polling the
   * same task queue) must not sync with the wrong config.
   */
  private void checkApp(String app) {
    if (!config.appName().equals(app)) {
      throw new ConfigException(
          "this worker runs app "
              + config.appName()
              + ", not "
              + app
              + " (use a task queue per app)");
    }
  }

  /** Heartbeats with the rows read so far, every {@link #HEARTBEAT_ROWS} rows and per type. */
  private static final class Heartbeats implements SyncProgress {
    private final ActivityExecutionContext context;
    private long rows;
    private long lastBeat;

    Heartbeats(ActivityExecutionContext context) {
      this.context = context;
    }

    @Override
    public void started(String resourceType) {
      context.heartbeat(rows);
    }

    @Override
    public void advanced(String resourceType, long more) {
      rows += more;
      if (rows - lastBeat >= HEARTBEAT_ROWS) {
        lastBeat = rows;
        context.heartbeat(rows);
      }
    }

    @Override
    public void finished(String resourceType, long total) {
      context.heartbeat(rows);
    }
  }
}
