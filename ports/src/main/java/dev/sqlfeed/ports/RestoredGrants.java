package dev.sqlfeed.ports;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.ports.feed.GrantRestorer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The rule that logs a restored grant once, shared by every {@link EventLog} and applied inside a
 * page's transaction to events whose ids are new to the log (see {@link GrantRestorer}).
 *
 * <p>A grant reaches the mirror either through its own row, read by a grants source, or through a
 * restore, read with the grants of its changed resource; the two sources run independently, so
 * either may come first, and both may read the same grant:
 *
 * <ul>
 *   <li>a restore ({@code restore:} id) whose grant the mirror already holds, as the page has left
 *       it so far, is dropped: the grant's own row delivered it;
 *   <li>a {@code grant_created} of a grants source whose grant a restore delivered (the last grant
 *       event about it, in the log or earlier in the page, is a restore) is dropped. A later
 *       revoke, and a create after it, are logged as usual. The mirror need not hold the grant
 *       still: a deletion of its resource drops it without a grant event, and the row read again
 *       later (a coarse cursor's re-read inside the overlap) is the same delivered state, whose id
 *       the log does not have since it was dropped.
 * </ul>
 */
public final class RestoredGrants {
  private final Set<Grant> restored;

  /**
   * @param restored those of {@link #asked} whose last grant event in the app's log is a restore
   */
  public RestoredGrants(Set<Grant> restored) {
    this.restored = new HashSet<>(restored);
  }

  /** Whether the id is a restore's. */
  public static boolean isRestore(FeedEvent event) {
    return event.id().startsWith(GrantRestorer.PREFIX);
  }

  /** The grants a store looks up before the page: those of its grants sources' creations. */
  public static List<Grant> asked(List<SourceEvent> page) {
    List<Grant> grants = new ArrayList<>();
    for (SourceEvent event : page) {
      if (event.event() instanceof FeedEvent.GrantCreated g && !isRestore(g)) {
        grants.add(grantOf(g));
      }
    }
    return grants;
  }

  /**
   * Whether an event whose id is new to the log is dropped.
   *
   * @param changesMirror whether its changes would change the mirror as the page has left it so far
   *     (asked only of restores)
   */
  public boolean drops(FeedEvent event, BooleanSupplier changesMirror) {
    if (!(event instanceof FeedEvent.GrantCreated g)) {
      return false;
    }
    return isRestore(g) ? !changesMirror.getAsBoolean() : restored.contains(grantOf(g));
  }

  /** An event was appended (under its id or restated): the grant's last event is now this one. */
  public void appended(FeedEvent event) {
    if (event instanceof FeedEvent.GrantEvent g) {
      if (g instanceof FeedEvent.GrantCreated && isRestore(g)) {
        restored.add(grantOf(g));
      } else {
        restored.remove(grantOf(g));
      }
    }
  }

  private static Grant grantOf(FeedEvent.GrantEvent g) {
    return new Grant(g.resource(), g.entitlement(), g.principal());
  }
}
