package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.MappedRow;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.domain.feed.PageTally;
import java.util.List;
import java.util.Objects;

/**
 * One page of a source, read and mapped but not yet written: what the read stage hands to the write
 * stage. Never leaves the activity.
 *
 * @param rows the page's rows, mapped, in the order they were read
 * @param tally the rows counted: their number, highest cursor and last keyset position
 * @param nextToken compat mode's token for the next page, else empty
 * @param exhausted whether the window has no more rows after this page
 */
record ReadPage(List<MappedRow> rows, PageTally tally, String nextToken, boolean exhausted) {
  ReadPage {
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(tally, "tally");
    Objects.requireNonNull(nextToken, "nextToken");
  }

  /** The page's summary before it is written: what the next page's position follows from. */
  PageSummary probe() {
    return tally.summary(0, 0, nextToken, exhausted);
  }
}
