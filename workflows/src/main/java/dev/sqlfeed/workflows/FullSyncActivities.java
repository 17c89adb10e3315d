package dev.sqlfeed.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * What a full sync workflow asks of the world. Row data stays in the activity; only counts travel
 * through history.
 *
 * <p>Errors: an implementation throws {@link io.temporal.failure.ApplicationFailure}s made by
 * {@link FeedFailures}, non-retryable for permanent errors (config, mapping, query syntax or
 * permission), so that Temporal retries only what may succeed.
 */
@ActivityInterface
public interface FullSyncActivities {
  /**
   * Runs one full sync of the app with the worker's config: reads everything, reconciles the mirror
   * and records the run in {@code sync_runs} (a failed run too, before the failure is thrown).
   * Long: it heartbeats while rows flow, at least every few minutes (see {@code
   * FullSyncWorkflowImpl.SYNC_OPTIONS}). A retry runs a new full sync, recorded as a new run.
   */
  @ActivityMethod(name = "FullSync")
  FullSyncResult fullSync(String app);

  /**
   * When the app's last successful full sync ended, in epoch milliseconds, as {@code sync_runs} has
   * it; 0 if none did. Asked once by a new scheduled workflow, so that restarting a worker does not
   * start a full sync at once.
   */
  @ActivityMethod(name = "LastFullSyncEnd")
  long lastFullSyncEnd(String app);
}
