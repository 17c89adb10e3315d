package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.MirrorRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sync store: the access mirror of every app it serves, the record of sync runs, and (as an
 * {@link EventLog}) the event log and the sources' checkpoints.
 *
 * <p>Errors: every failure is a {@link dev.sqlfeed.domain.error.StoreException}; one that cannot
 * reach the store is of kind {@code UNAVAILABLE}. A name or id longer than {@link MirrorKeyLimits}
 * allows fails with {@code QUERY_FAILED}. Using a closed store throws {@link
 * IllegalStateException}.
 *
 * <p>Readers never see a half-written mirror: an export sees each app's mirror either as it was
 * before a full sync committed or as that sync left it. Times are kept to the microsecond.
 *
 * <p>Full syncs and incremental pages: a full sync's {@link FullSyncWrite#commit} and the app's
 * {@link EventLog#writePage} transactions take turns, never interleave. A page that committed
 * before the full sync's commit is replaced along with the rest of the mirror by what the full sync
 * read, while its events stay in the log (so a change that the full sync read before it happened is
 * missing from the mirror until a source reports it again); a page that commits after it applies
 * its changes on top of the new mirror. A full sync writes no events and moves no checkpoint. Full
 * syncs of one app hold up no other app's pages.
 */
public interface SyncStore extends EventLog, AutoCloseable {
  /**
   * Starts a full sync of {@code app}; the run is recorded as running until it ends. Several full
   * syncs may be open at once; each one that commits replaces the app's mirror in turn.
   */
  FullSyncWrite beginFullSync(String app, Instant startedAt);

  /**
   * Hands the mirror to {@code sink} in canonical order: all resources, then all entitlements, then
   * all grants, each sorted by their key fields compared as binary strings: by Unicode code point,
   * which is the byte order of their UTF-8 form (never a locale's collation, never Java's UTF-16
   * {@code String.compareTo}). Resources are keyed by (resource type, resource id), entitlements by
   * (resource type, resource id, entitlement), grants by (resource type, resource id, entitlement,
   * principal type, principal id); across several apps, equal keys are ordered by app. The order
   * and the records are the same for every store implementation holding the same mirror.
   *
   * @param app only this app's mirror; empty for every app in the store
   */
  void exportMirror(Optional<String> app, Consumer<MirrorRecord> sink);

  /**
   * The apps that have a mirror in this store (a full sync of theirs committed, even an empty one),
   * sorted by code point.
   */
  List<String> apps();

  /** The app's sync runs, newest first. */
  List<SyncRun> syncRuns(String app);

  @Override
  void close();
}
