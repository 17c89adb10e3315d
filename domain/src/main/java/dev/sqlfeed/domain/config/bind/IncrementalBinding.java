package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.GoDuration;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.config.grant.GrantsIncrementalSync;
import dev.sqlfeed.domain.config.resource.GrantRestore;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.query.SqlTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds incremental sync: the top-level {@code incremental_sync} (baton-sql's {@code
 * default_lookback} plus sqlfeed's timing keys) and each source's block, whose timing keys override
 * the top level's.
 */
final class IncrementalBinding {
  static final List<String> SETTINGS =
      List.of("default_lookback", "poll_interval", "page_size", "safety_lag", "overlap", "mode");
  static final KeySet TOP = KeySet.of(SETTINGS.toArray(String[]::new));
  static final KeySet RESOURCE =
      keys(
          "query",
          "cursor_column",
          "resource_id",
          "deleted_if",
          "restore_grants",
          "pagination",
          "vars");
  static final KeySet GRANTS =
      keys(
          "resource_id",
          "changes_query",
          "changes_cursor_column",
          "revokes_query",
          "revokes_cursor_column",
          "pagination",
          "vars");
  private static final Set<String> PAGING = Set.of("limit", "offset", "cursor");

  /**
   * The top level's settings and whether it names a mode (a source without its own mode then
   * follows it rather than choosing by its query).
   */
  record Defaults(SyncSettings settings, Optional<SyncMode> mode) {}

  private IncrementalBinding() {}

  private static KeySet keys(String... own) {
    List<String> all = new ArrayList<>(List.of(own));
    all.addAll(SETTINGS);
    return KeySet.of(all.toArray(String[]::new));
  }

  static Defaults defaults(Section root) {
    Optional<Section> s = root.section("incremental_sync", TOP);
    if (s.isEmpty()) {
      return new Defaults(SyncSettings.DEFAULTS, Optional.empty());
    }
    Optional<SyncMode> mode = s.get().oneOf("mode", SyncMode.values(), SyncMode::yaml);
    SyncSettings settings = overrides(s.get(), SyncSettings.DEFAULTS, mode.orElse(SyncMode.KEYSET));
    return new Defaults(settings, mode);
  }

  static Optional<ResourceIncrementalSync> resource(Section rt, Defaults defaults) {
    return rt.section("incremental_sync", RESOURCE)
        .flatMap(
            s -> {
              int mark = s.binding.mark();
              Map<String, QueryVar> vars = QueryParts.vars(s, "vars");
              QueryParts.rejectReservedVars(s, "vars", vars);
              Optional<Pagination> pagination =
                  QueryParts.pagination(s, Optional.of(PaginationStrategy.OFFSET));
              Optional<Query> query =
                  QueryParts.query(s, "query", QueryKind.INCREMENTAL, vars.keySet(), pagination);
              Optional<ScalarNode> cursor = s.required("cursor_column");
              Optional<Cel> resourceId = s.cel("resource_id");
              Optional<Cel> deletedIf = deletedIf(s);
              GrantRestore restoreGrants =
                  s.oneOf("restore_grants", GrantRestore.values(), GrantRestore::yaml)
                      .orElse(GrantRestore.ON_CHANGE);
              if (!rt.has("get") && !s.has("deleted_if")) {
                s.binding.error(
                    s.at,
                    s.path,
                    "needs a 'get' query on the resource type, to re-read each changed resource");
              }
              SyncSettings settings = settings(s, defaults, List.of("query"), pagination);
              return s.binding.build(
                  mark,
                  () ->
                      new ResourceIncrementalSync(
                          query.orElseThrow(),
                          cursor.orElseThrow().text(),
                          resourceId,
                          pagination,
                          vars,
                          settings,
                          s.path,
                          deletedIf,
                          restoreGrants));
            });
  }

  /**
   * {@code deleted_if}: a condition, so an expression that CEL's type check proves is not a boolean
   * (a string, a number, a list ...) is refused here rather than on the first row.
   */
  private static Optional<Cel> deletedIf(Section s) {
    Optional<Cel> cel = s.cel("deleted_if");
    Optional<String> type = cel.flatMap(c -> c.expression().nonBooleanType());
    if (type.isPresent()) {
      s.binding.error(
          s.scalar("deleted_if").orElseThrow().location(),
          s.pathOf("deleted_if"),
          "must be a boolean condition (for example .deleted_at != null), but its type is "
              + type.get());
      return Optional.empty();
    }
    return cel;
  }

