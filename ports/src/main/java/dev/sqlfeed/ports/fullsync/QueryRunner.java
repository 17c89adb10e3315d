package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.sync.Paging;
import dev.sqlfeed.domain.value.SqlNull;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import java.util.Map;
import java.util.Optional;

/** Runs one config query to its end, page by page (baton-sql paging), handing rows to a handler. */
public final class QueryRunner {
  /** Receives the rows of a query. */
  public interface RowHandler {
    void row(Map<String, Object> row, String rowKey);
  }

  private final SourceReader source;

  public QueryRunner(SourceReader source) {
    this.source = source;
  }

  /**
   * Reads every page.
   *
   * @param origin how errors name the query, for example its YAML path and the resource
   * @return the number of rows mapped
   */
  public long run(
      Query query,
      Optional<Pagination> pagination,
      Map<String, Object> vars,
      String origin,
      RowHandler handler) {
    Paging paging = Paging.of(query, pagination);
    long mapped = 0;
    do {
      PageState page = new PageState(paging, mapped, origin, handler);
      source.read(
          new SourceQuery(origin, paging.statement()),
          paging.bindings(vars),
          row -> page.accept(row.asMap()));
      mapped += page.mapped;
      paging.next(page.returned, page.lastKey);
    } while (!paging.done());
    return mapped;
  }

  /**
   * How errors name a row of a query: by its primary key column when the row has it, else by its
   * number from 1.
   */
  public static String rowKey(String primaryKey, Map<String, Object> row, long number) {
    if (!primaryKey.isEmpty() && row.containsKey(primaryKey)) {
      Object value = row.get(primaryKey);
      return primaryKey + "=" + (SqlNull.is(value) ? "NULL" : value);
    }
    return "#" + number;
  }

  /** What one page has returned so far. */
  private static final class PageState {
    private final Paging paging;
    private final long before;
    private final String origin;
    private final RowHandler handler;
    private long returned;
    private long mapped;
    private Object lastKey;

    PageState(Paging paging, long before, String origin, RowHandler handler) {
      this.paging = paging;
      this.before = before;
      this.origin = origin;
      this.handler = handler;
    }

    void accept(Map<String, Object> row) {
      returned++;
      if (returned > paging.rowsToMap()) {
        return;
      }
      String key = paging.primaryKey();
      String rowKey;
      if (!key.isEmpty() && row.containsKey(key)) {
        lastKey = row.get(key);
        rowKey = key + "=" + (SqlNull.is(lastKey) ? "NULL" : lastKey);
      } else if (paging.paged()) {
        throw new SourceException(
            SourceException.Kind.QUERY_FAILED,
            false,
            origin + ": the primary key column '" + key + "' is not in the query's results",
            null);
      } else {
        rowKey = "#" + (before + returned);
      }
      handler.row(row, rowKey);
      mapped++;
    }
  }
}
