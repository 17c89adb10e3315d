package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.CycleStateWire;
import java.util.Objects;

/**
 * What one call's pages did: a small summary, never row data. A wire format: add components, never
 * rename or remove them.
 *
 * @param state the scan state after the last page: the request's, opened if it opened a cycle, with
 *     the pages recorded ({@code CycleState.page}); when the page exhausted the window, with the
 *     new committed cursor, which the same transaction wrote to the store's checkpoints
 * @param rows rows the pages read
 * @param eventsAppended events that were new to the log
 * @param duplicates events the log already had
 * @param exhausted whether the cycle ended: the window had no more rows (or was empty)
 * @param cursorCheck what a look for rows with an unreadable cursor found, when the page ran one
 *     (see {@code CursorChecks}); null otherwise
 * @param pages pages written; 0 in a result recorded before this component existed, which wrote one
 */
public record ScanResult(
    CycleStateWire state,
    long rows,
    long eventsAppended,
    long duplicates,
    boolean exhausted,
    CursorCheck cursorCheck,
    int pages) {
  public ScanResult {
    Objects.requireNonNull(state, "state");
  }

  /** One page that ran no look for unreadable cursors. */
  public ScanResult(
      CycleStateWire state, long rows, long eventsAppended, long duplicates, boolean exhausted) {
    this(state, rows, eventsAppended, duplicates, exhausted, null, 1);
  }

  /** One page. */
  public ScanResult(
      CycleStateWire state,
      long rows,
      long eventsAppended,
      long duplicates,
      boolean exhausted,
      CursorCheck cursorCheck) {
    this(state, rows, eventsAppended, duplicates, exhausted, cursorCheck, 1);
  }

  /** Pages that ran no look for unreadable cursors. */
  public ScanResult(
      CycleStateWire state,
      long rows,
      long eventsAppended,
      long duplicates,
      boolean exhausted,
      int pages) {
    this(state, rows, eventsAppended, duplicates, exhausted, null, pages);
  }
}
