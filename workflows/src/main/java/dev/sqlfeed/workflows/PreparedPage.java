package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.ports.SourceEvent;
import java.util.List;
import java.util.Objects;

/**
 * A page read, mapped and refreshed, ready to be written: its rows' events with their mirror
 * changes, as the source holds them now. Only what needs the store as the pages before it have left
 * it (grants restored to a resource put back) is left to the write stage. Never leaves the
 * activity.
 *
 * @param page the page as read
 * @param events its events with their mirror changes, in the order of its rows
 */
record PreparedPage(ReadPage page, List<SourceEvent> events) {
  PreparedPage {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(events, "events");
  }

  /** The page's summary before it is written: what the next page's position follows from. */
  PageSummary probe() {
    return page.probe();
  }

  boolean exhausted() {
    return page.exhausted();
  }
}
