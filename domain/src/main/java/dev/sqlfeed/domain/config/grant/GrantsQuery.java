package dev.sqlfeed.domain.config.grant;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryScope;
import dev.sqlfeed.domain.config.QueryVar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a resource type's {@code grants}: a query run once per resource whose rows become
 * grants.
 *
 * @param query {@code query}
 * @param vars {@code vars}
 * @param pagination {@code pagination}
 * @param map {@code map}: each row yields one grant per entry (at least one entry)
 * @param scope {@code scope}
 * @param incrementalSync {@code incremental_sync}: queries that find changed and revoked grants
 * @param path the YAML path, for example {@code resource_types.group.grants[0]}
 */
public record GrantsQuery(
    Query query,
    Map<String, QueryVar> vars,
    Optional<Pagination> pagination,
    List<GrantMapping> map,
    QueryScope scope,
    Optional<GrantsIncrementalSync> incrementalSync,
    String path) {
  public GrantsQuery {
    Objects.requireNonNull(query, "query");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(pagination, "pagination");
    map = List.copyOf(map);
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(incrementalSync, "incrementalSync");
    Objects.requireNonNull(path, "path");
  }
}
