package dev.sqlfeed.domain.schema;

import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.query.SqlTemplate.Placeholder;
import dev.sqlfeed.domain.sync.FirstCursorPage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One query of a config and what the config reads from its result.
 *
 * @param query the query
 * @param columns every result column the config reads from it, in config order
 * @param cursor for an incremental query, its cursor column: every poll filters and orders by it,
 *     so an index should lead with it
 * @param firstPageCursors for a query with cursor pagination, the comparisons on {@code ?<Cursor>}
 *     that its first page keeps ({@link FirstCursorPage#keptComparisons()})
 */
public record ExpectedQuery(
    Query query,
    List<ColumnUse> columns,
    Optional<ColumnUse> cursor,
    List<Placeholder> firstPageCursors) {
  public ExpectedQuery {
    Objects.requireNonNull(query, "query");
    columns = List.copyOf(columns);
    Objects.requireNonNull(cursor, "cursor");
    firstPageCursors = List.copyOf(firstPageCursors);
  }

  /** A query whose first page keeps no comparison on {@code ?<Cursor>}. */
  public ExpectedQuery(Query query, List<ColumnUse> columns, Optional<ColumnUse> cursor) {
    this(query, columns, cursor, List.of());
  }
}
