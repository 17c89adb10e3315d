package dev.sqlfeed.domain.feed;

/**
 * Totals over a source's life. Pages, rows and events count when a page is written (its events are
 * in the log whether or not its cycle later commits).
 *
 * @param cycles cycles that ended: read to exhaustion and committed, or opened on an empty window
 * @param failures cycles that failed (the committed cursor stayed)
 * @param consecutiveFailures failures since the last cycle that ended; 0 when the source is healthy
 * @param pages pages written
 * @param rows rows read
 * @param eventsAppended events that were new to the log
 * @param duplicates events the log already had
 */
public record CycleCounters(
    long cycles,
    long failures,
    long consecutiveFailures,
    long pages,
    long rows,
    long eventsAppended,
    long duplicates) {

  /** Nothing counted yet. */
  public static final CycleCounters ZERO = new CycleCounters(0, 0, 0, 0, 0, 0, 0);

  public CycleCounters {
    if (cycles < 0
        || failures < 0
        || consecutiveFailures < 0
        || pages < 0
        || rows < 0
        || eventsAppended < 0
        || duplicates < 0) {
      throw new IllegalArgumentException("counters must not be negative");
    }
  }

  CycleCounters plusPage(PageSummary page) {
    return new CycleCounters(
        cycles,
        failures,
        consecutiveFailures,
        pages + 1,
        rows + page.rows(),
        eventsAppended + page.eventsAppended(),
        duplicates + page.duplicates());
  }

  CycleCounters plusCycle() {
    return new CycleCounters(cycles + 1, failures, 0, pages, rows, eventsAppended, duplicates);
  }

  CycleCounters plusFailure() {
    return new CycleCounters(
        cycles, failures + 1, consecutiveFailures + 1, pages, rows, eventsAppended, duplicates);
  }
}
