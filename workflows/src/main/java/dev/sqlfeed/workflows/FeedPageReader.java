package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.FeedSource;
import dev.sqlfeed.domain.feed.IncrementalRowMapper;
import dev.sqlfeed.domain.feed.MappedRow;
import dev.sqlfeed.domain.feed.PageTally;
import dev.sqlfeed.domain.feed.RunningCycle;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.sync.Paging;
import dev.sqlfeed.ports.KeysetPage;
import dev.sqlfeed.ports.PlannedPage;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.fullsync.QueryVars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The read stage of a page: reads the rows of one page of a source after the cycle's position and
 * maps each to events as it streams by. Touches only the source, never the store, so that it can
 * run on a thread of its own while the previous page is written ({@link PagePipeline}).
 */
final class FeedPageReader {
  /** Rows between two calls of the progress hook; the SDK throttles heartbeats anyway. */
  static final int PROGRESS_ROWS = 100;

  private final SourceReader source;

  FeedPageReader(SourceReader source) {
    this.source = source;
  }

  /** A cycle opened at the database's clock, and its first page (null when it did not run). */
  record Opened(CycleState state, ReadPage page) {}

  /**
   * Opens a keyset source's cycle at the database's clock and reads its first page, both in one
   * source transaction ({@link SourceReader#readPageAt}), rather than the clock in one of its own.
   *
   * @param closed the source's state between cycles
   */
  Opened openAndRead(FeedSource feed, CycleState closed, int pageSize, LongConsumer progress) {
    PageTally tally = new PageTally();
    List<MappedRow> rows = new ArrayList<>();
    Mapped out = new Mapped(tally, rows, progress);
    CycleState[] opened = {closed};
    long read =
        source.readPageAt(
            query(feed),
            now -> {
              opened[0] = closed.open(now, feed.settings());
              return opened[0].cycle().map(c -> keysetPage(feed, c, pageSize));
            },
            row -> out.add(IncrementalRowMapper.map(feed, row.asMap())));
    return new Opened(
        opened[0], opened[0].running() ? new ReadPage(rows, tally, "", read < pageSize) : null);
  }

  /**
   * Reads and maps the page after {@code cycle}'s position.
   *
   * @param progress told the rows read so far, every {@value #PROGRESS_ROWS} rows, on the reading
   *     thread; an exception it throws ends the read and passes through unchanged
   */
  ReadPage read(FeedSource feed, RunningCycle cycle, int pageSize, LongConsumer progress) {
    Map<String, Object> bindings = bindings(feed, cycle);
    SourceQuery query = query(feed);
    PageTally tally = new PageTally();
    List<MappedRow> rows = new ArrayList<>();
    Mapped out = new Mapped(tally, rows, progress);
    switch (feed.readMode()) {
      case KEYSET -> {
        PlannedPage page = keysetPage(feed, cycle, pageSize);
        long read =
            source.readPage(
                query,
                page.bindings(),
                page.page(),
                row -> out.add(IncrementalRowMapper.map(feed, row.asMap())));
        return new ReadPage(rows, tally, "", read < pageSize);
      }
      case WHOLE_WINDOW -> {
        // No key to page by: the window is one page. The query's own ?<since> bounds it below;
        // rows past upTo are left for the next cycle. A coarse column (a date) holds a change at
        // its day, so the window starts there, as a keyset page's does: else a row changed today
        // sits below a window that starts an hour ago, cycle after cycle.
        Instant since =
            source.cursorPrecision(query, bindings, feed.cursorColumn(), null).floor(cycle.since());
        if (bindings.containsKey("since")) {
          bindings.put("since", since);
        }
        source.read(
            query,
            bindings,
            row -> {
              MappedRow mapped = IncrementalRowMapper.map(feed, row.asMap());
              if (!mapped.cursor().isBefore(since) && !mapped.cursor().isAfter(cycle.upTo())) {
                out.add(mapped);
              }
            });
        return new ReadPage(rows, tally, "", true);
      }
      case COMPAT -> {
        // baton-sql's semantics: the query pages itself (?<Limit> with ?<Offset> or ?<Cursor>),
        // one page per read, resuming from the token the previous page left in the state.
        // Rows are not bounded by upTo, and an offset can skip rows that move while the cycle
        // pages: docs/incremental.md says what this mode can miss.
        Paging paging = Paging.resume(feed.query(), feed.pagination(), cycle.pageToken());
        long[] returned = {0};
        Object[] lastKey = {null};
        source.read(
            new SourceQuery(query.origin(), paging.statement()),
            paging.bindings(bindings),
            row -> {
              returned[0]++;
              if (returned[0] > paging.rowsToMap()) {
                return;
              }
              Map<String, Object> values = row.asMap();
              lastKey[0] = values.get(paging.primaryKey());
              out.add(IncrementalRowMapper.map(feed, values));
            });
        boolean more = paging.next(returned[0], lastKey[0]);
        return new ReadPage(rows, tally, more ? paging.token() : "", !more);
      }
      default -> throw new IllegalStateException("unknown read mode " + feed.readMode());
    }
  }

  /** Collects a page's mapped rows and tells the progress hook now and then. */
  private record Mapped(PageTally tally, List<MappedRow> rows, LongConsumer progress) {
    void add(MappedRow mapped) {
      tally.add(mapped);
      rows.add(mapped);
      if (tally.rows() % PROGRESS_ROWS == 0) {
        progress.accept(tally.rows());
      }
    }
  }

  private static SourceQuery query(FeedSource feed) {
    return new SourceQuery(feed.query().path(), feed.query().sql());
  }

  /** The query's own bindings: its vars, and {@code ?<since>} as the cycle's lower bound. */
  private static Map<String, Object> bindings(FeedSource feed, RunningCycle cycle) {
    Map<String, Object> bindings =
        new HashMap<>(QueryVars.evaluate(feed.vars(), Activation.forRow(Map.of())));
    for (String name : feed.query().sql().parameters()) {
      if (name.equals("since")) {
        bindings.put(name, cycle.since());
      }
    }
    return bindings;
  }

  /** The cycle's next keyset page. */
  private static PlannedPage keysetPage(FeedSource feed, RunningCycle cycle, int pageSize) {
    return new PlannedPage(
        bindings(feed, cycle),
        new KeysetPage(
            feed.cursorColumn(),
            feed.keyColumn(),
            cycle.since(),
            cycle.upTo(),
            cycle.after().map(p -> p.cursor()),
            cycle.after().map(p -> p.key().value()).orElse(null),
            pageSize));
  }
}
