package dev.sqlfeed.domain.config.entitlement;

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
 * A resource type's {@code entitlements}: entitlements read by a query, run once per resource.
 *
 * @param query {@code query}
 * @param vars {@code vars}
 * @param pagination {@code pagination}
 * @param map {@code map}: each row yields one entitlement per entry
 * @param scope {@code scope}
 * @param path the YAML path of the block
 */
public record EntitlementsQuery(
    Query query,
    Map<String, QueryVar> vars,
    Optional<Pagination> pagination,
    List<EntitlementMapping> map,
    QueryScope scope,
    String path) {
  public EntitlementsQuery {
    Objects.requireNonNull(query, "query");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(pagination, "pagination");
    map = List.copyOf(map);
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(path, "path");
  }
}
