package dev.sqlfeed.domain.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The cycle a source is scanning: its window, pinned when it opened, and how far it got.
 *
 * @param since the window's lower bound (inclusive)
 * @param upTo the window's upper bound (inclusive)
 * @param after the keyset position after the last page written; empty before the first page
 * @param pageToken compat mode: where the query's own pagination continues; empty otherwise
 * @param maxCursorSeen the highest cursor value read in this cycle; empty while no row was read
 * @param pages pages written in this cycle
 * @param rows rows read in this cycle
 * @param eventsAppended events of this cycle that were new to the log
 * @param duplicates events of this cycle the log already had
 */
public record RunningCycle(
    Instant since,
    Instant upTo,
    Optional<KeysetPosition> after,
    String pageToken,
    Optional<Instant> maxCursorSeen,
    long pages,
    long rows,
    long eventsAppended,
    long duplicates) {
  public RunningCycle {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(upTo, "upTo");
    if (upTo.isBefore(since)) {
      throw new IllegalArgumentException("a cycle's window ends before it starts");
    }
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(pageToken, "pageToken");
    Objects.requireNonNull(maxCursorSeen, "maxCursorSeen");
    if (pages < 0 || rows < 0 || eventsAppended < 0 || duplicates < 0) {
      throw new IllegalArgumentException("cycle counts must not be negative");
    }
  }

  /** A cycle that has just opened on this window. */
  public static RunningCycle opened(Instant since, Instant upTo) {
    return new RunningCycle(since, upTo, Optional.empty(), "", Optional.empty(), 0, 0, 0, 0);
  }

  /** The cycle after one more page. */
  RunningCycle plus(PageSummary page) {
    return new RunningCycle(
        since,
        upTo,
        page.last().or(() -> after),
        page.pageToken(),
        CycleState.later(maxCursorSeen, page.maxCursor()),
        pages + 1,
        rows + page.rows(),
        eventsAppended + page.eventsAppended(),
        duplicates + page.duplicates());
  }
}
