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
 * @param databaseNow the source database's clock when this call opened a cycle, as {@code
 *     CanonicalTime} text (the window's upper bound plus the source's safety lag); null when the
 *     call continued a cycle, found its window empty, or was recorded before this component existed
 */
public record ScanResult(
    CycleStateWire state,
    long rows,
    long eventsAppended,
    long duplicates,
    boolean exhausted,
    CursorCheck cursorCheck,
    int pages,
    String databaseNow) {
  public ScanResult {
    Objects.requireNonNull(state, "state");
  }

  // Alike on purpose to SourceState's constructors: a wire format that grew keeps its older ones.
  /** Pages of a call that did not open a cycle. */
  public ScanResult(
      CycleStateWire state,
      long rows,
      long eventsAppended,
      long duplicates,
      boolean exhausted,
      CursorCheck cursorCheck,
      int pages) {
    this(state, rows, eventsAppended, duplicates, exhausted, cursorCheck, pages, null);
  }

  /** This result, of a call that opened a cycle when the database's clock read {@code now}. */
  public ScanResult openedAt(String now) {
    return new ScanResult(
        state, rows, eventsAppended, duplicates, exhausted, cursorCheck, pages, now);
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
