package dev.sqlfeed.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Runs an app's full sync: the full read, compared with the mirror, its differences applied and
 * counted. One workflow per app, id {@code sqlfeed-full-sync/<app>} (see {@link
 * FullSyncWorkflows}), so Temporal itself refuses a second full sync of an app while one runs.
 * Either scheduled (every {@code full_sync.interval}, started by {@code sqlfeed run}) or once
 * (started by {@code sqlfeed sync} against a running worker).
 *
 * <p>The names below are in histories: never change them.
 */
@WorkflowInterface
public interface FullSyncWorkflow {
  /**
   * Scheduled: runs until cancelled or terminated, continuing as new now and then. Once: runs one
   * full sync (and another for each {@code syncNow} that came meanwhile), returning the state.
   */
  @WorkflowMethod(name = "FullSyncWorkflow")
  FullSyncState run(FullSyncInput input);

  /** Runs a full sync now instead of at the end of the wait (after the running one, if any). */
  @SignalMethod(name = "syncNow")
  void syncNow();

  /** Replaces the schedule's interval, as {@code sqlfeed run} does when the config changed. */
  @SignalMethod(name = "updateInterval")
  void updateInterval(long intervalMillis);

  /** The last run's id and counts, the last error, when the next sync is due. */
  @QueryMethod(name = "state")
  FullSyncStatus state();
}
