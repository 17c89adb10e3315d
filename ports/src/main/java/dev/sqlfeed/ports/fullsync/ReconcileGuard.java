package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.ports.StoredEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a reconciliation from undoing what an incremental source wrote while the full read ran.
 *
 * <p>The guard is the event log's last seq when the full sync began, before its read. An event of
 * the app with a higher seq, from any source but reconciliation itself, was written after the read
 * began and may know of a newer state than the read saw; so a difference about the same entity is
 * left alone (the next full sync finds it again if it is still there). About the same entity means:
 * for a resource, any event whose resource it is; for a grant, a grant event of the same resource,
 * entitlement and principal, or a resource event of its resource.
 *
 * <p>A store shows the guard every later event of the app, in seq order, inside the transaction
 * that writes a page of differences, after locking the app as page writes do; so no event can slip
 * in between the check and the write. It remembers the entities those events touched: memory grows
 * with the incremental changes made during one full sync, not with the mirror.
 */
public final class ReconcileGuard {
  private final long guardSeq;
  private long seenUpTo;

  /** Resources that any event was about (for grant events: the resource of the grant). */
  private final Set<List<String>> touched = new HashSet<>();

  /** Resources that a resource event was about. */
  private final Set<List<String>> resourceEvents = new HashSet<>();

  /** Grants that a grant event was about. */
  private final Set<List<String>> grantEvents = new HashSet<>();

  /**
   * @param guardSeq the event log's last seq before the full read began
   */
  public ReconcileGuard(long guardSeq) {
    this.guardSeq = guardSeq;
    this.seenUpTo = guardSeq;
  }

  public long guardSeq() {
    return guardSeq;
  }

  /** The highest seq shown so far: the next look needs only events after it. */
  public long seenUpTo() {
    return seenUpTo;
  }

  /** Shows the guard an event of the app with a seq above {@link #seenUpTo()}. */
  public void saw(StoredEvent stored) {
    if (stored.seq() <= seenUpTo) {
      return;
    }
    seenUpTo = stored.seq();
    FeedEvent event = stored.event();
    if (ReconcileEvents.SOURCE.equals(event.source())) {
      // A reconciliation's own events (or a concurrent full sync's): the last full sync wins.
      return;
    }
    touched.add(ref(event.resource()));
    if (event instanceof FeedEvent.GrantEvent g) {
      grantEvents.add(grant(g));
    } else {
      resourceEvents.add(ref(event.resource()));
    }
  }

  /** Whether a difference must be left alone. */
  public boolean suppresses(FeedEvent difference) {
    if (difference instanceof FeedEvent.GrantEvent g) {
      return grantEvents.contains(grant(g)) || resourceEvents.contains(ref(g.resource()));
    }
    return touched.contains(ref(difference.resource()));
  }

  private static List<String> ref(ResourceRef ref) {
    return List.of(ref.resourceType(), ref.resourceId());
  }

  private static List<String> grant(FeedEvent.GrantEvent g) {
    return List.of(
        g.resource().resourceType(),
        g.resource().resourceId(),
        g.entitlement(),
        g.principal().resourceType(),
        g.principal().resourceId());
  }
}
