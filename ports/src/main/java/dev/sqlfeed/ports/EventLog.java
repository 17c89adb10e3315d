package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event log and the sources' checkpoints, kept in the sync store beside the mirror.
 *
 * <p>Every appended event gets the next {@code seq}: one sequence for the whole store (every app,
 * every source), starting at 1, gap-free and increasing in commit order, even when page writes run
 * at once or roll back. A reader that has seen seq {@code n} never later finds a new event below
 * it. Events are deduplicated per app by id: an id that the app's log has is dropped, whichever
 * source wrote it first, unless it is restated (see {@link #writePage}); the same id under two apps
 * is two events.
 *
 * <p>Times: cursors (of events and checkpoints) are kept to the nanosecond; {@code observedAt} and
 * {@code committedAt} to the microsecond. Names and ids are limited as in {@link MirrorKeyLimits},
 * source keys to 255 characters; an event id may be of any length.
 *
 * <p>Errors: every failure is a {@link dev.sqlfeed.domain.error.StoreException}; a name, id or
 * source key that is too long fails with {@code QUERY_FAILED} before anything is written. A
 * malformed page (a grant event without an entitlement or principal, an empty event id, a {@code
 * PutResource} whose entitlement belongs to another resource, a checkpoint of another app) throws
 * {@link IllegalArgumentException}. Using a closed store throws {@link IllegalStateException}. All
 * methods may be called from several threads at once.
 */
public interface EventLog {
  /**
   * Writes one page of a source in one transaction: appends each event whose id the app's log does
   * not have (assigning the next seq; all events of the page get one {@code observedAt}, the
   * store's clock) and applies its mirror changes to the app's mirror, in page order; for an event
   * whose id it has, or that came earlier in the same page, decides by {@link Restatements}: drops
   * it without applying its changes when they would not change the mirror as the page has left it
   * so far (so re-reading a row is harmless), and otherwise, where the rule says the re-read is a
   * new state of the row within one cursor tick, appends it under {@code <id>:again:<n>} and
   * applies it; and, when {@code commit} is present, replaces the source's checkpoint. Either all
   * of it happens or none. An event counts as a duplicate in {@link PageWriteResult} when it is
   * dropped, not when it is restated.
   *
   * <p>The changes act on the mirror by key: {@link MirrorChange.PutResource} replaces the resource
   * row and all of its entitlements and keeps its grants; {@link MirrorChange.DeleteResource}
   * removes the resource, its entitlements and the grants on it (not the grants it holds as a
   * principal); {@link MirrorChange.PutGrant} adds the grant if missing; {@link
   * MirrorChange.DeleteGrant} removes it if present. An app need not have a full sync to be written
   * to; {@link SyncStore#apps()} lists it only once one committed.
   *
   * @param commit the source's new checkpoint, of the same app; empty to leave it
   * @return how many events were appended and dropped, and the log's last seq after the write
   */
  default PageWriteResult writePage(
      String app, List<SourceEvent> events, Optional<Checkpoint> commit) {
    return writePage(app, events, commit, GrantChecks.NONE);
  }

  /**
   * Writes a page as {@link #writePage(String, List, Optional)} does and, in the same transaction,
   * records the grant checks it owes and removes those it settles ({@link GrantChecks}).
   */
  PageWriteResult writePage(
      String app, List<SourceEvent> events, Optional<Checkpoint> commit, GrantChecks checks);

  /**
   * The grant checks that {@code source} owes in the app and that are due once it has scanned its
   * rows up to {@code scannedTo} ({@link GrantCheck#due()} not after it), oldest due first, at most
   * {@code limit}. One statement.
   */
  List<GrantCheck> grantChecksDue(String app, String source, Instant scannedTo, int limit);

  /** The resources among {@code resources} that the app's mirror holds, as it holds them. */
  Map<ResourceRef, Resource> resourcesInMirror(String app, Collection<ResourceRef> resources);

  /**
   * Which of {@code resources} were deleted from the app's mirror: those the mirror lacks now
   * although the app's log holds a {@code resource_changed} or {@code resource_deleted} event about
   * them (events pruned from the log no longer count). How a page tells a resource put back from
   * one seen for the first time (see {@link dev.sqlfeed.ports.feed.GrantRestorer}).
   */
  Set<ResourceRef> deletedFromMirror(String app, Collection<ResourceRef> resources);

  /**
   * The grants on each of {@code resources} that the app's mirror holds: an entry for each resource
   * asked that the mirror holds (empty when it has no grant) or holds a grant on; none for a
   * resource the mirror knows nothing of. A few statements however many resources. How a page tells
   * which grants of a changed resource the mirror lacks (see {@link
   * dev.sqlfeed.ports.feed.GrantRestorer}).
   */
  Map<ResourceRef, Set<Grant>> grantsInMirror(String app, Collection<ResourceRef> resources);

  /**
   * Which of {@code ids} the app's log holds, as appended ids (a restatement's {@code
   * <id>:again:<n>} counts only as itself; events pruned from the log no longer count); the same id
   * under another app is not held. A few statements for a page's ids, however many: a page reads
   * the ids of its rows that were read before with this, so that re-read rows cost no {@code get}.
   * The answer is as of the call: an id appended by a page write that commits later is not in it.
   *
   * @return the held ids among {@code ids}, empty for no ids
   */
  Set<String> heldIds(String app, Collection<String> ids);

  /** The source's committed checkpoint, if it ever committed. */
  Optional<Checkpoint> checkpoint(String app, String source);

  /**
   * Events with a seq greater than {@code afterSeq}, in seq order, at most {@code limit} (0 gives
   * none; negative throws {@link IllegalArgumentException}). With an app, only that app's events;
   * their seqs then have holes where other apps' events are.
   */
  List<StoredEvent> events(Optional<String> app, long afterSeq, int limit);
}
