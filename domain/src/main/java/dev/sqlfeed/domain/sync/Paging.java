package dev.sqlfeed.domain.sync;

import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.query.SqlTemplate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Pages a full-sync query the way baton-sql does, one page at a time.
 *
 * <p>A query pages only when it has a {@code pagination} block and uses {@code ?<Limit>}, {@code
 * ?<Offset>} or {@code ?<Cursor>} (any case); otherwise it is read in one go. {@code ?<Limit>} is
 * bound to the page size plus one, so that a page that returns more rows than the page size shows
 * that another page follows; the extra row is not mapped. The first cursor is the empty string,
 * each next one the text of the primary key column of the page's last row. The first page of cursor
 * pagination runs {@link FirstCursorPage}'s statement where there is one: the idiom's {@code id >
 * ?<Cursor>} left out, since the empty string is no lowest key on every database.
 *
 * <p>One deliberate difference: baton-sql computes the next offset as {@code offset * pageSize +
 * pageSize}, which skips rows from the third page on; sqlfeed uses {@code offset + pageSize}.
 */
public final class Paging {
  private final Query query;
  private final Optional<Pagination> pagination;
  private final boolean paged;
  private final int pageSize;
  private final Optional<SqlTemplate> firstCursorPage;
  private long offset;
  private String cursor = "";
  private boolean firstPage = true;
  private boolean done;

  private Paging(Query query, Optional<Pagination> pagination) {
    this.query = query;
    this.pagination = pagination;
    this.paged =
        pagination.isPresent()
            && query.sql().parameters().stream()
                .map(p -> p.toLowerCase(Locale.ROOT))
                .anyMatch(p -> p.equals("limit") || p.equals("offset") || p.equals("cursor"));
    this.pageSize = pagination.map(Pagination::effectivePageSize).orElse(0);
    this.firstCursorPage =
        paged && pagination.get().strategy() == PaginationStrategy.CURSOR
            ? FirstCursorPage.of(query.sql()).statement()
            : Optional.empty();
  }

  /** Paging for a query and its optional pagination block. */
  public static Paging of(Query query, Optional<Pagination> pagination) {
    return new Paging(query, pagination);
  }

  /**
   * Paging that continues where a previous run left off: {@code token} is what {@link #token()}
   * returned then (an offset or a cursor), empty for the first page.
   *
   * @throws IllegalArgumentException when an offset token is not a number
   */
  public static Paging resume(Query query, Optional<Pagination> pagination, String token) {
    Paging paging = new Paging(query, pagination);
    if (!token.isEmpty() && paging.paged) {
      paging.firstPage = false;
      if (pagination.get().strategy() == PaginationStrategy.CURSOR) {
        paging.cursor = token;
      } else {
        paging.offset = Long.parseLong(token);
      }
    }
    return paging;
  }

  /** Where the next page starts, as text: the offset or the cursor; empty when done. */
  public String token() {
    if (done || !paged) {
      return "";
    }
    return pagination.get().strategy() == PaginationStrategy.CURSOR
        ? cursor
        : Long.toString(offset);
  }

  /** Whether the query is read in pages (else in one statement). */
  public boolean paged() {
    return paged;
  }

  /** Whether the previous page was the last. */
  public boolean done() {
    return done;
  }

  /** How many rows of the current page to map; the rest show that another page follows. */
  public long rowsToMap() {
    return paged ? pageSize : Long.MAX_VALUE;
  }

  /** The primary key column that names the rows, or empty. */
  public String primaryKey() {
    return pagination.map(Pagination::primaryKey).orElse("");
  }

  /**
   * The statement of the current page: the query as written, except on the first page of cursor
   * pagination where {@link FirstCursorPage} could leave its cursor comparisons out.
   */
  public SqlTemplate statement() {
    return firstPage ? firstCursorPage.orElse(query.sql()) : query.sql();
  }

  /**
   * The values of every placeholder of the current page's {@link #statement()}: the paging ones,
   * and the others from {@code vars}. A first page's {@code ?<Cursor>}, where its statement still
   * has one, is {@link FirstCursor#BELOW_EVERY_KEY}.
   */
  public Map<String, Object> bindings(Map<String, Object> vars) {
    Map<String, Object> bindings = new HashMap<>();
    for (String name : statement().parameters()) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "limit" -> bindings.put(name, (long) pageSize + 1);
        case "offset" -> bindings.put(name, offset);
        case "cursor" -> bindings.put(name, firstPage ? FirstCursor.BELOW_EVERY_KEY : cursor);
        default -> {
          if (vars.containsKey(name)) {
            bindings.put(name, vars.get(name));
          }
        }
      }
    }
    return bindings;
  }

  /**
   * Moves to the next page after one was read.
   *
   * @param rows how many rows the page returned (up to page size plus one)
   * @param lastKey the primary key value of the last mapped row (cursor strategy)
   * @return whether another page follows
   */
  public boolean next(long rows, Object lastKey) {
    if (!paged || rows <= pageSize) {
      done = true;
      return false;
    }
    firstPage = false;
    if (pagination.get().strategy() == PaginationStrategy.CURSOR) {
      String next = SourceRowText.of(lastKey);
      if (next.equals(cursor)) {
        throw new SourceException(
            SourceException.Kind.QUERY_FAILED,
            false,
            query.path()
                + ": the cursor did not move past "
                + next
                + "; is the query ordered by "
                + primaryKey()
                + "?",
            null);
      }
      cursor = next;
    } else {
      offset += pageSize;
    }
    return true;
  }
}
