package dev.sqlfeed.ports;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.ports.feed.GrantRestorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

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
 *   <li>a {@code grant_created} of a grants source whose grant the mirror holds through a restore
 *       (the last grant event about it, in the log or earlier in the page, is a restore, and the
 *       mirror still has it) is dropped as <em>delivered</em>: the log keeps its id as one it has,
 *       at the restore's seq, so that reading the row again (a coarse cursor's re-read inside the
 *       overlap) is a re-read, judged by {@link Restatements}, and not a new change.
 * </ul>
 */
public final class RestoredGrants {
  private final Map<Grant, Long> restored;

  /**
   * @param restored those of {@link #asked} that the mirror holds and whose last grant event in the
   *     app's log is a restore, with that restore's seq
   */
  public RestoredGrants(Map<Grant, Long> restored) {
    this.restored = new HashMap<>(restored);
  }

  /** Whether the event is a restore's. */
  public static boolean isRestore(FeedEvent event) {
    return event instanceof FeedEvent.GrantCreated && event.id().startsWith(GrantRestorer.PREFIX);
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
   * Whether a restore new to the log is dropped.
   *
   * @param changesMirror whether its changes would change the mirror as the page has left it so far
   */
  public static boolean dropsRestore(FeedEvent restore, boolean changesMirror) {
    return isRestore(restore) && !changesMirror;
  }

  /**
   * The seq of the restore that delivered a grants source's {@code grant_created} new to the log,
   * which is then dropped as delivered; empty when it is not one.
   */
  public OptionalLong deliveredBy(FeedEvent event) {
    if (event instanceof FeedEvent.GrantCreated g && !isRestore(g)) {
      Long seq = restored.get(grantOf(g));
      return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }
    return OptionalLong.empty();
  }

  /** An event of the page was appended with {@code seq}. */
  public void appended(SourceEvent event, long seq) {
    if (event.event() instanceof FeedEvent.GrantEvent g) {
      if (isRestore(g)) {
        restored.put(grantOf(g), seq);
      } else {
        restored.remove(grantOf(g));
      }
    }
    for (MirrorChange change : event.changes()) {
      if (change instanceof MirrorChange.DeleteResource delete) {
        restored.keySet().removeIf(grant -> grant.resource().equals(delete.resource()));
      } else if (change instanceof MirrorChange.DeleteGrant delete) {
        restored.remove(delete.grant());
      }
    }
  }

  private static Grant grantOf(FeedEvent.GrantEvent g) {
    return new Grant(g.resource(), g.entitlement(), g.principal());
  }
}
