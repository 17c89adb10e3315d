package dev.sqlfeed.domain.config.grant;

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
 * A grants query's {@code incremental_sync}. Its rows are mapped with the grants query's own {@code
 * map}; the resource comes from {@code resource_id}, because these queries span every resource.
 *
 * @param resourceId {@code resource_id} (CEL)
 * @param changesQuery {@code changes_query}: new or changed grants, uses {@code ?<since>}
 * @param changesCursorColumn {@code changes_cursor_column}
 * @param revokesQuery {@code revokes_query}: soft-deleted grants, uses {@code ?<since>}
 * @param revokesCursorColumn {@code revokes_cursor_column}, present with {@code revokes_query}
 * @param pagination {@code pagination}
 * @param vars {@code vars}
 * @param settings the source's timing and paging, its own keys over the top-level ones
 * @param path the YAML path of the block
 */
public record GrantsIncrementalSync(
    Cel resourceId,
    Query changesQuery,
    String changesCursorColumn,
    Optional<Query> revokesQuery,
    Optional<String> revokesCursorColumn,
    Optional<Pagination> pagination,
    Map<String, QueryVar> vars,
    SyncSettings settings,
    String path) {
  public GrantsIncrementalSync {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(changesQuery, "changesQuery");
    Objects.requireNonNull(changesCursorColumn, "changesCursorColumn");
    Objects.requireNonNull(revokesQuery, "revokesQuery");
    Objects.requireNonNull(revokesCursorColumn, "revokesCursorColumn");
    Objects.requireNonNull(pagination, "pagination");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(path, "path");
  }
}
