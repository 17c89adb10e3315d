package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryScope;
import dev.sqlfeed.domain.config.QueryVar;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource type's {@code list} block.
 *
 * @param query {@code query}
 * @param vars {@code vars}: values for the query's own placeholders, in file order
 * @param pagination {@code pagination}
 * @param map {@code map}: how a row becomes a resource
 * @param scope {@code scope}: per database (default) or once
 * @param path the YAML path of the block
 */
public record ListQuery(
    Query query,
    Map<String, QueryVar> vars,
    Optional<Pagination> pagination,
    ResourceMapping map,
    QueryScope scope,
    String path) {
  public ListQuery {
    Objects.requireNonNull(query, "query");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(pagination, "pagination");
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(path, "path");
  }
}