  static Optional<GrantsIncrementalSync> grants(Section grantsQuery, Defaults defaults) {
    return grantsQuery
        .section("incremental_sync", GRANTS)
        .flatMap(
            s -> {
              int mark = s.binding.mark();
              Map<String, QueryVar> vars = QueryParts.vars(s, "vars");
              QueryParts.rejectReservedVars(s, "vars", vars);
              Optional<Pagination> pagination =
                  QueryParts.pagination(s, Optional.of(PaginationStrategy.OFFSET));
              Optional<Cel> resourceId = s.requiredCel("resource_id");
              Optional<Query> changes =
                  QueryParts.query(
                      s, "changes_query", QueryKind.INCREMENTAL, vars.keySet(), pagination);
              Optional<ScalarNode> changesCursor = s.required("changes_cursor_column");
              Optional<Query> revokes = Optional.empty();
              Optional<String> revokesCursor = Optional.empty();
              List<String> queryKeys = new ArrayList<>(List.of("changes_query"));
              if (!s.text("revokes_query").isBlank()) {
                revokes =
                    QueryParts.query(
                        s, "revokes_query", QueryKind.INCREMENTAL, vars.keySet(), pagination);
                revokesCursor = s.required("revokes_cursor_column").map(ScalarNode::text);
                queryKeys.add("revokes_query");
              }
              SyncSettings settings = settings(s, defaults, queryKeys, pagination);
              Optional<Query> revokesQuery = revokes;
              Optional<String> revokesColumn = revokesCursor;
              return s.binding.build(
                  mark,
                  () ->
                      new GrantsIncrementalSync(
                          resourceId.orElseThrow(),
                          changes.orElseThrow(),
                          changesCursor.orElseThrow().text(),
                          revokesQuery,
                          revokesColumn,
                          pagination,
                          vars,
                          settings,
                          s.path));
            });
  }

  /**
   * A source's settings: its own keys over the top level's. Without a mode of its own or at the top
   * level, a source whose query pages itself runs in compat mode and any other in keyset mode; in
   * keyset mode sqlfeed adds the paging, so the query must not page itself.
   */
  private static SyncSettings settings(
      Section s, Defaults defaults, List<String> queryKeys, Optional<Pagination> pagination) {
    Optional<SyncMode> own = s.oneOf("mode", SyncMode.values(), SyncMode::yaml);
    Optional<SyncMode> explicit = own.or(defaults::mode);
    boolean pagesItself = false;
    for (String key : queryKeys) {
      Optional<ScalarNode> node = s.scalar(key);
      if (node.isEmpty()) {
        continue;
      }
      for (SqlTemplate.Placeholder p : SqlTemplate.parse(node.get().text()).placeholders()) {
        if (!PAGING.contains(p.name())) {
          continue;
        }
        pagesItself = true;
        if (explicit.orElse(null) == SyncMode.KEYSET) {
          s.binding.error(
              node.get().locateOffset(p.offset()),
              s.pathOf(key),
              "pages itself with "
                  + p.token()
                  + ", but mode is keyset"
                  + (own.isPresent() ? "" : " (from incremental_sync.mode)")
                  + ": sqlfeed adds the paging; remove it or set mode: compat");
        }
      }
    }
    SyncMode mode = explicit.orElse(pagesItself ? SyncMode.COMPAT : SyncMode.KEYSET);
    if (mode == SyncMode.KEYSET && pagination.map(p -> p.primaryKey().isEmpty()).orElse(true)) {
      s.binding.warn(
          s.at,
          s.path,
          "keyset mode without pagination.primary_key orders rows by the cursor column alone;"
              + " name a primary key so that rows with equal cursor values are paged exactly");
    }
    return overrides(s, defaults.settings(), mode);
  }

  /** The settings keys of {@code s} over {@code base}, with {@code mode}. */
  static SyncSettings overrides(Section s, SyncSettings base, SyncMode mode) {
    Duration lookback = positive(s, "default_lookback").orElse(base.defaultLookback());
    Duration poll = positive(s, "poll_interval").orElse(base.pollInterval());
    int pageSize = base.pageSize();
    Optional<Integer> ownPageSize = s.integer("page_size");
    if (ownPageSize.isPresent()) {
      if (ownPageSize.get() < 1) {
        s.binding.error(
            s.scalar("page_size").orElseThrow().location(),
            s.pathOf("page_size"),
            "must be at least 1, found " + ownPageSize.get());
      } else {
        pageSize = ownPageSize.get();
      }
    }
    Duration lag = s.duration("safety_lag").orElse(base.safetyLag());
    Duration overlap = s.duration("overlap").orElse(base.overlap());
    return new SyncSettings(lookback, poll, pageSize, lag, overlap, mode);
  }

  private static Optional<Duration> positive(Section s, String key) {
    Optional<Duration> d = s.duration(key);
    if (d.isPresent() && d.get().isZero()) {
      s.binding.error(
          s.scalar(key).orElseThrow().location(),
          s.pathOf(key),
          "must be greater than zero, found " + GoDuration.format(d.get()));
      return Optional.empty();
    }
    return d;
  }
}
