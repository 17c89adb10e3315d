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
 * <p>Full syncs and incremental pages. An app's first full sync (no full sync of it committed yet)
 * is its baseline: its {@link FullSyncWrite#commit} swaps the staged records in as the app's mirror
 * in one transaction and writes no events; that swap and the app's {@link EventLog#writePage}
 * transactions take turns, never interleave, and a page that committed before the swap is replaced
 * with the rest of the mirror (its events stay in the log).
 *
 * <p>Every later full sync reconciles instead: its commit compares the staged records with the
 * mirror and writes each difference as an event ({@code resource_deleted}, {@code
 * resource_changed}, {@code grant_created}, {@code grant_revoked}, source {@code full-sync})
 * through the same page writes as the incremental sources (one transaction per page of events and
 * their mirror changes, the same seq, the same dedupe by id), so that every change of the mirror
 * has its event. The mirror then equals the full read, except where an incremental source wrote
 * meanwhile: {@link #beginFullSync} notes the event log's last seq (the guard) before the read
 * starts, and a difference about an entity that an event above the guard wrote, from any source but
 * a full sync, is left alone, since that event may know of a newer state than the read (see {@link
 * dev.sqlfeed.ports.fullsync.ReconcileGuard} for what counts as the same entity). The check runs in
 * the transaction that writes the difference, after the app's lock is taken, so an incremental page
 * either committed before it (and is seen) or commits after it (and applies on top): a
 * reconciliation never overwrites, nor loses an event of, an incremental cycle running at the same
 * time. A suppressed difference that still holds is found by the next full sync. A reconciliation
 * that stops half-way leaves the differences it wrote applied, with their events; a later one finds
 * only the rest, so each difference yields exactly one event. Two full syncs of one app may run at
 * once; they do not guard against each other's events: the last to reconcile wins. Full syncs of
 * one app hold up no other app's pages. No full sync moves a checkpoint.
 */
public interface SyncStore extends EventLog, AutoCloseable {
  /**
   * Starts a full sync of {@code app}: records the run as running until it ends and notes the event
   * log's last seq as the run's guard. Several full syncs may be open at once.
   *
   * <p>A run of the app left running by a process that died (no write of it is open in this store
   * object, and it has shown no sign of life, a put or a page, for a time the store documents) is
   * marked failed ({@code "abandoned: ..."}) and its staged records are dropped. Should such a run
   * still be alive after all, its next put or commit fails and changes nothing.
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
