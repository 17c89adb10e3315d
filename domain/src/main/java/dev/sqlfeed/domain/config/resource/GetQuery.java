package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import java.util.Map;
import java.util.Objects;

/**
 * A resource type's {@code get}: reads one resource by {@code ?<id>}, mapped with the list's {@code
 * map}. No row means the resource is gone.
 *
 * @param query {@code query}: uses {@code ?<id>}
 * @param vars {@code vars}
 * @param path the YAML path of the block
 */
public record GetQuery(Query query, Map<String, QueryVar> vars, String path) {
  public GetQuery {
    Objects.requireNonNull(query, "query");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(path, "path");
  }
}
