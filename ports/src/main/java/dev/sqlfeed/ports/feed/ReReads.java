package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.feed.MappedRow;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells, from a page's rows alone, which of their {@code resource_changed} events were logged
 * before, so that the page refreshes only the resources it has not seen in that state.
 *
 * <p>An event id names the row and its cursor value, so a held id means the row was read before
 * with the same cursor value and its resource was refreshed then. Where the cursor column keeps
 * microseconds ({@link SourceReader#cursorKeepsMicroseconds}), that is the state the source holds
 * now, and the refresh would find the mirror as it is: the event is then written with no changes,
 * which the log drops as a duplicate ({@link dev.sqlfeed.ports.Restatements}). This is what keeps
 * an idle cycle cheap: the rows inside the overlap window, read again on every cycle, cost one
 * look-up in the store per page instead of a {@code get} each.
 *
 * <p>With a coarser cursor (a date, whole seconds, milliseconds, or a type that says nothing about
 * its values, as on SQLite) a second change of a row within one tick reads with the id of the
 * first, and only the {@code get} tells the two apart: there every re-read row is refreshed, as the
 * restatement rule needs. Only keyset pages qualify: the reader knows their column's type.
 */
public final class ReReads {
  private final SourceReader source;
  private final EventLog log;

  public ReReads(SourceReader source, EventLog log) {
    this.source = source;
    this.log = log;
  }

  /**
   * The ids of the {@code resource_changed} events among {@code rows} that need no refresh: those
   * the app's log holds, for a keyset source whose cursor keeps microseconds; none otherwise. One
   * look-up in the store for the page, none when the cursor is coarser.
   */
  public Set<String> seenBefore(String app, FeedSource feed, List<MappedRow> rows) {
    if (feed.readMode() != FeedSource.ReadMode.KEYSET
        || !source.cursorKeepsMicroseconds(
            new SourceQuery(feed.query().path(), feed.query().sql()),
            feed.cursorColumn(),
            feed.keyColumn())) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (MappedRow row : rows) {
      for (FeedEvent event : row.events()) {
        if (event instanceof FeedEvent.ResourceChanged) {
          ids.add(event.id());
        }
      }
    }
    return ids.isEmpty() ? Set.of() : log.heldIds(app, ids);
  }
}
