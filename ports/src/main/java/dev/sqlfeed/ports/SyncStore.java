package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sync store: the access mirror of every app it serves, and the record of sync runs.
 *
 * <p>Errors: every failure is a {@link dev.sqlfeed.domain.error.StoreException}; one that cannot
 * reach the store is of kind {@code UNAVAILABLE}.
 */
public interface SyncStore extends AutoCloseable {
  /** Starts a full sync of {@code app}; the run is recorded as running until it ends. */
  FullSyncWrite beginFullSync(String app, Instant startedAt);

  /**
   * Hands the mirror to {@code sink} in canonical order: all resources, then all entitlements, then
   * all grants, each sorted by their key fields compared as binary strings. The order and the
   * records are the same for every store implementation holding the same mirror.
   *
   * @param app only this app's mirror; empty for every app in the store
   */
  void exportMirror(Optional<String> app, Consumer<MirrorRecord> sink);

  /** The apps that have a mirror in this store, sorted. */
  List<String> apps();

  /** The app's sync runs, newest first. */
  List<SyncRun> syncRuns(String app);

  @Override
  void close();
}
