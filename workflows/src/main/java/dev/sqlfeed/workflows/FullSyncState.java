package dev.sqlfeed.workflows;

/**
 * Everything a full sync workflow knows that must survive continue-as-new (or a recycled embedded
 * server), and what its {@code state} query shows. A wire format: add components, never rename or
 * remove them.
 *
 * <p>{@code requests} and {@code served} let a client wait for a sync that began after it asked:
 * every {@code syncNow} adds one to {@code requests}; a sync takes note of {@code requests} when it
 * begins and, when it ends, leaves that figure in {@code served}. A client that saw {@code
 * requests} at r before signalling waits until {@code served > r}.
 *
 * @param syncs full syncs that succeeded
 * @param failures full syncs that failed (after their retries)
 * @param requests {@code syncNow} signals received
 * @param served {@code requests} as it was when the last ended sync began
 * @param last the last successful sync's result; null before one
 * @param lastFailure the last failure; kept after later successes, see {@code lastFailed}
 * @param lastFailed whether the last ended sync failed
 * @param lastEndedAt when the last sync ended, in workflow time (ISO-8601); null before one
 * @param nextSyncAt when the next scheduled sync is due, epoch milliseconds of workflow time; 0
 *     when none is scheduled yet
 * @param initialised whether the store was asked when the last full sync ended (a new scheduled
 *     workflow does that once, so that a restart does not sync at once)
 * @param runs workflow runs so far: 1 + the continue-as-new count
 */
public record FullSyncState(
    long syncs,
    long failures,
    long requests,
    long served,
    FullSyncResult last,
    FullSyncFailure lastFailure,
    boolean lastFailed,
    String lastEndedAt,
    long nextSyncAt,
    boolean initialised,
    long runs) {

  /** The state of a workflow that has run nothing yet. */
  public static FullSyncState fresh() {
    return new FullSyncState(0, 0, 0, 0, null, null, false, null, 0, false, 1);
  }

  /** The state of a workflow started to serve one request: a {@code sqlfeed sync}. */
  public static FullSyncState requested() {
    return new FullSyncState(0, 0, 1, 0, null, null, false, null, 0, false, 1);
  }

  /** Syncs that ended, well or not. */
  public long ended() {
    return syncs + failures;
  }
}
