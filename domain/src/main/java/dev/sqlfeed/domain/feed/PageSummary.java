package dev.sqlfeed.domain.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one page of a cycle did, as the page activity reports it: counts and positions, never row
 * data. {@link PageTally} builds one from the page's mapped rows.
 *
 * @param rows rows the page read
 * @param eventsAppended events that were new to the log
 * @param duplicates events the log already had (re-read rows, the overlap)
 * @param last the keyset position of the page's last row; empty for an empty page or a source
 *     without a key
 * @param maxCursor the highest cursor value on the page; empty exactly when the page read no row
 * @param pageToken compat mode: where the query's own pagination continues (the next offset or
 *     {@code ?<Cursor>} value as text); empty otherwise
 * @param exhausted whether the window has no more rows: the cycle commits
 */
public record PageSummary(
    long rows,
    long eventsAppended,
    long duplicates,
    Optional<KeysetPosition> last,
    Optional<Instant> maxCursor,
    String pageToken,
    boolean exhausted) {
  public PageSummary {
    if (rows < 0 || eventsAppended < 0 || duplicates < 0) {
      throw new IllegalArgumentException("page counts must not be negative");
    }
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(maxCursor, "maxCursor");
    Objects.requireNonNull(pageToken, "pageToken");
    if ((rows == 0) != maxCursor.isEmpty()) {
      throw new IllegalArgumentException("a page has a highest cursor exactly when it read rows");
    }
    if (rows == 0 && last.isPresent()) {
      throw new IllegalArgumentException("an empty page has no last row");
    }
    if (!exhausted && last.isEmpty() && pageToken.isEmpty()) {
      throw new IllegalArgumentException(
          "a page that does not exhaust the window must say where the next one starts");
    }
  }

  /** The last page of a window that had no (more) rows. */
  public static PageSummary empty() {
    return new PageSummary(0, 0, 0, Optional.empty(), Optional.empty(), "", true);
  }
}
