package dev.sqlfeed.domain.config.resource;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Ordered;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.SyncSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource type's {@code incremental_sync}: finds resources changed since a cursor.
 *
 * @param query {@code query}: uses {@code ?<since>}
 * @param cursorColumn {@code cursor_column}: the result column whose values advance the cursor
 * @param resourceId {@code resource_id}: the resource's id from a row; absent means the list
 *     mapping's {@code id}
 * @param pagination {@code pagination}: in compat mode the query pages itself (offset when no
 *     strategy is given); in keyset mode its {@code primary_key} breaks ties between equal cursor
 *     values
 * @param vars {@code vars}
 * @param settings the source's timing and paging, its own keys over the top-level ones
 * @param path the YAML path of the block
 */
public record ResourceIncrementalSync(
    Query query,
    String cursorColumn,
    Optional<Cel> resourceId,
    Optional<Pagination> pagination,
    Map<String, QueryVar> vars,
    SyncSettings settings,
    String path) {
  public ResourceIncrementalSync {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(cursorColumn, "cursorColumn");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(pagination, "pagination");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(path, "path");
  }
}
