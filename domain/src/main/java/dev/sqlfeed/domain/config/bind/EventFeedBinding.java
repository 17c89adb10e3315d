package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.SyncMode;
import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.feed.EventFeedMapping;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import dev.sqlfeed.domain.query.SqlTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the top-level {@code event_feeds} section, then checks which resource types no incremental
 * source covers ({@link FeedCoverage}).
 *
 * <p>A feed takes the same settings keys as a source's {@code incremental_sync} block, over the top
 * level's. Feeds run in keyset mode only: their {@code primary_key} is required, and a query that
 * pages itself, or {@code mode: compat}, is an error rather than a mode sqlfeed would have to
 * emulate for a table that is appended to anyway.
 */
final class EventFeedBinding {
  static final KeySet FEED = keys("query", "cursor_column", "primary_key", "map", "vars");
  private static final Set<String> PAGING = Set.of("limit", "offset", "cursor");

  private EventFeedBinding() {}

  private static KeySet keys(String... own) {
    List<String> all = new ArrayList<>(List.of(own));
    all.addAll(IncrementalBinding.SETTINGS);
    return KeySet.of(all.toArray(String[]::new));
  }

  static Map<String, EventFeed> bind(Section top, IncrementalBinding.Defaults defaults) {
    DeclaredTypes types = DeclaredTypes.of(top);
    Map<String, EventFeed> out = new LinkedHashMap<>();
    int mark = top.binding.mark();
    for (MappingNode.Entry e : top.named("event_feeds")) {
      Section.of(
              top.binding,
              e.value(),
              YamlPaths.child("event_feeds", e.key()),
              FEED,
              e.keyLocation())
          .flatMap(s -> feed(s, e.key(), defaults, types))
          .ifPresent(f -> out.put(e.key(), f));
    }
    if (top.binding.mark() == mark) {
      // With a broken feed, what it covers is unknown: its errors say enough.
      FeedCoverage.check(top.binding, types, out.values());
    }
    return out;
  }

  private static Optional<EventFeed> feed(
      Section s, String key, IncrementalBinding.Defaults defaults, DeclaredTypes types) {
    int mark = s.binding.mark();
    String sourceKey = "event_feeds." + key;
    if (types.ids().contains(sourceKey)) {
      s.binding.error(
          s.at,
          s.path,
          "the feed's source key '"
              + sourceKey
              + "' is also a resource type's id, and so its source key: rename one of them");
    }
    Map<String, QueryVar> vars = QueryParts.vars(s, "vars");
    QueryParts.rejectReservedVars(s, "vars", vars);
    Optional<Query> query =
        pagesItself(s)
            ? Optional.empty()
            : QueryParts.query(s, "query", QueryKind.INCREMENTAL, vars.keySet(), Optional.empty());
    Optional<ScalarNode> cursor = s.required("cursor_column");
    Optional<ScalarNode> primaryKey = s.required("primary_key");
    Optional<EventFeedMapping> map =
        s.requiredSection("map", EventFeedMappingBinding.KEYS)
            .flatMap(m -> EventFeedMappingBinding.bind(m, types));
    SyncSettings settings = settings(s, defaults);
    return s.binding.build(
        mark,
        () ->
            new EventFeed(
                key,
                query.orElseThrow(),
                cursor.orElseThrow().text(),
                primaryKey.orElseThrow().text(),
                map.orElseThrow(),
                vars,
                settings,
                s.path));
  }

  /** Reports (and says whether) the query pages itself, which only compat mode would allow. */
  private static boolean pagesItself(Section s) {
    if (!(s.value("query").orElse(null) instanceof ScalarNode node)) {
      return false;
    }
    boolean pages = false;
    for (SqlTemplate.Placeholder p : SqlTemplate.parse(node.text()).placeholders()) {
      if (PAGING.contains(p.name())) {
        pages = true;
        s.binding.error(
            node.locateOffset(p.offset()),
            s.pathOf("query"),
            "pages itself with "
                + p.token()
                + ": sqlfeed pages an event feed by (cursor_column, primary_key); remove it");
      }
    }
    return pages;
  }

  private static SyncSettings settings(Section s, IncrementalBinding.Defaults defaults) {
    Optional<SyncMode> own = s.oneOf("mode", SyncMode.values(), SyncMode::yaml);
    if (own.orElse(null) == SyncMode.COMPAT) {
      s.binding.error(
          s.node.get("mode").orElseThrow().location(),
          s.pathOf("mode"),
          "event feeds run in keyset mode only: sqlfeed pages them by (cursor_column,"
              + " primary_key)");
    } else if (own.isEmpty() && defaults.mode().orElse(null) == SyncMode.COMPAT) {
      s.binding.error(
          s.at,
          s.path,
          "event feeds run in keyset mode only, but incremental_sync.mode is compat: set"
              + " 'mode: keyset' on the feed");
    }
    return IncrementalBinding.overrides(s, defaults.settings(), SyncMode.KEYSET);
  }
}
