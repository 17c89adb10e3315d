package dev.sqlfeed.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * What a source workflow asks of the world. Each call is one short transaction: row data stays in
 * the activity, only summaries travel through history.
 *
 * <p>Errors: an implementation throws {@link io.temporal.failure.ApplicationFailure}s made by
 * {@link FeedFailures}, non-retryable for permanent errors (config, mapping, query syntax or
 * permission) so that Temporal does not retry what cannot succeed.
 */
@ActivityInterface
public interface FeedActivities {
  /**
   * The source's committed cursor as the store's checkpoint table has it, or null if it never
   * committed. Asked once by a new workflow, so that a restarted (embedded) Temporal server neither
   * re-reads nor skips anything.
   */
  @ActivityMethod(name = "InitialCheckpoint")
  String initialCheckpoint(String app, String sourceKey);

  /**
   * Reads keyset pages (up to {@code request.maxPages()}, or until the window is exhausted or the
   * call's time is up) and writes each page's events and their mirror changes in one store
   * transaction of its own; on the page that exhausts the window, the new checkpoint too. The
   * result is the state after the last page written. A call that opens a cycle first reads the
   * source database's clock and pins the window. Idempotent: running the same request again writes
   * nothing new (the events' ids are known), so a retry is harmless. An error reading a page after
   * the first ends the call with the pages written so far; the next call reads that page again and
   * fails as a first page does.
   *
   * <p>A page must heartbeat ({@code Activity.getExecutionContext().heartbeat(rowsSoFar)}) at least
   * every 30 seconds while it reads, maps and writes: the workflow gives up on an attempt that has
   * been silent for a minute, and on any attempt after 15 minutes (see {@code
   * SourceWorkflowImpl.PAGE_OPTIONS}).
   */
  @ActivityMethod(name = "ScanPage")
  ScanResult scanPage(ScanRequest request);
}
