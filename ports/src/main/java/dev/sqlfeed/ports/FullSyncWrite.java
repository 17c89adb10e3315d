package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import java.time.Instant;
import java.util.List;

/**
 * A full sync being written to the store. Records are staged out of sight of readers; {@link
 * #commit} replaces the app's mirror with them in one transaction, {@link #fail} discards them and
 * leaves the previous mirror as it was. Either call ends the write; closing it without one counts
 * as a failure ("aborted").
 *
 * <p>Within one write, a record whose key was already put replaces the earlier one. A {@code
 * commit} that throws has already recorded the run as failed (message {@code "commit failed: ..."})
 * and changed nothing; a {@code fail} after it returns that run, so {@code try { commit } catch {
 * fail }} works. Otherwise, once the write has ended, {@link #put}, {@link #commit} and {@link
 * #fail} throw {@link IllegalStateException}; {@link #close} does nothing. One write is used by one
 * thread at a time.
 */
public interface FullSyncWrite extends AutoCloseable {
  /**
   * Stages a batch of records; a batch may be of any size (the store splits it as it needs).
   *
   * @throws dev.sqlfeed.domain.error.StoreException if a key is longer than {@link MirrorKeyLimits}
   *     allows or the store fails
   */
  void put(List<? extends MirrorRecord> batch);

  /** Atomically replaces the app's mirror with everything staged; records a succeeded run. */
  SyncRun commit(Instant endedAt);

  /** Discards everything staged; records a failed run with the message (never a secret). */
  SyncRun fail(Instant endedAt, String message);

  @Override
  void close();
}
