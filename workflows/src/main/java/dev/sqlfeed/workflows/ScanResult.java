package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.CycleStateWire;
import java.util.Objects;

/**
 * What one page did: a small summary, never row data. A wire format: add components, never rename
 * or remove them.
 *
 * @param state the scan state after the page: the request's, opened if it opened a cycle, with the
 *     page recorded ({@code CycleState.page}); when the page exhausted the window, with the new
 *     committed cursor, which the same transaction wrote to the store's checkpoints
 * @param rows rows the page read
 * @param eventsAppended events that were new to the log
 * @param duplicates events the log already had
 * @param exhausted whether the cycle ended: the window had no more rows (or was empty)
 * @param cursorCheck what a look for rows with an unreadable cursor found, when the page ran one
 *     (see {@code CursorChecks}); null otherwise
 */
public record ScanResult(
    CycleStateWire state,
    long rows,
    long eventsAppended,
    long duplicates,
    boolean exhausted,
    CursorCheck cursorCheck) {
  public ScanResult {
    Objects.requireNonNull(state, "state");
  }

  /** A page that ran no look for unreadable cursors. */
  public ScanResult(
      CycleStateWire state, long rows, long eventsAppended, long duplicates, boolean exhausted) {
    this(state, rows, eventsAppended, duplicates, exhausted, null);
  }
}
