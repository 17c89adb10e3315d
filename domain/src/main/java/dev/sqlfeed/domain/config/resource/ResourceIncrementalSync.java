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
 * @param deletedIf {@code deleted_if} (a sqlfeed extension): when present the query is
 *     row-complete: each row is mapped with the list's {@code map} as it is, no {@code get} runs,
 *     and a row for which the condition is true is the resource's deletion
 * @param restoreGrants {@code restore_grants} (a sqlfeed extension): which changed resources have
 *     their grants re-read
 */
public record ResourceIncrementalSync(
    Query query,
    String cursorColumn,
    Optional<Cel> resourceId,
    Optional<Pagination> pagination,
    Map<String, QueryVar> vars,
    SyncSettings settings,
    String path,
    Optional<Cel> deletedIf,
    GrantRestore restoreGrants) {
  public ResourceIncrementalSync {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(cursorColumn, "cursorColumn");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(pagination, "pagination");
    vars = Ordered.copy(vars);
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(deletedIf, "deletedIf");
    Objects.requireNonNull(restoreGrants, "restoreGrants");
  }

  /** A block with the default {@code restore_grants}. */
  public ResourceIncrementalSync(
      Query query,
      String cursorColumn,
      Optional<Cel> resourceId,
      Optional<Pagination> pagination,
      Map<String, QueryVar> vars,
      SyncSettings settings,
      String path,
      Optional<Cel> deletedIf) {
    this(
        query,
        cursorColumn,
        resourceId,
        pagination,
        vars,
        settings,
        path,
        deletedIf,
        GrantRestore.ON_CHANGE);
  }

  /** A block without {@code deleted_if}: changed resources are read again with {@code get}. */
  public ResourceIncrementalSync(
      Query query,
      String cursorColumn,
      Optional<Cel> resourceId,
      Optional<Pagination> pagination,
      Map<String, QueryVar> vars,
      SyncSettings settings,
      String path) {
    this(query, cursorColumn, resourceId, pagination, vars, settings, path, Optional.empty());
  }

  /** Whether changed rows are mapped as they are read, with no {@code get}. */
  public boolean rowComplete() {
    return deletedIf.isPresent();
  }
}
