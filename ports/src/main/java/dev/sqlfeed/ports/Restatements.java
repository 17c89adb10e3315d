package dev.sqlfeed.ports;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.ports.feed.GrantRestorer;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The rule that tells a re-read row from a new state of the row within one cursor tick, shared by
 * every {@link EventLog}.
 *
 * <p>An event id names a row and its cursor value, so a second state of the row with the same
 * cursor value (a {@code date} cursor changed twice in a day, a membership left and re-joined
 * within one tick of a coarse clock) reads with the id of the first. The log therefore drops an
 * event whose id it has only when that is safe, and otherwise <em>restates</em> it: appends it
 * under {@code <id>:again:<n>}, where {@code n} is 1 plus the number of restatements of {@code
 * <id>} the log has, and applies it. The count, not the seq of the restated event, makes the id: it
 * reads as "the n-th restatement", it is the same when a page that rolled back is written again (so
 * a sink that deduplicates by id still does), and it stays unique for A-B-A-B histories.
 *
 * <p>When an event whose id the log has is restated:
 *
 * <ul>
 *   <li>{@code resource_changed}: when its changes would change the mirror. Its changes come from
 *       the {@code get} query run now, the source's current truth, so a mirror that differs from
 *       them missed a change. (This is the one place to decide it: a refresh that later skips the
 *       {@code get} for re-reads would carry no changes and so be dropped.)
 *   <li>{@code grant_created} and {@code grant_revoked}: when its change would change the mirror
 *       <em>and</em> the same row's opposite event in the same tick (the id with {@code grant:} and
 *       {@code revoke:} swapped) was logged after this id or its last restatement. Without that
 *       evidence the mirror may differ because of another row (m1 revoked, then m2 granted the same
 *       grant: re-reading m1's revoke must not take m2's grant away) or because the row is a
 *       historic statement (a shared event feed's audit row), and the re-read is a copy.
 *   <li>a {@code grant_created} that restores a resource's grants ({@link GrantRestorer}): like
 *       {@code resource_changed}, since its grants query ran now.
 *   <li>{@code resource_deleted}: never. It is a row's statement that is not checked against the
 *       source again (a shared event feed's row, a reconciliation), so a re-read is a copy.
 * </ul>
 *
 * <p>Re-reading the same state again then changes nothing in the mirror and is dropped: the effect
 * stays exactly-once. The rule expects a {@code changes_query} to return only rows that grant (and
 * a {@code revokes_query} only revoked ones): a row returned by both with the same cursor value
 * would be restated by each in turn.
 */
public final class Restatements {
  /** What separates an id from the number of its restatement. */
  public static final String AGAIN = ":again:";

  private static final String GRANT = "grant:";
  private static final String REVOKE = "revoke:";

  private Restatements() {}

  /**
   * The id under which an event whose id the log has is appended, or empty to drop it.
   *
   * @param event the event read again
   * @param changesMirror whether its changes, each checked against the mirror as the page has left
   *     it so far, would change the mirror
   * @param seqOf the seq of an id in the app's log, counting the events appended earlier in the
   *     page; empty when the log has no such id
   */
  public static Optional<String> restatedId(
      FeedEvent event, boolean changesMirror, Function<String, OptionalLong> seqOf) {
    if (!changesMirror || event instanceof FeedEvent.ResourceDeleted) {
      return Optional.empty();
    }
    String id = event.id();
    int restated = 0;
    long last = seqOf.apply(id).orElse(0);
    for (OptionalLong seq; (seq = seqOf.apply(id + AGAIN + (restated + 1))).isPresent(); ) {
      restated++;
      last = seq.getAsLong();
    }
    if (event instanceof FeedEvent.GrantEvent && !event.id().startsWith(GrantRestorer.PREFIX)) {
      Optional<String> opposite = opposite(id);
      if (opposite.isEmpty() || latest(opposite.get(), seqOf) <= last) {
        return Optional.empty();
      }
    }
    return Optional.of(id + AGAIN + (restated + 1));
  }

  /** The event with another id. */
  public static FeedEvent withId(FeedEvent event, String id) {
    if (event instanceof FeedEvent.ResourceChanged e) {
      return new FeedEvent.ResourceChanged(id, e.source(), e.resource(), e.cursor());
    }
    if (event instanceof FeedEvent.ResourceDeleted e) {
      return new FeedEvent.ResourceDeleted(id, e.source(), e.resource(), e.cursor());
    }
    if (event instanceof FeedEvent.GrantCreated e) {
      return new FeedEvent.GrantCreated(
          id, e.source(), e.resource(), e.entitlement(), e.principal(), e.cursor());
    }
    FeedEvent.GrantRevoked e = (FeedEvent.GrantRevoked) event;
    return new FeedEvent.GrantRevoked(
        id, e.source(), e.resource(), e.entitlement(), e.principal(), e.cursor());
  }

  /** The seq of the id's last statement (itself or a restatement), 0 when the log has neither. */
  private static long latest(String id, Function<String, OptionalLong> seqOf) {
    long last = seqOf.apply(id).orElse(0);
    if (last == 0) {
      return 0;
    }
    for (int n = 1; ; n++) {
      OptionalLong seq = seqOf.apply(id + AGAIN + n);
      if (seq.isEmpty()) {
        return last;
      }
      last = seq.getAsLong();
    }
  }

  /** The id of the same row's opposite grant event in the same tick, for ids of that form. */
  private static Optional<String> opposite(String id) {
    if (id.startsWith(GRANT)) {
      return Optional.of(REVOKE + id.substring(GRANT.length()));
    }
    if (id.startsWith(REVOKE)) {
      return Optional.of(GRANT + id.substring(REVOKE.length()));
    }
    return Optional.empty();
  }
}
