package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import java.time.Instant;
import java.util.List;

/**
 * A full sync being written to the store. Records are staged out of sight of readers; {@link
 * #commit} makes them the app's mirror (the first time by swapping them in, later by reconciling,
 * see {@link SyncStore}), {@link #fail} discards them and leaves the mirror as it was. Either call
 * ends the write; closing it without one counts as a failure ("aborted").
 *
 * <p>Within one write, a record whose key was already put replaces the earlier one. A {@code
 * commit} that throws has already recorded the run as failed (message {@code "commit failed: ..."})
 * and changed nothing but the pages of differences it wrote before it failed; a {@code fail} after
 * it returns that run, so {@code try { commit } catch { fail }} works. Otherwise, once the write
 * has ended, {@link #put}, {@link #commit} and {@link #fail} throw {@link IllegalStateException};
 * {@link #close} does nothing. One write is used by one thread at a time.
 */
public interface FullSyncWrite extends AutoCloseable {
  /**
   * Stages a batch of records; a batch may be of any size (the store splits it as it needs).
   *
   * @throws dev.sqlfeed.domain.error.StoreException if a key is longer than {@link MirrorKeyLimits}
   *     allows or the store fails
   */
  void put(List<? extends MirrorRecord> batch);

  /**
   * Makes the app's mirror what was staged and records a succeeded run, then drops the staged
   * records. For the app's first full sync, one transaction swaps them in and no event is written
   * ({@link ReconcileCounts#BASELINE}). Otherwise the differences between the staged records and
   * the mirror are written as events in pages ({@link dev.sqlfeed.ports.fullsync.Reconciliation}),
   * each page one transaction, and counted in the run's {@link SyncRun#reconciled()}; readers see
   * the mirror move page by page, as with incremental pages. A commit that fails half-way through
   * the pages leaves the pages it wrote, records the run as failed with the differences they
   * applied, and drops the staged records.
   *
   * @throws dev.sqlfeed.domain.error.StoreException if the store fails, or the run was marked
   *     abandoned by another full sync
   */
  SyncRun commit(Instant endedAt);

  /** Discards everything staged; records a failed run with the message (never a secret). */
  SyncRun fail(Instant endedAt, String message);

  @Override
  void close();
}
