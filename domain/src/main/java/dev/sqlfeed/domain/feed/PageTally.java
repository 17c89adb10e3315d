package dev.sqlfeed.domain.feed;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts a page's mapped rows as they stream by and turns them into a {@link PageSummary}: the
 * rows, the highest cursor, and the position of the last row (in keyset mode the rows come in
 * (cursor, key) order, so the last row is the position to continue after). Not thread-safe; one per
 * page.
 */
public final class PageTally {
  private long rows;
  private Instant maxCursor;
  private KeysetPosition last;

  /** Counts one row. */
  public void add(MappedRow row) {
    rows++;
    if (maxCursor == null || row.cursor().isAfter(maxCursor)) {
      maxCursor = row.cursor();
    }
    last = row.position().orElse(null);
  }

  /** Rows counted so far. */
  public long rows() {
    return rows;
  }

  /**
   * The page's summary.
   *
   * @param eventsAppended what the store reported as new
   * @param duplicates what the store reported as already known
   * @param pageToken compat mode's next page token, else empty
   * @param exhausted whether the window has no more rows
   */
  public PageSummary summary(
      long eventsAppended, long duplicates, String pageToken, boolean exhausted) {
    return new PageSummary(
        rows,
        eventsAppended,
        duplicates,
        Optional.ofNullable(last),
        Optional.ofNullable(maxCursor),
        pageToken,
        exhausted);
  }
}
