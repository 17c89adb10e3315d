package dev.sqlfeed.domain.schema;

import dev.sqlfeed.domain.config.Query;
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
 */
public record ExpectedQuery(Query query, List<ColumnUse> columns, Optional<ColumnUse> cursor) {
  public ExpectedQuery {
    Objects.requireNonNull(query, "query");
    columns = List.copyOf(columns);
    Objects.requireNonNull(cursor, "cursor");
  }
}
