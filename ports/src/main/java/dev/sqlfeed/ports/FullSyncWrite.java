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
 * <p>Within one write, a record whose key was already put replaces the earlier one.
 */
public interface FullSyncWrite extends AutoCloseable {
  /** Stages a batch of records. */
  void put(List<? extends MirrorRecord> batch);

  /** Atomically replaces the app's mirror with everything staged; records a succeeded run. */
  SyncRun commit(Instant endedAt);

  /** Discards everything staged; records a failed run with the message (never a secret). */
  SyncRun fail(Instant endedAt, String message);

  @Override
  void close();
}
