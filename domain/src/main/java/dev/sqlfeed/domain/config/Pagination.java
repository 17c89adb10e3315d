package dev.sqlfeed.domain.config;

import java.util.Objects;

/**
 * A query's {@code pagination} block.
 *
 * <p>As in baton-sql, pagination only takes effect when the query uses {@code ?<Limit>}, {@code
 * ?<Offset>} or {@code ?<Cursor>}; a paginated query without them is read in one page.
 *
 * @param strategy offset or cursor
 * @param primaryKey the result column that identifies a row (the cursor, and the column baton-sql
 *     checks is present); empty when not given
 * @param pageSize {@code page_size} as written, 0 when absent (baton-sql: default 100, clamped to
 *     1..1000)
 * @param path the YAML path of the block
 */
public record Pagination(
    PaginationStrategy strategy, String primaryKey, int pageSize, String path) {
  /** baton-sql's page size when none is configured. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** baton-sql's largest page. */
  public static final int MAX_PAGE_SIZE = 1000;

  public Pagination {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(path, "path");
  }

  /** The page size baton-sql would use: the configured one clamped to 1..1000, else 100. */
  public int effectivePageSize() {
    if (pageSize == 0) {
      return DEFAULT_PAGE_SIZE;
    }
    return Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
  }
}
