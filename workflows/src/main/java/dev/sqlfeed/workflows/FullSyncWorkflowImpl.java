package dev.sqlfeed.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Runs full syncs, once or on a durable timer. Deterministic: it reads time only through {@link
 * Workflow}, and every decision follows from its state, its signals and its activities' results (a
 * test scans this class for clock, random, thread and I/O calls). A timer loop rather than a
 * Temporal Schedule, because the embedded test server has no schedules; it also keeps the state in
 * one place, which continue-as-new and a recycled embedded server carry over.
 */
public final class FullSyncWorkflowImpl implements FullSyncWorkflow {
  private static final Logger LOG = Workflow.getLogger(FullSyncWorkflowImpl.class);

  // Alike on purpose to SourceWorkflowImpl.RETRY: a full sync retries on its own, longer scale.
  /**
   * A full sync retries transient errors a few times with backoff (about seven minutes in all);
   * then it counts as failed and the schedule tries again at the next interval. Permanent errors
   * are not retried.
   */
  static final RetryOptions SYNC_RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(30))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(5))
          .setMaximumAttempts(4)
          .build();

  /**
   * A full sync of a large app takes minutes; the heartbeat comes with the rows it reads, so the
   * timeout leaves room for a slow first row of a big query.
   */
  static final ActivityOptions SYNC_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(6))
          .setHeartbeatTimeout(Duration.ofMinutes(5))
          .setRetryOptions(SYNC_RETRY)
          .build();

  static final ActivityOptions LOOKUP_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
          .build();

  private final FullSyncActivities syncs =
      Workflow.newActivityStub(FullSyncActivities.class, SYNC_OPTIONS);
  private final FullSyncActivities lookups =
      Workflow.newActivityStub(FullSyncActivities.class, LOOKUP_OPTIONS);

  private String app;
  private long intervalMillis;
  private String phase = "starting";
  private long intervalChanges;

  private long syncCount;
  private long failureCount;
  private long requests;
  private long served;
  private FullSyncResult last;
  private FullSyncFailure lastFailure;
  private boolean lastFailed;
  private String lastEndedAt;
  private long nextSyncAt;
  private boolean initialised;
  private long runs = 1;

  @Override
  public FullSyncState run(FullSyncInput input) {
    app = input.app();
    intervalMillis = input.intervalMillis();
    restore(input.state() == null ? FullSyncState.fresh() : input.state());
    if (input.once()) {
      do {
        syncOnce();
      } while (requests > served);
      if (intervalMillis <= 0) {
        phase = "done";
        return snapshot();
      }
      // While it ran, 'sqlfeed run' attached to it to start the schedule: become the schedule.
      nextSyncAt = Workflow.currentTimeMillis() + intervalMillis;
      initialised = true;
      continueAsNew(input);
    }
    if (!initialised) {
      nextSyncAt = firstSyncAt();
      initialised = true;
    }
    int syncsThisRun = 0;
    while (true) {
      awaitNextSync();
      syncOnce();
      nextSyncAt = Workflow.currentTimeMillis() + intervalMillis;
      syncsThisRun++;
      if (syncsThisRun >= input.effectiveSyncsPerRun()
          || Workflow.getInfo().isContinueAsNewSuggested()) {
        continueAsNew(input);
      }
    }
  }

  private void continueAsNew(FullSyncInput input) {
    runs++;
    Workflow.continueAsNew(
        new FullSyncInput(app, false, intervalMillis, input.syncsPerRun(), snapshot()));
  }

  /** A new schedule's first sync: an interval after the store's last one, or now. */
  private long firstSyncAt() {
    long now = Workflow.currentTimeMillis();
    try {
      long lastEnd = lookups.lastFullSyncEnd(app);
      return lastEnd <= 0 ? now : Math.max(now, lastEnd + intervalMillis);
    } catch (ActivityFailure f) {
      // The store cannot say; sync now, and the sync reports what is wrong with the store.
      LOG.warn("{}: cannot read the last full sync: {}", app, f.getMessage());
      return now;
    }
  }

  private void awaitNextSync() {
    phase = "waiting";
    while (requests <= served) {
      long left = nextSyncAt - Workflow.currentTimeMillis();
      if (left <= 0) {
        return;
      }
      long changes = intervalChanges;
      Workflow.await(
          Duration.ofMillis(left), () -> requests > served || intervalChanges != changes);
    }
  }

  private void syncOnce() {
    phase = "syncing";
    long serving = requests;
    try {
      last = syncs.fullSync(app);
      syncCount++;
      lastFailed = false;
    } catch (ActivityFailure f) {
      lastFailure = FullSyncFailure.of(f, now());
      failureCount++;
      lastFailed = true;
      LOG.warn("{}: full sync failed: {}: {}", app, lastFailure.type(), lastFailure.message());
    }
    served = serving;
    lastEndedAt = now();
    phase = "waiting";
  }

  private void restore(FullSyncState state) {
    syncCount = state.syncs();
    failureCount = state.failures();
    requests = state.requests();
    served = state.served();
    last = state.last();
    lastFailure = state.lastFailure();
    lastFailed = state.lastFailed();
    lastEndedAt = state.lastEndedAt();
    nextSyncAt = state.nextSyncAt();
    initialised = state.initialised();
    runs = Math.max(1, state.runs());
  }

  private FullSyncState snapshot() {
    return new FullSyncState(
        syncCount,
        failureCount,
        requests,
        served,
        last,
        lastFailure,
        lastFailed,
        lastEndedAt,
        nextSyncAt,
        initialised,
        runs);
  }

  private static String now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
  }

  @Override
  public void syncNow() {
    requests++;
  }

  /**
   * A workflow that runs once becomes a schedule when its syncs are done; a scheduled one moves its
   * next sync by the difference.
   */
  @Override
  public void updateInterval(long newIntervalMillis) {
    if (newIntervalMillis <= 0 || newIntervalMillis == intervalMillis) {
      return;
    }
    if (intervalMillis > 0 && nextSyncAt > 0) {
      nextSyncAt += newIntervalMillis - intervalMillis;
    }
    intervalMillis = newIntervalMillis;
    intervalChanges++;
  }

  @Override
  public FullSyncStatus state() {
    boolean scheduled = intervalMillis > 0 && nextSyncAt > 0 && !"done".equals(phase);
    return new FullSyncStatus(
        app,
        phase,
        intervalMillis,
        scheduled ? Instant.ofEpochMilli(nextSyncAt).toString() : null,
        snapshot());
  }
}
